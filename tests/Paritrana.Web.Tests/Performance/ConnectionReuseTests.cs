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
    public async Task A_reference_change_lost_to_a_concurrent_edit_leaves_nothing_for_the_pooled_contexts_next_use()
    {
        var officeId = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT min(id) FROM branch_offices");
        ParitranaDbContext first;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            var office = await first.BranchOffices.SingleAsync(o => o.Id == officeId);
            // Someone else saves the office in between: this save loses (row version).
            await TestDatabase.ExecuteAsync($"UPDATE branch_offices SET name = name WHERE id = {officeId}", portal.Database);
            office.Name += " (diubah)";
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        }

        // The same context, from the pool, saves something else: it commits as any save does.
        using var next = portal.Factory.Services.CreateScope();
        var db = next.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        db.ShouldBeSameAs(first);
        var user = await db.Users.OrderBy(u => u.Email).FirstAsync();
        user.FullName += ".";
        await db.SaveChangesAsync();
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT full_name FROM users WHERE id = '{user.Id}'")).ShouldBe(user.FullName);
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT name FROM branch_offices WHERE id = {officeId}")).ShouldNotEndWith(" (diubah)");
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
