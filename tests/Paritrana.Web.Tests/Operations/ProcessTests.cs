using System.Diagnostics;
using System.Net.Sockets;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The built portal as a real process, the way scripts/start.sh and operators run it: the
/// command-line verbs and the --urls option.
/// </summary>
public class ProcessTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateEmptyAsync("proc");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    private static string WebProjectDirectory => RepositoryPaths.WebProjectDirectory;

    private static string WebDll => RepositoryPaths.WebDll;

    private Process Start(params string[] args) => Start(configured: true, args);

    private bool _demo;

    private Process Start(bool configured, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = WebProjectDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(WebDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ConnectionStrings__Paritrana"] = TestDatabase.ConnectionStringFor(_database);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Demo__Enabled"] = _demo ? "true" : "false";
        if (!configured)
        {
            info.Environment.Remove("ConnectionStrings__Paritrana");
        }

        return Process.Start(info)!;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(bool configured, params string[] args)
    {
        using var process = Start(configured, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task The_migrate_verb_brings_an_empty_database_up_to_date_and_exits()
    {
        using var process = Start("migrate");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        output.ShouldContain("Database created with ");
        output.ShouldNotContain("Database is up to date");
        (await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM regencies_and_cities")).ShouldBe(514L);
    }

    [Fact]
    public async Task The_first_start_on_an_empty_database_logs_no_error_and_says_it_created_the_database()
    {
        // Issue 15 saw "fail: ... Failed executing DbCommand ... __EFMigrationsHistory" on every first start.
        var migrations = typeof(Program).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
        migrations.ShouldBe(1 + Paritrana.Web.Tests.Data.LegacyUpgradeTests.AfterBaseline.Length);
        var latest = Paritrana.Web.Tests.Data.LegacyUpgradeTests.Latest;

        var (exitCode, first) = await RunAsync(configured: true, "migrate");
        exitCode.ShouldBe(0);
        first.ShouldContain(migrations == 1 ? $"Database created with 1 migration, now at {latest}." : $"Database created with {migrations} migrations, now at {latest}.");
        first.ShouldNotContain("fail:");
        first.ShouldNotContain("Failed executing DbCommand");

        var (again, second) = await RunAsync(configured: true, "migrate");
        again.ShouldBe(0);
        second.ShouldContain($"Database is up to date at {latest}.");
        second.ShouldNotContain("Database created");
        second.ShouldNotContain("fail:");
    }

    [Fact]
    public async Task The_first_start_of_the_demo_logs_no_error_and_says_what_it_created_then_that_it_was_there()
    {
        // scripts/start.sh runs "migrate" with the demo on: its whole output, logs included.
        _demo = true;
        var latest = Paritrana.Web.Tests.Data.LegacyUpgradeTests.Latest;

        var (exitCode, first) = await RunAsync(configured: true, "migrate");

        exitCode.ShouldBe(0);
        first.Split('\n').Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains(" ERR ", StringComparison.Ordinal)).ShouldBeEmpty();
        first.ShouldContain($"migrations, now at {latest}.");
        first.ShouldContain("Demo data seeded: 13 accounts, the current cycle and the 2021 cycle.");
        first.ShouldNotContain("Database is up to date");
        first.ShouldNotContain("Demo data already present");

        var (again, second) = await RunAsync(configured: true, "migrate");

        again.ShouldBe(0);
        second.ShouldContain($"Database is up to date at {latest}.");
        second.ShouldContain("Demo data already present.");
        second.ShouldNotContain("Demo data seeded");
        second.Split('\n').Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains(" ERR ", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_migrations_script_verb_prints_the_deployment_script_without_configuration_or_database()
    {
        var (exitCode, output) = await RunAsync(configured: false, "migrations-script");
        exitCode.ShouldBe(0);
        output.ShouldBe(Paritrana.Web.Data.MigrationsScript.Generate());
        output.ShouldStartWith("-- Moves a database migrated by the hand-written scripts");
        output.ShouldContain($"VALUES ('{Paritrana.Web.Data.LegacyMigrations.BaselineId}', '10.0.15');");
    }

    [Fact]
    public async Task An_unknown_verb_is_refused_with_the_list_of_verbs()
    {
        using var process = Start("frobnicate");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(2);
        error.ShouldContain("Unknown command 'frobnicate'.");
    }

    [Fact]
    public async Task The_portal_listens_where_urls_says_and_answers_health()
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var process = Start("--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpResponseMessage? response = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (response is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            response.ShouldNotBeNull("the portal did not answer on the --urls address");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
            using var login = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/Account/Login"));
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            login.Headers.Contains("Server").ShouldBeFalse("Kestrel's Server header is switched off");
            (await login.Content.ReadAsStringAsync()).ShouldContain("Masuk ke Portal Paritrana");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
