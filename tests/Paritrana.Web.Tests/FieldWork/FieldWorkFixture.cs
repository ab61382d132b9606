namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// One fresh database and one portal per test class, like <see cref="PortalFixture"/>, with the
/// evidence files kept in a directory of the class's own (Storage:EvidenceDirectory), so that tests
/// can see exactly which files are on disk.
/// </summary>
public sealed class FieldWorkFixture : IAsyncLifetime
{
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public string EvidenceDirectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("fw");
        EvidenceDirectory = Path.Combine(Path.GetTempPath(), "paritrana-test-evidence", database);
        _factory = new PortalFactory(database, settings: new Dictionary<string, string?> { ["Storage:EvidenceDirectory"] = EvidenceDirectory });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }

        if (Directory.Exists(EvidenceDirectory))
        {
            Directory.Delete(EvidenceDirectory, recursive: true);
        }
    }
}
