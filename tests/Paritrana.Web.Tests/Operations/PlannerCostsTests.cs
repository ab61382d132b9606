using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The portal's sessions tell PostgreSQL that index lookups are cheap (random_page_cost 1.1,
/// docs/decisions/009), unless the operator's connection string sets its own Options.
/// </summary>
public class PlannerCostsTests
{
    private static async Task<string> RandomPageCostAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW random_page_cost", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string PortalConnectionString(string configured) =>
        PortalServices.ConnectionString(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Paritrana"] = configured })
            .Build());

    [Fact]
    public async Task The_portal_connection_string_sets_random_page_cost_on_every_session()
    {
        (await RandomPageCostAsync(PortalConnectionString(TestDatabase.ServerConnectionString))).ShouldBe("1.1");
    }

    [Fact]
    public async Task Options_given_in_the_connection_string_are_kept()
    {
        var own = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Options = "-c random_page_cost=2" }.ConnectionString;

        (await RandomPageCostAsync(PortalConnectionString(own))).ShouldBe("2");
    }
}
