using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Paritrana.Domain.Cycles;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The generated Baseline migration stands for the hand-written migrations it replaced
/// (docs/decisions/016): a database made by the hand-written scripts and one made by the baseline
/// alone are the same, down to the objects no EF model expresses and the rows the scripts insert.
/// Regenerating the baseline after a merge is checked by these tests.
/// </summary>
public class BaselineTests : IAsyncLifetime
{
    private string _handWritten = "";
    private string _baseline = "";

    public async Task InitializeAsync()
    {
        _handWritten = await TestDatabase.CreateEmptyAsync("baseline_hand");
        _baseline = await TestDatabase.CreateEmptyAsync("baseline_gen");
        await RunHandWrittenScriptsAsync(_handWritten, LegacyMigrations.Ids);
        await using var db = Context(_baseline);
        await db.GetService<IMigrator>().MigrateAsync(LegacyMigrations.BaselineId);
    }

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_handWritten);
        await TestDatabase.DropAsync(_baseline);
    }

    /// <summary>Runs hand-written scripts the way ADR 002's mechanism did: in id order, nothing else.</summary>
    internal static async Task RunHandWrittenScriptsAsync(string database, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            await TestDatabase.ExecuteAsync(LegacyMigrations.ReadSql(id), database);
        }
    }

    internal static ParitranaDbContext Context(string database) =>
        PortalHosts.NewContext(database);

    [Fact]
    public async Task The_baseline_makes_exactly_what_the_hand_written_migrations_made()
    {
        var handWritten = await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(_handWritten));
        var baseline = await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(_baseline));

        var difference = SchemaSnapshot.Difference(handWritten, baseline);
        difference.ShouldBeEmpty(
            "The baseline differs from the hand-written migrations (- only made by the scripts, + only by the baseline). "
            + "Add what the model cannot express at the end of Baseline.Up with migrationBuilder.Sql(...):\n" + string.Join('\n', difference));
        // The scripts' partial, NULLS NOT DISTINCT and covering indexes, which an EF model expresses
        // only through HasFilter, AreNullsDistinct and IncludeProperties, are among the equal lines.
        baseline.ShouldContain("index ix_organisations_one_government_per_region CREATE UNIQUE INDEX ix_organisations_one_government_per_region ON public.organisations USING btree (province_code, regency_code, government_level) NULLS NOT DISTINCT WHERE (government_level = ANY (ARRAY[1, 2]))");
        baseline.ShouldContain("index ix_criteria_sets_one_current_per_category CREATE UNIQUE INDEX ix_criteria_sets_one_current_per_category ON public.criteria_sets USING btree (category_id) WHERE is_current");
        baseline.ShouldContain("index ix_scorecards_round_totals CREATE INDEX ix_scorecards_round_totals ON public.scorecards USING btree (round_id, status) INCLUDE (province_code, nomination_id, scorer_id, total)");
        baseline.ShouldContain("rows provinces 0");
        baseline.Count(l => l.StartsWith("table ", StringComparison.Ordinal)).ShouldBe(
            handWritten.Count(l => l.StartsWith("table ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_comparison_sees_what_no_model_expresses()
    {
        var copy = await TestDatabase.CreateEmptyAsync("baseline_extra");
        try
        {
            await RunHandWrittenScriptsAsync(copy, LegacyMigrations.Ids);
            await TestDatabase.ExecuteAsync("""
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER provinces_touch BEFORE UPDATE ON provinces FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE VIEW province_names AS SELECT name FROM provinces;
                COMMENT ON TABLE provinces IS 'BPS codes';
                GRANT SELECT ON provinces TO PUBLIC;
                INSERT INTO regional_offices (name) VALUES ('Kanwil Uji');
                """, copy);

            var changed = await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(copy));
            var baseline = await SchemaSnapshot.ReadEverythingAsync(TestDatabase.ConnectionStringFor(_baseline));
            SchemaSnapshot.Difference(changed, baseline).ShouldBe(
            [
                "- column province_names.name character varying(100) null=YES default=- identity=-",
                "- comment provinces.0 BPS codes",
                "- function CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$ BEGIN RETURN NEW; END $function$\n",
                "- grant provinces {postgres=arwdDxt/postgres,=r/postgres}",
                "- rows regional_offices 1",
                "- table province_names",
                "- trigger CREATE TRIGGER provinces_touch BEFORE UPDATE ON public.provinces FOR EACH ROW EXECUTE FUNCTION touch()",
                "- view province_names  SELECT provinces.name\n   FROM provinces;",
                "+ rows regional_offices 0",
            ], ignoreOrder: true);
        }
        finally
        {
            await TestDatabase.DropAsync(copy);
        }
    }

    [Fact]
    public async Task The_xmin_row_versions_of_the_baseline_refuse_a_stale_save()
    {
        await using (var db = Context(_baseline))
        {
            db.AwardCycles.Add(new AwardCycle { Year = 2031, CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        await using var first = Context(_baseline);
        await using var second = Context(_baseline);
        var mine = await first.AwardCycles.SingleAsync(c => c.Year == 2031);
        var theirs = await second.AwardCycles.SingleAsync(c => c.Year == 2031);
        mine.Notes = "first";
        await first.SaveChangesAsync();
        theirs.Notes = "second";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        (await TestDatabase.ScalarAsync<string>(_baseline, "SELECT notes FROM award_cycles WHERE year = 2031")).ShouldBe("first");
    }

    [Fact]
    public void Every_hand_written_script_is_kept_for_the_bridge_and_the_baseline_comes_after_them()
    {
        var migrations = Path.Combine(RepositoryPaths.Root, "src", "Paritrana.Web", "Data", "Migrations");
        // A merge from before the generated migrations brings its .sql files and Migrations.cs here:
        // scripts/baseline/regenerate.sh moves them into Legacy/ (docs/decisions/016).
        Directory.GetFiles(migrations, "*.sql").ShouldBeEmpty();
        File.Exists(Path.Combine(migrations, "Migrations.cs")).ShouldBeFalse();
        File.Exists(Path.Combine(migrations, "SqlFileMigration.cs")).ShouldBeFalse();

        LegacyMigrations.Ids.ShouldBe(Directory.GetFiles(Path.Combine(migrations, "Legacy"), "*.sql")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!);
        LegacyMigrations.Ids[0].ShouldBe("20261121000001_Foundation");
        string.CompareOrdinal(LegacyMigrations.BaselineId, LegacyMigrations.Ids[^1]).ShouldBeGreaterThan(0);

        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        db.Database.GetMigrations().First().ShouldBe(LegacyMigrations.BaselineId);
    }
}
