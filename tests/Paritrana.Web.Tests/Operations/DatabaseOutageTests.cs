using Npgsql;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The portal behind a TCP proxy to PostgreSQL: cutting the proxy is a database outage.
/// </summary>
public class DatabaseOutageTests : IAsyncLifetime
{
    private string _database = "";
    private TcpProxy? _proxy;
    private PortalFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("outage");
        var port = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString).Port;
        _proxy = new TcpProxy(port);
        _proxy.Start();
        var viaProxy = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(_database)) { Port = _proxy.Port, Timeout = 3 }.ConnectionString;
        _factory = new PortalFactory(_database, settings: new Dictionary<string, string?> { ["ConnectionStrings:Paritrana"] = viaProxy });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task Health_says_503_while_the_database_is_away_and_200_when_it_is_back()
    {
        using var client = _factory!.CreatePortalClient();
        await client.SignedInAsAsync("anggota.bali@paritrana.demo");
        using (var up = await client.GetAsync("/health"))
        {
            up.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await up.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        }

        _proxy!.Stop();
        using (var down = await client.GetAsync("/health"))
        {
            down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await down.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        }

        using (var page = await client.GetAsync("/"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var doc = await PortalClient.ParseAsync(page);
            PortalClient.Text(doc.QuerySelector("h1")).ShouldBe("Layanan sedang tidak tersedia");
            PortalClient.Text(doc.QuerySelector("main .lead")).ShouldBe("Basis data portal sedang tidak dapat dihubungi. Data Anda aman; coba lagi dalam beberapa saat.");
            var html = doc.DocumentElement.OuterHtml;
            html.ShouldNotContain("Npgsql");
            html.ShouldNotContain("   at ");
        }

        _proxy.Start();
        using (var back = await client.GetAsync("/health"))
        {
            back.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The first page after the outage already works: the session survived and nothing needs a restart.
        var home = await client.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("[data-testid=regency-count]")).ShouldBe("9");
    }

    [Fact]
    public async Task Signing_in_during_an_outage_shows_the_clear_page_not_a_wrong_password()
    {
        using var client = _factory!.CreatePortalClient();
        var login = await client.GetPageAsync("/Account/Login");
        _proxy!.Stop();
        try
        {
            using var response = await client.SubmitFormAsync(login, "/Account/Login", "main form", new Dictionary<string, string>
            {
                ["Input.Email"] = "anggota.bali@paritrana.demo",
                ["Input.Password"] = PortalClient.DemoPassword,
            });
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            PortalClient.Text((await PortalClient.ParseAsync(response)).QuerySelector("h1")).ShouldBe("Layanan sedang tidak tersedia");
        }
        finally
        {
            _proxy.Start();
        }
    }
}
