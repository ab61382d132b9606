using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The portal reads a multi-host connection string (<c>Host=primary,replica;Target Session
/// Attributes=primary</c>, docs/operations.md "A streaming replica and its promotion"): the
/// rewriting that adds the planner Options (docs/decisions/009), the health check's short
/// timeouts and the advisory-lock migrator all keep both hosts and the attribute.
/// scripts/failover.sh (FailoverScriptTests) tries a real promotion.
/// </summary>
public class MultiHostConnectionTests
{
    private static string PortalConnectionString(string configured) =>
        PortalServices.ConnectionString(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Paritrana"] = configured })
            .Build());

    /// <summary>A port on which nothing listens: a connection to it is refused at once, like a primary whose machine is gone.</summary>
    private static int DeadPort()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The test server listed second, after a host that refuses connections, with the given attribute.</summary>
    private static string TwoHosts(string database, string attribute)
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(database));
        var builder = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionStringFor(database))
        {
            Host = $"127.0.0.1:{DeadPort()},{server.Host}:{server.Port}",
        };
        builder["Target Session Attributes"] = attribute;
        return builder.ConnectionString;
    }

    [Fact]
    public void The_planner_options_are_added_and_both_hosts_and_the_attribute_kept()
    {
        var rewritten = new NpgsqlConnectionStringBuilder(PortalConnectionString(
            "Host=db-a.internal,db-b.internal;Port=5433;Database=paritrana;Username=paritrana;Password=s3cret;Target Session Attributes=primary"));

        rewritten.Host.ShouldBe("db-a.internal,db-b.internal");
        rewritten.Port.ShouldBe(5433);
        rewritten.TargetSessionAttributes.ShouldBe("primary");
        rewritten.Options.ShouldBe(PortalServices.PlannerOptions);
        rewritten.Database.ShouldBe("paritrana");
        rewritten.Password.ShouldBe("s3cret");
    }

    [Fact]
    public void Hosts_with_their_own_ports_are_kept_as_written()
    {
        var rewritten = new NpgsqlConnectionStringBuilder(PortalConnectionString(
            "Host=10.0.0.1:5432,10.0.0.2:6432;Database=paritrana;Username=paritrana;Target Session Attributes=primary;Host Recheck Seconds=2"));

        rewritten.Host.ShouldBe("10.0.0.1:5432,10.0.0.2:6432");
        rewritten.TargetSessionAttributes.ShouldBe("primary");
        rewritten.HostRecheckSeconds.ShouldBe(2);
        rewritten.Options.ShouldBe(PortalServices.PlannerOptions);
    }

    /// <summary>
    /// An empty database reached through a host that refuses connections and then the real server:
    /// the portal migrates it at start-up under its advisory lock, is ready, and a demo user signs in.
    /// </summary>
    [Fact]
    public async Task The_portal_migrates_serves_and_signs_in_through_the_second_host_when_the_first_is_down()
    {
        var database = await TestDatabase.CreateEmptyAsync("multihost");
        try
        {
            await using var factory = new PortalFactory(database, settings: new Dictionary<string, string?> { ["ConnectionStrings:Paritrana"] = TwoHosts(database, "primary") });
            using var client = factory.CreatePortalClient();

            using var ready = await client.GetAsync("/health/ready");
            (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy\ndatabase: Healthy\nmigrations: Healthy\nchromium: Healthy\n");
            ((int)ready.StatusCode).ShouldBe(200);
            (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM regencies_and_cities")).ShouldBe(514L);

            await client.SignedInAsAsync("admin@paritrana.demo");
            var home = await client.GetPageAsync("/");
            home.QuerySelector("#accountMenu").ShouldNotBeNull();
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    /// <summary>
    /// The attribute reaches Npgsql through the health check's rewriting too: asking for a standby
    /// where there is only a primary makes the database check fail, and says so.
    /// </summary>
    [Fact]
    public async Task The_health_check_keeps_the_attribute_and_finds_no_standby_on_a_primary()
    {
        var database = await TestDatabase.CreateAsync("multihost");
        try
        {
            await using var factory = new PortalFactory(database, settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Paritrana"] = TwoHosts(database, "standby"),
                ["Database:MigrateOnStartup"] = "false",
            });
            using var client = factory.CreatePortalClient();

            using var ready = await client.GetAsync("/health/ready");

            ((int)ready.StatusCode).ShouldBe(503);
            (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy\ndatabase: Unhealthy\nmigrations: Unhealthy\nchromium: Healthy\n");
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }
    /// <summary>
    /// While no listed host is the primary (the primary lost, the replica not promoted yet, or
    /// promoted less than Host Recheck Seconds ago), Npgsql says "No suitable host was found": users
    /// get the clear 503 page of a database outage, not the 500 of a fault in the portal.
    /// </summary>
    [Fact]
    public async Task With_no_primary_among_the_hosts_a_user_gets_the_clear_outage_page()
    {
        var database = await TestDatabase.CreateAsync("multihost");
        try
        {
            await using var factory = new PortalFactory(database, settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Paritrana"] = TwoHosts(database, "standby"),
                ["Database:MigrateOnStartup"] = "false",
            });
            using var client = factory.CreatePortalClient();

            // The key ring is in the database too (decisions/018), so already the sign-in form, which
            // carries an antiforgery token, cannot be made: the outage page answers, without forms.
            using var response = await client.GetAsync("/Account/Login");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var page = await PortalClient.ParseAsync(response);
            page.QuerySelectorAll("form").Length.ShouldBe(0);
            PortalClient.Text(page.QuerySelector("h1")).ShouldBe("Layanan sedang tidak tersedia");
            PortalClient.Text(page.QuerySelector("main .lead")).ShouldBe("Basis data portal sedang tidak dapat dihubungi. Data Anda aman; coba lagi dalam beberapa saat.");
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }
}
