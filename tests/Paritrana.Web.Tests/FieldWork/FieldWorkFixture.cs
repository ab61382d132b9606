namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// One fresh database and one portal per test class, like <see cref="PortalFixture"/>, with the
/// a way to see exactly which files are stored (in PostgreSQL, docs/decisions/018).
/// </summary>
public class FieldWorkFixture : IAsyncLifetime
{
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public virtual async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("fw");
        _factory = CreateFactory(database, []);
        _factory.StartServer();
    }

    /// <summary>The portal, not yet started (<see cref="KestrelFieldWorkFixture"/> serves it on a real port).</summary>
    protected virtual PortalFactory CreateFactory(string database, Dictionary<string, string?> settings) => new(database, settings: settings);

    /// <summary>A browser-like client of the portal (cookies kept, redirects returned).</summary>
    public virtual PortalClient CreateClient() => Factory.CreatePortalClient();

    /// <summary>The ids (32 hex digits) of every file stored in the class's database.</summary>
    public string[] StoredFileIds() => StoredFileRows.IdsAsync(Database).GetAwaiter().GetResult();

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }
    }
}
