using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Paritrana.Domain.Regions;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The migrations must produce exactly the schema of the EF model (docs/decisions/016): the model
/// snapshot of the generated migrations matches the model (no pending model changes), and a
/// database built by the migrations equals one built by EnsureCreated from the model, catalog for
/// catalog.
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
    public void The_model_has_no_changes_that_a_migration_lacks()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model changed without a migration: run `dotnet tool restore && dotnet ef migrations add Name --project src/Paritrana.Web`.");
        db.Database.GetMigrations().ShouldContain(LegacyMigrations.BaselineId);
    }

    [Fact]
    public async Task A_property_added_without_a_migration_is_a_pending_change_and_stops_the_migration()
    {
        await using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>()
            .UseNpgsql(TestDatabase.ConnectionStringFor(_fromModel))
            .ReplaceService<IModelCustomizer, ProvinceMottoAdded>()
            .Options);

        db.Database.HasPendingModelChanges().ShouldBeTrue();
        // What the portal's start-up (and the migrate verb) would meet: EF refuses to migrate.
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.Database.MigrateAsync());
        refused.Message.ShouldContain("The model for context 'ParitranaDbContext' has pending changes");
    }

    /// <summary>The portal's model plus one column that no migration adds.</summary>
    private sealed class ProvinceMottoAdded(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Province>().Property<string>("Motto").HasColumnName("motto").HasMaxLength(100);
        }
    }

    [Fact]
    public async Task The_migrated_schema_equals_the_schema_of_the_model()
    {
        var migrated = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_migrated));
        var model = await SchemaSnapshot.ReadAsync(TestDatabase.ConnectionStringFor(_fromModel));

        // Generated migrations make what the model says; a difference means a migration was edited
        // by hand, or the snapshot and the model disagree.
        var difference = SchemaSnapshot.Difference(migrated, model);
        difference.ShouldBeEmpty("The migrations do not make the model's schema (- only in the migrated database, + only in the model):\n" + string.Join('\n', difference));
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
