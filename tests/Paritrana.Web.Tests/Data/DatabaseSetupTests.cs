using Npgsql;

namespace Paritrana.Web.Tests.Data;

public class DatabaseSetupTests
{
    private const string CountEverything = """
        SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM user_roles) || '/' || (SELECT count(*) FROM roles)
            || '/' || (SELECT count(*) FROM regional_offices) || '/' || (SELECT count(*) FROM branch_offices)
            || '/' || (SELECT count(*) FROM branch_office_areas) || '/' || (SELECT count(*) FROM provinces)
            || '/' || (SELECT count(*) FROM regencies_and_cities) || '/' || (SELECT count(*) FROM award_cycles)
            || '/' || (SELECT count(*) FROM categories) || '/' || (SELECT count(*) FROM organisations)
            || '/' || (SELECT count(*) FROM coverage_figures) || '/' || (SELECT count(*) FROM nominations)
            || '/' || (SELECT count(*) FROM status_changes) || '/' || (SELECT count(*) FROM "__EFMigrationsHistory")
            || '/' || (SELECT count(*) FROM criteria_sets) || '/' || (SELECT count(*) FROM indicators) || '/' || (SELECT count(*) FROM scoring_rounds)
            || '/' || (SELECT count(*) FROM assignments) || '/' || (SELECT count(*) FROM scorecards) || '/' || (SELECT count(*) FROM scores)
            || '/' || (SELECT count(*) FROM score_changes) || '/' || (SELECT count(*) FROM plenaries) || '/' || (SELECT count(*) FROM finalist_decisions)
            || '/' || (SELECT count(*) FROM visits) || '/' || (SELECT count(*) FROM visit_members) || '/' || (SELECT count(*) FROM coaching_items)
            || '/' || (SELECT count(*) FROM audit_events) || '/' || (SELECT count(*) FROM plenary_decision_versions)
            || '/' || (SELECT count(*) FROM interviews) || '/' || (SELECT count(*) FROM interview_jurors)
            || '/' || (SELECT count(*) FROM self_assessments) || '/' || (SELECT count(*) FROM self_assessment_documents)
        """;

    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_both_succeed_and_migrate_once()
    {
        var database = await TestDatabase.CreateEmptyAsync("race");
        try
        {
            // Four at once: without the advisory lock they would race on CREATE TABLE and on seeding.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TestDatabase.RunDatabaseSetupAsync(database, demo: true))));

            var migrations = typeof(Program).Assembly.GetTypes()
                .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
            (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM \"__EFMigrationsHistory\"")).ShouldBe((long)migrations);
            // The demo accounts: seven, the Semarang branch officer and three national jurors; five roles (issue 17).
            (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM users")).ShouldBe(13L);
            (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM roles")).ShouldBe(6L);
            (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM branch_offices")).ShouldBe(3L);
            (await TestDatabase.ScalarAsync<long>(database, "SELECT count(*) FROM provinces")).ShouldBe(38L);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Seeding_the_demo_a_second_time_adds_nothing()
    {
        var database = await TestDatabase.CreateAsync("reseed");
        try
        {
            var before = await TestDatabase.ScalarAsync<string>(database, CountEverything);
            await TestDatabase.RunDatabaseSetupAsync(database, demo: true);
            var after = await TestDatabase.ScalarAsync<string>(database, CountEverything);
            after.ShouldBe(before);
            before!.Split('/')[0].ShouldBe("13");
            // Scorecards: Bali's 2021 scoring and 2025 round in progress, Jawa Tengah's 2021 (12) and the 2021
            // national rounds (20) are part of what must not double.
            before.Split('/')[19].ShouldBe("72");
            // The audit trail of the seeded actions: every status change, 36 + 2 cards submitted and 2 saved, the
            // 2025 round opened, the three 2021 rounds opened and closed, the plenary's record, decision, official
            // document and forwarding, Kota Denpasar's 2 visits planned, 1 done, 2 coaching items and 1 resolved
            // (plus, docs/decisions/050, both addressed to the candidate and one answered by it with a file: 4),
            // and the regional coverage figures previewed and imported (docs/decisions/041); then Jawa Tengah's
            // 2021: 12 cards, its three rounds opened and closed, its plenary's four events; and the national
            // stage: 20 cards, the two rounds opened and closed, 20 assignments by the administrator, and
            // Bali's three national interviews scheduled (docs/decisions/046); the national plenary's record,
            // decision and official document (docs/decisions/047); the candidates' self-assessments:
            // Kota Denpasar's document uploaded, KAPIT MAS's submitted and returned (docs/decisions/051).
            before.Split('/')[27].ShouldBe((long.Parse(before.Split('/')[13], System.Globalization.CultureInfo.InvariantCulture)
                + 40 + 1 + 6 + 4 + (6 + 4) + 2 + (12 + 6 + 4) + (20 + 4 + 20 + 3) + 3 + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
            before.Split('/')[27].ShouldBe("213");
            before.Split('/')[28].ShouldBe("3"); // the 2021 plenaries' frozen records, PRT-2021-51-001, PRT-2021-33-001 and the national PRT-2021-00-001
            before.Split('/')[29].ShouldBe("3"); // Bali's three finalists interviewed, each before juri2 and juri3
            before.Split('/')[30].ShouldBe("6");
            before.Split('/')[31].ShouldBe("2"); // Kota Denpasar's draft and KAPIT MAS's returned self-assessment (docs/decisions/051)
            before.Split('/')[32].ShouldBe("1"); // Kota Denpasar's one document
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Without_demo_mode_only_roles_and_regions_are_seeded()
    {
        var database = await TestDatabase.CreateEmptyAsync("nodemo");
        try
        {
            await TestDatabase.RunDatabaseSetupAsync(database, demo: false);
            var counts = (await TestDatabase.ScalarAsync<string>(database, CountEverything))!.Split('/');
            counts[0].ShouldBe("0");   // users
            counts[2].ShouldBe("6");   // roles
            counts[4].ShouldBe("0");   // branch offices
            counts[6].ShouldBe("38");  // provinces
            counts[7].ShouldBe("514"); // regencies and cities
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }
}
