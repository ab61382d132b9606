using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Paritrana.Web.Data;

/// <summary>
/// Brings the database up to date at start-up and for the <c>migrate</c> verb: moves a database of
/// the hand-written migrations onto the generated history (<see cref="LegacyMigrations"/>), applies
/// pending migrations and seeds the reference data (regions), then the demo data when demo mode is
/// on. All of it runs under one PostgreSQL advisory lock, so two instances starting at once take
/// turns instead of racing.
/// </summary>
public sealed class DatabaseSetup(
    ParitranaDbContext db,
    RegionSeeder regions,
    DemoSeeder demo,
    Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roles,
    IConfiguration configuration,
    LegacyStateMove legacyState,
    ILogger<DatabaseSetup> logger)
{
    // Any fixed 64-bit number shared by all instances; "PARITRAN" in ASCII.
    private const long AdvisoryLockKey = 0x5041524954524146;

    private const int LockWaitSeconds = 600;

    /// <summary>What happened to the demo data in <see cref="RunAsync"/>, in one sentence; null without demo mode.</summary>
    public string? DemoOutcome { get; private set; }

    /// <summary>Migrates and seeds; returns what happened to the schema, in one sentence.</summary>
    public async Task<string> RunAsync(CancellationToken ct = default)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("ConnectionStrings:Paritrana is not configured.");

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        // An instance waits here while another migrates and seeds: as long as that takes, not the
        // 30 s of a command (four instances starting at once on a loaded machine took longer).
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection) { CommandTimeout = LockWaitSeconds })
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var outcome = await MigrateAsync(ct);
            logger.LogInformation("{Outcome}", outcome);
            // Files kept on disk and batches of the in-process runner, before docs/decisions/018.
            await legacyState.RunAsync(connectionString, ct);

            await regions.SeedAsync(ct);
            // The four roles exist in every installation; the administrator assigns them.
            await DemoSeeder.EnsureRolesAsync(roles);
            if (configuration.GetValue<bool>("Demo:Enabled"))
            {
                // The demo's administrator is its first account: there, the demo was seeded before.
                var administrator = DemoSeeder.Accounts[0].Email.ToUpperInvariant();
                var seededBefore = await db.Users.AnyAsync(u => u.NormalizedEmail == administrator, ct);
                await demo.SeedAsync(ct);
                DemoOutcome = seededBefore
                    ? "Demo data already present."
                    : $"Demo data seeded: {DemoSeeder.Accounts.Count} accounts, the current cycle and the 2021 cycle.";
                logger.LogInformation("{Outcome}", DemoOutcome);
            }

            return outcome;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<string> MigrateAsync(CancellationToken ct)
    {
        // Npgsql's history repository does not check whether the history table exists: it reads it
        // and catches the failure, which EF logs as an error ("Failed executing DbCommand") on every
        // first start. Creating the table first (we hold the lock) keeps a first start quiet.
        await ExecuteAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);

        var before = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = before.Count == 0;
        await ExecuteAsync(LegacyMigrations.BridgeScript(), ct);
        var bridged = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(id => !before.Contains(id)).ToList();

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        var last = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();

        var lacked = bridged.Where(id => id != LegacyMigrations.BaselineId).ToList();
        var moved = bridged.Count == 0
            ? ""
            : $"Database moved from the hand-written migrations onto the generated ones: {LegacyMigrations.BaselineId} recorded"
              + (lacked.Count > 0 ? $" after applying the hand-written ones it lacked ({string.Join(", ", lacked)}). " : ". ");
        return (fresh, pending.Count) switch
        {
            (true, _) => $"Database created with {CountOf(pending.Count)}, now at {last}.",
            (false, 0) => $"{moved}Database is up to date at {last}.",
            _ => $"{moved}Database migrated: {CountOf(pending.Count)} applied ({string.Join(", ", pending)}), now at {last}.",
        };
    }

    private static string CountOf(int count) => count == 1 ? "1 migration" : $"{count} migrations";

    /// <summary>Runs SQL as it is (EF's ExecuteSqlRaw would read braces as format placeholders).</summary>
    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
