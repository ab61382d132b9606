using System.Diagnostics;
using Npgsql;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// /health/live says the process answers (no database touched); /health/ready says the portal can
/// serve: database reachable, no migration pending, Chromium present and executable. /health keeps
/// its old answer (the overall status word) for the scripts that call it. Each test gets its own
/// database copy and portal, configured for the failure it shows.
/// </summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private const string AllHealthy = "Healthy\ndatabase: Healthy\nmigrations: Healthy\nchromium: Healthy\n";

    private string _database = "";
    private PortalFactory? _factory;
    private TcpProxy? _proxy;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("health");

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

    private PortalClient Portal(Dictionary<string, string?>? settings = null)
    {
        _factory = new PortalFactory(_database, settings: settings);
        return _factory.CreatePortalClient();
    }

    private static async Task<(int Status, string Body)> GetAsync(PortalClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_healthy_portal_answers_all_three_anonymously_in_plain_text_never_cached()
    {
        using var client = Portal();
        foreach (var (path, body) in new[] { ("/health/live", "Healthy"), ("/health/ready", AllHealthy), ("/health", "Healthy") })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).ShouldBe(body, path);
            response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; charset=utf-8", path);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(path);
            response.Headers.Contains("Set-Cookie").ShouldBeFalse(path);
        }
    }

    [Fact]
    public async Task With_the_database_unreachable_live_says_200_and_ready_503_quickly_and_ready_recovers()
    {
        _proxy = new TcpProxy(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString).Port);
        _proxy.Start();
        var viaProxy = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(_database)) { Port = _proxy.Port }.ConnectionString;
        using var client = Portal(new() { ["ConnectionStrings:Paritrana"] = viaProxy });
        // A signed-in operator's browser too: live runs before the session check, which would read the database.
        await client.SignedInAsAsync("admin@paritrana.demo");
        (await GetAsync(client, "/health/ready")).ShouldBe((200, AllHealthy));

        _proxy.Stop();
        (await GetAsync(client, "/health/live")).ShouldBe((200, "Healthy"));
        var clock = Stopwatch.StartNew();
        (await GetAsync(client, "/health/ready")).ShouldBe((503, "Unhealthy\ndatabase: Unhealthy\nmigrations: Unhealthy\nchromium: Healthy\n"));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (await GetAsync(client, "/health")).ShouldBe((503, "Unhealthy"));
        (await GetAsync(client, "/health/live")).ShouldBe((200, "Healthy"));

        _proxy.Start();
        (await GetAsync(client, "/health/ready")).ShouldBe((200, AllHealthy));
    }

    [Fact]
    public async Task Ready_answers_503_within_the_check_timeout_when_the_database_does_not_answer_at_all()
    {
        // A listener that accepts connections and never says a word: a hung server, not a refused connection.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var hung = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(_database)) { Port = port, Timeout = 30 }.ConnectionString;
        using var client = Portal(new() { ["ConnectionStrings:Paritrana"] = hung, ["Database:MigrateOnStartup"] = "false" });

        (await GetAsync(client, "/health/live")).ShouldBe((200, "Healthy"));
        var clock = Stopwatch.StartNew();
        (await GetAsync(client, "/health/ready")).ShouldBe((503, "Unhealthy\ndatabase: Unhealthy\nmigrations: Unhealthy\nchromium: Healthy\n"));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6), "each check gives up after 3 s, not after the connection's 30 s");
    }

    [Fact]
    public async Task Ready_answers_503_when_Chromium_is_missing_and_live_still_200()
    {
        using var client = Portal(new() { ["Reports:ChromiumPath"] = "/nonexistent/chromium" });

        (await GetAsync(client, "/health/ready")).ShouldBe((503, "Unhealthy\ndatabase: Healthy\nmigrations: Healthy\nchromium: Unhealthy\n"));
        (await GetAsync(client, "/health")).ShouldBe((503, "Unhealthy"));
        (await GetAsync(client, "/health/live")).ShouldBe((200, "Healthy"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Ready_answers_503_when_the_Chromium_file_is_not_executable()
    {
        var notExecutable = Path.Combine(Path.GetTempPath(), $"paritrana-chromium-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(notExecutable, "#!/bin/sh\n");
        File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            using var client = Portal(new() { ["Reports:ChromiumPath"] = notExecutable });
            (await GetAsync(client, "/health/ready")).ShouldBe((503, "Unhealthy\ndatabase: Healthy\nmigrations: Healthy\nchromium: Unhealthy\n"));

            File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            (await GetAsync(client, "/health/ready")).ShouldBe((200, AllHealthy));
        }
        finally
        {
            File.Delete(notExecutable);
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_the_last_migration_is_not_applied_and_200_once_it_is()
    {
        // A database one migration behind this build (as after deploying a new version with
        // Database:MigrateOnStartup=false, before running `migrate`).
        var last = await TestDatabase.ScalarAsync<string>(_database, "SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\"");
        last.ShouldNotBeNull();
        var version = await TestDatabase.ScalarAsync<string>(_database, "SELECT \"ProductVersion\" FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = @id", ("id", last));
        await TestDatabase.ExecuteAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{last}'", _database);
        using var client = Portal(new() { ["Database:MigrateOnStartup"] = "false" });

        (await GetAsync(client, "/health/ready")).ShouldBe((503, "Unhealthy\ndatabase: Healthy\nmigrations: Unhealthy\nchromium: Healthy\n"));
        (await GetAsync(client, "/health")).ShouldBe((503, "Unhealthy"));
        (await GetAsync(client, "/health/live")).ShouldBe((200, "Healthy"));

        await TestDatabase.ExecuteAsync($"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{last}', '{version}')", _database);
        (await GetAsync(client, "/health/ready")).ShouldBe((200, AllHealthy));
    }
}
