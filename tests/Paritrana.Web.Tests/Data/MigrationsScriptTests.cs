using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The deployment script (scripts/migrations-script.sh, the <c>migrations-script</c> verb) applied
/// with psql as the README tells operators: it makes a fresh database, moves one made by main, and
/// changes nothing the second time (docs/decisions/016).
/// </summary>
public class MigrationsScriptTests : IAsyncLifetime
{
    private readonly string _script = Path.Combine(Path.GetTempPath(), $"paritrana-migrate-{Guid.NewGuid():N}.sql");
    private string _fromModel = "";
    private readonly List<string> _databases = [];

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_script, MigrationsScript.Generate());
        _fromModel = await TestDatabase.CreateEmptyAsync("script_model");
        await using var db = BaselineTests.Context(_fromModel);
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        File.Delete(_script);
        foreach (var database in _databases)
        {
            await TestDatabase.DropAsync(database);
        }

        await TestDatabase.DropAsync(_fromModel);
    }

    private async Task SchemaShouldBeTheModelsAsync(string database)
    {
        var migrated = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(database));
        var model = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_fromModel));
        SchemaSnapshot.Difference(migrated, model).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_script_makes_a_fresh_database_and_changes_nothing_when_run_again()
    {
        var database = await TestDatabase.CreateEmptyAsync("script_fresh");
        _databases.Add(database);

        await Psql.RunFileAsync(database, _script);

        await SchemaShouldBeTheModelsAsync(database);
        (await LegacyUpgradeTests.HistoryAsync(database)).ShouldBe([LegacyMigrations.BaselineId, .. LegacyUpgradeTests.AfterBaseline]);
        var everything = await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(database));

        await Psql.RunFileAsync(database, _script);

        (await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(database))).ShouldBe(everything);
        (await LegacyUpgradeTests.HistoryAsync(database)).ShouldBe([LegacyMigrations.BaselineId, .. LegacyUpgradeTests.AfterBaseline]);
        // The portal started afterwards (Database:MigrateOnStartup left on) finds nothing to do.
        (await TestDatabase.RunDatabaseSetupAsync(database, demo: false)).ShouldBe($"Database is up to date at {LegacyUpgradeTests.Latest}.");
    }

    [Fact]
    public async Task The_script_moves_a_database_made_by_main_without_losing_a_row()
    {
        var database = await LegacyUpgradeTests.RestoreMainMadeAsync("script_main");
        _databases.Add(database);
        var before = await SchemaSnapshot.RowCountsAsync(TestDatabase.ConnectionStringFor(database));

        await Psql.RunFileAsync(database, _script);

        (await LegacyUpgradeTests.RowCountsOfAsync(database, before.Keys)).ShouldBe(before);
        (await LegacyUpgradeTests.HistoryAsync(database)).ShouldBe([.. LegacyMigrations.Ids, LegacyMigrations.BaselineId, .. LegacyUpgradeTests.AfterBaseline]);
        await SchemaShouldBeTheModelsAsync(database);
        (await TestDatabase.RunDatabaseSetupAsync(database, demo: false)).ShouldBe($"Database is up to date at {LegacyUpgradeTests.Latest}.");
    }
}
