namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// One fresh database and one portal per test class, like <see cref="PortalFixture"/>, with the
/// evidence files kept in a directory of the class's own (Storage:EvidenceDirectory), so that tests
/// can see exactly which files are on disk.
/// </summary>
public class FieldWorkFixture : IAsyncLifetime
{
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public string EvidenceDirectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("fw");
        EvidenceDirectory = Path.Combine(Path.GetTempPath(), "paritrana-test-evidence", database);
        _factory = CreateFactory(database, new Dictionary<string, string?> { ["Storage:EvidenceDirectory"] = EvidenceDirectory });
        _factory.StartServer();
    }

    /// <summary>The portal, not yet started (<see cref="KestrelFieldWorkFixture"/> serves it on a real port).</summary>
    protected virtual PortalFactory CreateFactory(string database, Dictionary<string, string?> settings) => new(database, settings: settings);

    /// <summary>A browser-like client of the portal (cookies kept, redirects returned).</summary>
    public virtual PortalClient CreateClient() => Factory.CreatePortalClient();

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
