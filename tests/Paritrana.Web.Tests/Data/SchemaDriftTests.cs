using Microsoft.EntityFrameworkCore;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The hand-written migrations must produce exactly the schema of the EF model: one database is
/// built by the migrations, one by EnsureCreated from the model, and their catalogs are compared.
/// </summary>
public class SchemaDriftTests : IAsyncLifetime
{
    private string _migrated = "";
    private string _fromModel = "";

    public async Task InitializeAsync()
    {
        _migrated = await TestDatabase.CreateEmptyAsync("drift_migrated");
        _fromModel = await TestDatabase.CreateEmptyAsync("drift_model");
        await TestDatabase.RunDatabaseSetupAsync(_migrated, demo: false);
        await using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>()
            .UseNpgsql(TestDatabase.ConnectionStringFor(_fromModel)).Options);
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_migrated);
        await TestDatabase.DropAsync(_fromModel);
    }

    [Fact]
    public async Task The_migrated_schema_equals_the_schema_of_the_model()
    {
        var migrated = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_migrated));
        var model = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_fromModel));

        // Print what differs so that the next migration can be written from it.
        var difference = SchemaSnapshot.Difference(migrated, model);
        difference.ShouldBeEmpty("Write these into a new migration (- only in the migrated database, + only in the model):\n" + string.Join('\n', difference));
        migrated.Count.ShouldBeGreaterThan(100);
        migrated.ShouldContain("table users");
        migrated.ShouldContain("column regencies_and_cities.code character varying(5) null=NO default=- identity=-");
    }

    [Fact]
    public async Task The_comparison_notices_a_changed_column_an_index_and_a_foreign_key()
    {
        var copy = await TestDatabase.CreateEmptyAsync("drift_changed");
        try
        {
            await TestDatabase.RunDatabaseSetupAsync(copy, demo: false);
            await TestDatabase.ExecuteAsync(
                "ALTER TABLE provinces ALTER COLUMN name DROP NOT NULL; DROP INDEX ix_branch_offices_province_code; " +
                "ALTER TABLE users DROP CONSTRAINT fk_users_provinces_province_code;", copy);

            var changed = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(copy));
            var model = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_fromModel));
            SchemaSnapshot.Difference(changed, model).ShouldBe(
            [
                "- column provinces.name character varying(100) null=YES default=- identity=-",
                "+ column provinces.name character varying(100) null=NO default=- identity=-",
                "+ constraint users.fk_users_provinces_province_code f FOREIGN KEY (province_code) REFERENCES provinces(code) ON DELETE RESTRICT",
                "+ index ix_branch_offices_province_code CREATE INDEX ix_branch_offices_province_code ON public.branch_offices USING btree (province_code)",
            ], ignoreOrder: true);
        }
        finally
        {
            await TestDatabase.DropAsync(copy);
        }
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing()
    {
        var before = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_migrated));
        var history = await TestDatabase.ScalarAsync<long>(_migrated, "SELECT count(*) FROM \"__EFMigrationsHistory\"");
        await TestDatabase.RunDatabaseSetupAsync(_migrated, demo: false);
        (await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_migrated))).ShouldBe(before);
        (await TestDatabase.ScalarAsync<long>(_migrated, "SELECT count(*) FROM \"__EFMigrationsHistory\"")).ShouldBe(history);
        (await TestDatabase.ScalarAsync<long>(_migrated, "SELECT count(*) FROM provinces")).ShouldBe(38L);
        (await TestDatabase.ScalarAsync<long>(_migrated, "SELECT count(*) FROM regencies_and_cities")).ShouldBe(514L);
    }
}
