using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The demo award data (Demo:Enabled): cycle 2021 and the current one (the year of the first start), Bali's candidates from the brief, a
/// few in Jawa Tengah, 300 generated employers, nominations with their status history; and running
/// the seeder again adds nothing. The test database is a copy of the seeded template.
/// </summary>
public class DemoAwardDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_current_cycle_of_the_first_start_is_current_and_2021_is_closed_both_with_the_default_categories()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        demo.Year.ShouldBe(demo.Today.Year);
        (await Text("SELECT string_agg(year || ':' || is_current || ':' || is_closed, ' ' ORDER BY year) FROM award_cycles"))
            .ShouldBe($"2021:false:true {demo.Year}:true:false");
        foreach (var year in new[] { 2021, demo.Year })
        {
            (await Text($"SELECT string_agg(code || ':' || is_active, ' ' ORDER BY sort_order) FROM categories c JOIN award_cycles y ON y.id = c.cycle_id WHERE y.year = {year}"))
                .ShouldBe("PEMPROV:true PEMKAB:true BESAR:true MENENGAH:true UMK:true BPP:false DESA:false");
        }

        (await Text("SELECT string_agg(stage || ':' || starts_on || '..' || ends_on, ' ' ORDER BY stage) FROM cycle_stages s JOIN award_cycles y ON y.id = s.cycle_id WHERE y.year = 2021"))
            .ShouldStartWith("1:2021-");

        // The current cycle's stages lie around the day of the first start: nominations opened 148 days before it, scoring 8 days before it.
        (await Text($"SELECT string_agg(to_char(starts_on, 'YYYY-MM-DD') || '..' || to_char(ends_on, 'YYYY-MM-DD'), ' ' ORDER BY stage) FROM cycle_stages s JOIN award_cycles y ON y.id = s.cycle_id WHERE y.year = {demo.Year}"))
            .ShouldBe($"{demo.Date(-148)}..{demo.Date(-74)} {demo.Date(-127)}..{demo.Date(-53)} {demo.Date(-64)}..{demo.Date(3)} {demo.Date(-8)}..{demo.Date(24)} {demo.Date(34)}..{demo.Date(34)} {demo.Date(41)}..{demo.Date(80)}");
    }

    [Fact]
    public async Task The_current_nominations_are_spread_over_the_pipeline_with_their_branch_offices()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        (await Lines($"""
            SELECT o.name || ' | ' || c.code || ' | ' || n.status || ' | ' || coalesce(b.name, '-')
            FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN categories c ON c.id = n.category_id
            JOIN award_cycles y ON y.id = n.cycle_id LEFT JOIN branch_offices b ON b.id = n.branch_office_id
            WHERE y.year = {demo.Year} ORDER BY n.province_code DESC, o.name
            """)).ShouldBe(
        [
            "Bank BPD Bali | BESAR | 2 | Kantor Cabang Denpasar",
            "KAPIT MAS | MENENGAH | 1 | Kantor Cabang Denpasar",
            "Kelompok Usaha Perajin Banten Sari Gianyar | UMK | 2 | Kantor Cabang Gianyar",
            "Pemerintah Kabupaten Badung | PEMKAB | 6 | Kantor Cabang Denpasar",
            "Pemerintah Kabupaten Buleleng | PEMKAB | 4 | Kantor Cabang Denpasar",
            "Pemerintah Kabupaten Jembrana | PEMKAB | 1 | Kantor Cabang Denpasar",
            "Pemerintah Kabupaten Tabanan | PEMKAB | 2 | Kantor Cabang Denpasar",
            "Pemerintah Kota Denpasar | PEMKAB | 5 | Kantor Cabang Denpasar",
            "Pemerintah Provinsi Bali | PEMPROV | 6 | Kantor Cabang Denpasar",
            "PT Tekstil Ungaran Raya | BESAR | 1 | Kantor Cabang Semarang Pemuda",
            "Pemerintah Kota Semarang | PEMKAB | 2 | Kantor Cabang Semarang Pemuda",
        ]);
    }

    [Fact]
    public async Task The_2021_finalists_of_Bali_were_forwarded_to_the_national_level_and_the_others_not_shortlisted_through_every_step()
    {
        (await Lines("""
            SELECT o.name || ' | ' || c.code || ' | ' || n.status || ' | ' || string_agg(s.action::text, ',' ORDER BY s.at)
            FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN categories c ON c.id = n.category_id
            JOIN award_cycles y ON y.id = n.cycle_id JOIN status_changes s ON s.nomination_id = n.id
            WHERE y.year = 2021 GROUP BY o.name, c.code, n.status ORDER BY o.name COLLATE "C"
            """)).ShouldBe(
        [
            "Bank BPD Bali | BESAR | 11 | 1,2,4,5,6,7,9,10",
            "KAPIT MAS | MENENGAH | 11 | 1,2,4,5,6,7,9,10",
            "PT Jaya Mertha Medika | BESAR | 9 | 1,2,4,5,6,8",
            "PT Mandala Segara Kargo | MENENGAH | 9 | 1,2,4,5,6,8",
            // Jawa Tengah's two finalists of 2021, forwarded too (issue 17: the national pool).
            "PT Tekstil Ungaran Raya | BESAR | 12 | 1,2,4,5,6,7,9,11",
            "Pemerintah Kota Denpasar | PEMKAB | 9 | 1,2,4,5,6,8",
            "Pemerintah Provinsi Bali | PEMPROV | 11 | 1,2,4,5,6,7,9,10",
            "Pemerintah Provinsi Jawa Tengah | PEMPROV | 12 | 1,2,4,5,6,7,9,11",
        ]);
    }

    [Fact]
    public async Task Every_status_history_is_a_chain_from_draft_to_the_current_status_taken_by_the_demo_accounts()
    {
        // Each change starts where the previous one ended; the first starts at Draft; the last ends at the status.
        (await Count("""
            SELECT count(*) FROM (
              SELECT n.id, n.status,
                     array_agg(s."from" ORDER BY s.at) AS froms, array_agg(s."to" ORDER BY s.at) AS tos
              FROM nominations n JOIN status_changes s ON s.nomination_id = n.id GROUP BY n.id, n.status) x
            WHERE x.froms[1] <> 1 OR x.tos[array_length(x.tos, 1)] <> x.status OR x.froms[2:] <> x.tos[1:array_length(x.tos, 1) - 1]
            """)).ShouldBe(0L);
        (await Count("SELECT count(*) FROM nominations n WHERE n.status <> 1 AND NOT EXISTS (SELECT 1 FROM status_changes s WHERE s.nomination_id = n.id)")).ShouldBe(0L);
        (await Count("SELECT count(*) FROM nominations n WHERE n.status = 1 AND EXISTS (SELECT 1 FROM status_changes s WHERE s.nomination_id = n.id)")).ShouldBe(0L);
        (await Count("SELECT count(*) FROM status_changes s WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id AND u.full_name = s.user_name)")).ShouldBe(0L);
        // ... and Jawa Tengah's two 2021 finalists, seven steps each.
        (await Count("SELECT count(*) FROM status_changes")).ShouldBe((3L * 7) + (3L * 6) + 4 + 3 + 4 + 1 + 2 + 1 + 1 + 1 + (2 * 7) + 5); // + the national plenary's 5


        (await Lines("""
            SELECT s.action || ' | ' || s.user_name || ' | ' || coalesce(s.reason, '-')
            FROM status_changes s JOIN nominations n ON n.id = s.nomination_id JOIN organisations o ON o.id = n.organisation_id
            WHERE o.name = 'Pemerintah Kabupaten Buleleng' ORDER BY s.at
            """)).ShouldBe(
        [
            "1 | Ni Luh Anggota | -",
            $"3 | Petugas Kantor Cabang Denpasar | {DemoAwardSeeder.BulelengReturnReason}",
        ]);
        (await Text("SELECT n.last_return_reason FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE o.name = 'Pemerintah Kabupaten Buleleng'"))
            .ShouldBe(DemoAwardSeeder.BulelengReturnReason);
        var demo = await DemoDay.OfAsync(portal.Database);
        (await Text($"""
            SELECT to_char(n.verified_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') || ' ' || u.email
            FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN users u ON u.id = n.verified_by
            JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Provinsi Bali'
            """)).ShouldBe($"{demo.At(-99, "13:45")} cabang.denpasar@paritrana.demo");
    }

    [Fact]
    public async Task Pemprov_Bali_of_the_current_cycle_carries_the_December_2023_facts_with_a_regulation_a_budget_and_an_innovation()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        (await Text($"""
            SELECT n.workforce_bps || ' ' || (n.protected_pu + n.protected_bpu) || ' ' || round(100.0 * (n.protected_pu + n.protected_bpu) / n.workforce_bps, 2)
            FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id
            WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Provinsi Bali'
            """)).ShouldBe("2606000 1027000 39.41");
        (await Lines($"""
            SELECT r.type || ' ' || r.number || ' ' || r.year FROM government_regulations r JOIN nominations n ON n.id = r.nomination_id
            JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id
            WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Provinsi Bali' ORDER BY r.type
            """)).ShouldBe(["2 Nomor 12 Tahun 2020 2020", "5 Nomor 2 Tahun 2024 2024"]);
        // Every current government nomination has figures; every submitted one has a regulation and an APBD budget.
        (await Count("""
            SELECT count(*) FROM nominations n JOIN categories c ON c.id = n.category_id
            WHERE c.kind IN (1, 2) AND (n.workforce_bps IS NULL OR n.protected_pu IS NULL OR n.protected_bpu IS NULL
              OR (n.status <> 1 AND (NOT EXISTS (SELECT 1 FROM government_regulations r WHERE r.nomination_id = n.id)
                                  OR NOT EXISTS (SELECT 1 FROM budget_allocations b WHERE b.nomination_id = n.id))))
            """)).ShouldBe(0L);
        (await Count("SELECT count(*) FROM innovations")).ShouldBeGreaterThanOrEqualTo(4L);
    }

    [Fact]
    public async Task Three_hundred_generated_employers_cover_the_regencies_of_the_demo_branches_each_with_two_as_of_dates()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        var generated = DemoAwardSeeder.EmployerGenerator.Generate(DemoAwardSeeder.GeneratedEmployerCount, DemoAwardSeeder.RandomSeed, DemoAwardSeeder.DemoRegencies);
        var npps = string.Join(",", generated.Select(g => $"'{g.Npp}'"));
        (await Count($"SELECT count(*) FROM organisations WHERE is_demo AND type = 2 AND npp IN ({npps})")).ShouldBe(300L);
        (await Lines($"SELECT npp || ' ' || name || ' ' || regency_code FROM organisations WHERE npp IN ({npps}) ORDER BY npp"))
            .ShouldBe(generated.OrderBy(g => g.Npp, StringComparer.Ordinal).Select(g => $"{g.Npp} {g.Name} {g.RegencyCode}"));
        (await Count("SELECT count(*) FROM organisations WHERE is_demo AND type = 2")).ShouldBe(309L);
        (await Count($"SELECT count(DISTINCT regency_code) FROM organisations WHERE npp IN ({npps})")).ShouldBe(13L);
        (await Count("SELECT count(*) FROM organisations WHERE is_demo AND type = 2 AND branch_office_id IS DISTINCT FROM (SELECT a.branch_office_id FROM branch_office_areas a WHERE a.regency_code = organisations.regency_code)"))
            .ShouldBe(0L);

        // Two as-of dates each; the organisation carries the newest.
        // As of the middle and the end of the year the current cycle assesses.
        (await Count($"""
            SELECT count(*) FROM organisations o WHERE o.is_demo AND o.type = 2 AND (
              (SELECT string_agg(to_char(f.as_of, 'YYYY-MM-DD'), ',' ORDER BY f.as_of) FROM coverage_figures f WHERE f.organisation_id = o.id) <> '{demo.Year - 1}-06-30,{demo.Year - 1}-12-31'
              OR NOT EXISTS (SELECT 1 FROM coverage_figures f WHERE f.organisation_id = o.id AND f.as_of = o.latest_as_of AND f.workers = o.latest_workers
                  AND f.participants_pu = o.latest_participants_pu AND f.participants_bpu = o.latest_participants_bpu
                  AND f.programs = o.latest_programs AND f.arrears_months = o.latest_arrears_months))
            """)).ShouldBe(0L);
        (await Count("SELECT count(*) FROM coverage_figures WHERE participants_pu + participants_bpu > workers OR workers < 1")).ShouldBe(0L);
        (await Lines("SELECT DISTINCT size_class::text FROM organisations WHERE is_demo AND type = 2 ORDER BY 1")).ShouldBe(["1", "2", "3", "4"]);
    }

    [Fact]
    public async Task The_chair_finds_the_demo_employers_in_candidate_discovery()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync("ketua.bali@paritrana.demo");
        var page = await client.GetPageAsync("/Employers?q=Bank%20BPD%20Bali");
        page.QuerySelectorAll("[data-testid=employer-row]").Select(r => string.Join(" | ", r.Children.Take(9).Select(PortalClient.Text))).ShouldBe(
            ["51710001 | Bank BPD Bali | Kota Denpasar | Kantor Cabang Denpasar | Besar | 2.150 | 2.150 | 0 | 100,00 %"]);
    }

    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        const string Counts = """
            SELECT (SELECT count(*) FROM award_cycles) || ' ' || (SELECT count(*) FROM cycle_stages) || ' ' || (SELECT count(*) FROM categories) || ' ' ||
                   (SELECT count(*) FROM organisations) || ' ' || (SELECT count(*) FROM coverage_figures) || ' ' || (SELECT count(*) FROM nominations) || ' ' ||
                   (SELECT count(*) FROM status_changes) || ' ' || (SELECT count(*) FROM government_regulations) || ' ' ||
                   (SELECT count(*) FROM budget_allocations) || ' ' || (SELECT count(*) FROM innovations) || ' ' || (SELECT count(*) FROM users) || ' ' ||
                   (SELECT count(*) FROM criteria_sets) || ' ' || (SELECT count(*) FROM aspects) || ' ' || (SELECT count(*) FROM indicators) || ' ' ||
                   (SELECT count(*) FROM scoring_rounds) || ' ' || (SELECT count(*) FROM round_aspects) || ' ' || (SELECT count(*) FROM assignments) || ' ' ||
                   (SELECT count(*) FROM scorecards) || ' ' || (SELECT count(*) FROM scores) || ' ' || (SELECT count(*) FROM score_changes) || ' ' ||
                   (SELECT count(*) FROM plenaries) || ' ' || (SELECT count(*) FROM finalist_decisions) || ' ' || (SELECT count(*) FROM visits) || ' ' ||
                   (SELECT count(*) FROM visit_members) || ' ' || (SELECT count(*) FROM coaching_items) || ' ' || (SELECT count(*) FROM plenary_decision_versions)
            """;
        var before = await Text(Counts);
        before.ShouldBe(await ExpectedCountsAsync());

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoAwardSeeder>().SeedAsync();
        }

        (await Text(Counts)).ShouldBe(before);
    }

    /// <summary>
    /// What a freshly seeded database holds: 2 cycles with 12 stages and 14 categories; 8 governments
    /// and 309 employers with two as-of dates each; 17 nominations with 56 status changes, 9
    /// regulations, 8 budgets and 5 innovations; the demo accounts. Bali's 2021 scoring: 4 criteria
    /// sets (2 government ones of 5 aspects and 13 indicators, 2 company ones of 3 aspects and 11
    /// indicators), 3 rounds scoring 6 + 6 + 1 aspect codes, 6 nominations × 3 rounds × 2 scorers
    /// assigned and carded, 252 scores with one history row each and one per card total, 1 plenary
    /// with 6 decisions and its frozen record. Jawa Tengah's 2021 (issue 17): 2 nominations (a government,
    /// a company) with 7 status changes each, 1 regulation, budget and innovation, 3 rounds with 2 × 2
    /// cards each (23 and 20 scores per scorer), 1 plenary of 2 finalists with its record. The 2021 national
    /// stage: criteria for the pool's 3 categories (5 + 3 + 3 aspects, 13 + 11 + 11 indicators), 2 rounds
    /// (6 + 1 aspect codes), the 5 finalists × 2 rounds × 2 jurors assigned and carded (a government's
    /// cards 10 and 3 scores, a company's 9 and 2), every card submitted; the national plenary (docs/decisions/047)
    /// with its 5 decisions (5 status changes) and its frozen record. 2025: 2 visits (2 and 1 members) and 2 coaching items; criteria for the 5
    /// active categories (2 government, 3 company); Bali's 3 rounds, the open one with 2 nominations ×
    /// 2 scorers assigned and carded: the chair's 2 submitted cards of 10 scores (a history row each
    /// and one per total), the member's 2 drafts of 3 and 2 scores (a history row each).
    /// </summary>
    private async Task<string> ExpectedCountsAsync()
    {
        var users = await Count("SELECT count(*) FROM users");
        const long JatengCards = 2 * 3 * 2;
        const long NationalCards = 5 * 2 * 2;
        const long Cards = (6 * 3 * 2) + (2 * 2) + JatengCards + NationalCards;
        const long JatengScores = ((10 + 10 + 3) * 2) + ((9 + 9 + 2) * 2);
        const long NationalScores = (2 * 2 * (10 + 3)) + (3 * 2 * (9 + 2));
        const long Scores = (2 * ((10 + 10 + 3) * 2)) + (4 * ((9 + 9 + 2) * 2)) + (10 + 10 + 3 + 2) + JatengScores + NationalScores;
        const long Totals = (6 * 3 * 2) + 2 + JatengCards + NationalCards; // one history row per submitted card's total
        return string.Join(' ', new long[]
            {
                2, 12, 14, 8 + 309, 2 * 309, 6 + 11 + 2, (3L * 7) + (3L * 6) + 17 + (2 * 7) + 5, 9 + 1, 8 + 1, 5 + 1, users,
                4 + 5 + 3, (2 * 5) + (2 * 3) + (2 * 5) + (3 * 3) + (5 + 3 + 3), (2 * 13) + (2 * 11) + (2 * 13) + (3 * 11) + (13 + 11 + 11), 3 + 3 + 3 + 2,
                (2 * (6 + 6 + 1)) + (6 + 6 + 1) + (6 + 1), Cards, Cards, Scores, Scores + Totals, 2 + 1, 6 + 2 + 5, 2, 3, 2, 2 + 1,
            }
            .Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }

    private async Task<string?> Text(string sql) => await TestDatabase.ScalarAsync<string>(portal.Database, sql);

    private async Task<long> Count(string sql) => await TestDatabase.ScalarAsync<long>(portal.Database, sql);

    /// <summary>The first column of every row, in the query's order.</summary>
    private async Task<List<string>> Lines(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(portal.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
