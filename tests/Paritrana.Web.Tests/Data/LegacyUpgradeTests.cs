using Microsoft.EntityFrameworkCore;
using Npgsql;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// A database made by the hand-written migrations moves onto the generated history without losing
/// anything (docs/decisions/016). The fixture is a real one: the pg_dump of the database that main
/// made with its own `migrate` verb and the demo (Data/Fixtures/main-with-demo.sql, made by
/// scripts/baseline/main-dump.sh), restored with psql; the current code then starts on a copy.
/// </summary>
public class LegacyUpgradeTests : IAsyncLifetime
{
    private static readonly (string Email, string FullName)[] DemoAccounts =
    [
        ("admin@paritrana.demo", "Admin Sekretariat Nasional"),
        ("ketua.bali@paritrana.demo", "I Made Ketua (Ketua Tim Panitia Bali)"),
        ("anggota.bali@paritrana.demo", "Ni Luh Anggota (Anggota Tim Panitia Bali)"),
        ("cabang.denpasar@paritrana.demo", "Petugas Kantor Cabang Denpasar"),
        ("cabang.gianyar@paritrana.demo", "Petugas Kantor Cabang Gianyar"),
        ("ketua.jateng@paritrana.demo", "Budi Ketua (Ketua Tim Panitia Jawa Tengah)"),
        ("anggota.jateng@paritrana.demo", "Siti Anggota (Anggota Tim Panitia Jawa Tengah)"),
    ];

    /// <summary>The generated migrations after the baseline (tables added since), in order.</summary>
    internal static readonly string[] AfterBaseline = AllMigrations().SkipWhile(m => m != LegacyMigrations.BaselineId).Skip(1).ToArray();

    internal static string Latest => AfterBaseline.Length > 0 ? AfterBaseline[^1] : LegacyMigrations.BaselineId;

    /// <summary>What set-up says after moving the history: the migrations after the baseline applied, or nothing to do.</summary>
    private static string ThenMigrated => AfterBaseline.Length == 0
        ? $"Database is up to date at {LegacyMigrations.BaselineId}."
        : $"Database migrated: {(AfterBaseline.Length == 1 ? "1 migration" : $"{AfterBaseline.Length} migrations")} applied ({string.Join(", ", AfterBaseline)}), now at {Latest}.";

    private static List<string> AllMigrations()
    {
        using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>().UseNpgsql("Host=unused").Options);
        return db.Database.GetMigrations().ToList();
    }

    /// <summary>The row counts of the given tables only (tables added by later migrations hold rows of their own).</summary>
    internal static async Task<SortedDictionary<string, long>> RowCountsOfAsync(string database, IEnumerable<string> tables)
    {
        var all = await SchemaSnapshot.RowCountsAsync(TestDatabase.ConnectionStringFor(database));
        return new SortedDictionary<string, long>(tables.ToDictionary(t => t, t => all[t]), StringComparer.Ordinal);
    }

    private string _mainMade = "";
    private string _fromModel = "";
    private readonly List<string> _copies = [];

    public async Task InitializeAsync()
    {
        _mainMade = await RestoreMainMadeAsync("legacy_main");
        _fromModel = await TestDatabase.CreateEmptyAsync("legacy_model");
        await using var db = BaselineTests.Context(_fromModel);
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var copy in _copies)
        {
            await TestDatabase.DropAsync(copy);
        }

        await TestDatabase.DropAsync(_mainMade);
        await TestDatabase.DropAsync(_fromModel);
    }

    /// <summary>A new database holding the committed dump of main's database, restored by psql.</summary>
    internal static async Task<string> RestoreMainMadeAsync(string prefix)
    {
        var database = await TestDatabase.CreateEmptyAsync(prefix);
        await Psql.RunFileAsync(database, Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "main-with-demo.sql"));
        return database;
    }

    private async Task<string> CopyAsync(string prefix)
    {
        var copy = await TestDatabase.CopyAsync(_mainMade, prefix);
        _copies.Add(copy);
        return copy;
    }

    internal static async Task<List<string>> HistoryAsync(string database)
    {
        var ids = new List<string>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    [Fact]
    public async Task A_database_made_by_main_with_the_demo_moves_onto_the_baseline_without_losing_a_row()
    {
        var copy = await CopyAsync("legacy_up");
        (await HistoryAsync(copy)).ShouldBe(LegacyMigrations.Ids,
            "The fixture must be main's database with every hand-written migration: refresh it with scripts/baseline/main-dump.sh <main's commit>.");
        var before = await SchemaSnapshot.RowCountsAsync(TestDatabase.ConnectionStringFor(copy));
        before["users"].ShouldBe(7L);
        before["provinces"].ShouldBe(38L);
        before["regencies_and_cities"].ShouldBe(514L);
        before.Values.Sum().ShouldBeGreaterThan(1000L);

        // The current portal starts on it as the demo does: migrations and seeding at start-up, demo on.
        await using var portal = new PortalFactory(copy);
        _ = portal.Server;

        // Nothing is lost; the demo's regional coverage figures (issue 16, docs/decisions/041), which main's
        // demo did not have, are imported once by the seeder: one batch, previewed and completed.
        (await RowCountsOfAsync(copy, before.Keys)).ShouldBe(WithTheDemosRegionalImport(before));
        (await TestDatabase.ScalarAsync<long>(copy, "SELECT count(*) FROM regional_figures")).ShouldBe(115L);
        (await HistoryAsync(copy)).ShouldBe([.. LegacyMigrations.Ids, LegacyMigrations.BaselineId, .. AfterBaseline]);
        var migrated = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(copy));
        var model = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_fromModel));
        SchemaSnapshot.Difference(migrated, model).ShouldBeEmpty();
        await using (var db = BaselineTests.Context(copy))
        {
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            db.Database.HasPendingModelChanges().ShouldBeFalse();
        }

        foreach (var (email, fullName) in DemoAccounts)
        {
            using var client = portal.CreatePortalClient();
            await client.SignedInAsAsync(email);
            var home = await client.GetPageAsync("/");
            PortalClient.Text(home.QuerySelector(".account-name")).ShouldBe(fullName);
        }
    }

    [Fact]
    public async Task A_database_that_lacks_the_last_hand_written_scripts_gets_them_before_its_history_moves()
    {
        var older = await TestDatabase.CreateEmptyAsync("legacy_older");
        _copies.Add(older);
        // A database of an older main: the first scripts ran, recorded as ADR 002's migrator did.
        var ran = LegacyMigrations.Ids.SkipLast(2).ToList();
        var lacked = LegacyMigrations.Ids.TakeLast(2).ToList();
        await TestDatabase.ExecuteAsync("""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" character varying(150) NOT NULL, "ProductVersion" character varying(32) NOT NULL,
                CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"));
            """, older);
        await BaselineTests.RunHandWrittenScriptsAsync(older, ran);
        foreach (var id in ran)
        {
            await TestDatabase.ExecuteAsync($"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{id}', '10.0.14')", older);
        }

        await TestDatabase.ExecuteAsync("INSERT INTO provinces (code, name) VALUES ('99', 'Provinsi Uji')", older);

        var outcome = await TestDatabase.RunDatabaseSetupAsync(older, demo: false);

        outcome.ShouldBe(
            $"Database moved from the hand-written migrations onto the generated ones: {LegacyMigrations.BaselineId} recorded "
            + $"after applying the hand-written ones it lacked ({string.Join(", ", lacked)}). {ThenMigrated}");
        (await HistoryAsync(older)).ShouldBe([.. LegacyMigrations.Ids, LegacyMigrations.BaselineId, .. AfterBaseline]);
        (await TestDatabase.ScalarAsync<string>(older, "SELECT name FROM provinces WHERE code = '99'")).ShouldBe("Provinsi Uji");
        var migrated = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(older));
        var model = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_fromModel));
        SchemaSnapshot.Difference(migrated, model).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_history_holding_a_migration_this_version_does_not_know_is_refused_and_left_as_it_was()
    {
        var copy = await CopyAsync("legacy_unknown");
        await TestDatabase.ExecuteAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('20270101000000_FromAnotherBranch', '10.0.14')", copy);
        var history = await HistoryAsync(copy);
        var rows = await SchemaSnapshot.RowCountsAsync(TestDatabase.ConnectionStringFor(copy));
        var schema = await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(copy));

        var refused = await Should.ThrowAsync<PostgresException>(() => TestDatabase.RunDatabaseSetupAsync(copy, demo: true));

        refused.MessageText.ShouldBe("The migration history holds migrations that this version does not know: 20270101000000_FromAnotherBranch. Refusing to move it onto the generated history.");
        (await HistoryAsync(copy)).ShouldBe(history);
        (await SchemaSnapshot.RowCountsAsync(TestDatabase.ConnectionStringFor(copy))).ShouldBe(rows);
        (await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(copy))).ShouldBe(schema);
    }

    [Fact]
    public async Task Four_instances_starting_at_once_on_a_database_of_main_move_it_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var copy = await CopyAsync($"legacy_race{round}");
            var before = await SchemaSnapshot.RowCountsAsync(TestDatabase.ConnectionStringFor(copy));
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                await go.Task;
                return await TestDatabase.RunDatabaseSetupAsync(copy, demo: true);
            })).ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(starts);

            outcomes.Count(o => o == $"Database moved from the hand-written migrations onto the generated ones: {LegacyMigrations.BaselineId} recorded. {ThenMigrated}").ShouldBe(1);
            outcomes.Count(o => o == $"Database is up to date at {Latest}.").ShouldBe(3);
            (await HistoryAsync(copy)).ShouldBe([.. LegacyMigrations.Ids, LegacyMigrations.BaselineId, .. AfterBaseline]);
            // The demo's regional import is made once, not once per instance.
            (await RowCountsOfAsync(copy, before.Keys)).ShouldBe(WithTheDemosRegionalImport(before));
        }
    }

    /// <summary>
    /// Main's row counts with what the seeder adds to it: the demo's regional coverage import (one batch,
    /// its two audit events), and the accounts of issue 17 (the Semarang branch officer and the three
    /// national jurors, each with its role; the NationalJuror role) and of issue 18 (the two candidates'
    /// representatives; the CandidateRepresentative role) with the self-assessments' three audit events
    /// (Kota Denpasar's document uploaded, KAPIT MAS's sent and returned, docs/decisions/051). Main's
    /// 2021 history, closed, stays as
    /// it was (docs/decisions/043: no national stage is seeded into a closed history).
    /// </summary>
    private static SortedDictionary<string, long> WithTheDemosRegionalImport(SortedDictionary<string, long> before) =>
        new(before)
        {
            ["import_batches"] = before["import_batches"] + 1, ["audit_events"] = before["audit_events"] + 2 + 3,
            ["users"] = before["users"] + 6, ["user_roles"] = before["user_roles"] + 6, ["roles"] = before["roles"] + 2,
        };
}
