using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Paritrana.Web.Data;

/// <summary>
/// Brings the database up to date at start-up and for the <c>migrate</c> verb: applies pending
/// migrations and seeds the reference data (regions), then the demo data when demo mode is on.
/// All of it runs under one PostgreSQL advisory lock, so two instances starting at once take turns
/// instead of racing.
/// </summary>
public sealed class DatabaseSetup(
    ParitranaDbContext db,
    RegionSeeder regions,
    DemoSeeder demo,
    Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roles,
    IConfiguration configuration,
    ILogger<DatabaseSetup> logger)
{
    // Any fixed 64-bit number shared by all instances; "PARITRAN" in ASCII.
    private const long AdvisoryLockKey = 0x5041524954524146;

    public async Task RunAsync(CancellationToken ct = default)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("ConnectionStrings:Paritrana is not configured.");

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            // MigrateAsync creates the history table when it is missing and applies what is pending.
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Database schema is at migration {Migration}", (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());

            await regions.SeedAsync(ct);
            // The four roles exist in every installation; the administrator assigns them.
            await DemoSeeder.EnsureRolesAsync(roles);
            if (configuration.GetValue<bool>("Demo:Enabled"))
            {
                await demo.SeedAsync(ct);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
