using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Performance;

/// <summary>
/// What a request reuses instead of building again (docs/decisions/020): its DbContext comes from
/// a pool, and the statements it sends are prepared on their connection once they have run twice,
/// so PostgreSQL stops planning them on every request.
/// </summary>
public class ConnectionReuseTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void The_portal_prepares_its_statements_unless_the_connection_string_says_otherwise()
    {
        var portalDefault = new NpgsqlConnectionStringBuilder(PortalServices.WithPlannerCosts("Host=db;Database=paritrana"));
        portalDefault.MaxAutoPrepare.ShouldBe(200);
        portalDefault.AutoPrepareMinUsages.ShouldBe(2);
        portalDefault.Options.ShouldBe("-c random_page_cost=1.1");

        var ownChoice = new NpgsqlConnectionStringBuilder(PortalServices.WithPlannerCosts("Host=db;Database=paritrana;Max Auto Prepare=0"));
        ownChoice.MaxAutoPrepare.ShouldBe(0);
    }

    [Fact]
    public async Task A_statement_run_twice_on_a_connection_is_prepared_there()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            // A statement no other part of the portal sends (the marker), three times on one connection.
            for (var i = 0; i < 3; i++)
            {
                (await db.Provinces.Where(p => p.Name != "connection-reuse-marker").CountAsync()).ShouldBe(38);
            }

            var prepared = await db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%connection-reuse-marker%'")
                .SingleAsync();
            prepared.ShouldBe(1);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public void A_request_scope_takes_its_DbContext_from_the_pool()
    {
        ParitranaDbContext first;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        }

        using var next = portal.Factory.Services.CreateScope();
        next.ServiceProvider.GetRequiredService<ParitranaDbContext>().ShouldBeSameAs(first);
    }
}
