using System.Globalization;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;
using Paritrana.Web.Tests.Reports;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The later stages of the demo: Bali's 2021 scoring, plenary and finalists (the totals recomputed
/// here with the domain's own arithmetic from the stored scores), the pages and the finalist report
/// that show them, and the current cycle's field work on Kota Denpasar. The test database is a copy of the
/// seeded template.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class DemoScoringAndFieldWorkTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string Member = "anggota.bali@paritrana.demo";

    /// <summary>Joins a query's scorecards <c>s</c> to Bali's 2021 nominations <c>n</c>.</summary>
    private const string History =
        " JOIN nominations n ON n.id = s.nomination_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = 2021 AND n.province_code = '51' AND s.province_code = '51' ";

    [Fact]
    public async Task The_2021_decisions_of_Bali_carry_the_ranks_and_totals_of_the_domain_arithmetic()
    {
        (await Lines("""
            SELECT c.code || ' | ' || d.rank || ' | ' || o.name || ' | ' || d.total || ' | ' || d.is_finalist || ' | ' || n.status || ' | ' || coalesce(d.rationale, '-')
            FROM finalist_decisions d JOIN nominations n ON n.id = d.nomination_id JOIN organisations o ON o.id = n.organisation_id
            JOIN categories c ON c.id = n.category_id JOIN award_cycles y ON y.id = n.cycle_id
            WHERE y.year = 2021 AND n.province_code = '51' AND d.plenary_id IN (SELECT id FROM plenaries WHERE province_code = '51') ORDER BY c.sort_order, d.rank
            """)).ShouldBe(
        [
            // The finalists' status is now the national plenary's (Winner, docs/decisions/047).
            "PEMPROV | 1 | Pemerintah Provinsi Bali | 73.0873 | true | 11 | -",
            $"PEMKAB | 1 | Pemerintah Kota Denpasar | 60.8762 | false | 9 | {DemoAwardSeeder.DenpasarRationale}",
            "BESAR | 1 | Bank BPD Bali | 94.4381 | true | 11 | -",
            "BESAR | 2 | PT Jaya Mertha Medika | 63.8320 | false | 9 | -",
            "MENENGAH | 1 | KAPIT MAS | 93.5847 | true | 11 | -",
            "MENENGAH | 2 | PT Mandala Segara Kargo | 69.5081 | false | 9 | -",
        ]);

        // Every card's stored total is ScoringMath.CardTotalOf of its scores (kept to four decimals, as the card page keeps it).
        var scores = await Rows("""
            SELECT s.id, s.total, sc.indicator_id, i.aspect_id, a.weight, i.weight, i.scale, sc.value
            FROM scorecards s JOIN scores sc ON sc.scorecard_id = s.id JOIN indicators i ON i.id = sc.indicator_id JOIN aspects a ON a.id = i.aspect_id
            """ + History);
        var cards = scores.GroupBy(r => (int)r[0]).ToList();
        cards.Count.ShouldBe(6 * 3 * 2);
        foreach (var card in cards)
        {
            var weightings = card.Select(r => new IndicatorWeighting((int)r[2], (int)r[3], (decimal)r[4], (decimal)r[5], (ScaleKind)(int)r[6])).ToList();
            var total = ScoringMath.CardTotalOf(weightings, card.ToDictionary(r => (int)r[2], r => (decimal)r[7]))!.Value;
            ((decimal)card.First()[1]).ShouldBe(decimal.Round(total, 4, MidpointRounding.AwayFromZero), $"card {card.Key}");
        }

        // Each nomination's total: the mean of its two cards per round, the rounds weighted 40/35/25;
        // ranked per category by the domain's rule, one finalist per category by default.
        var perCard = await Rows("""
            SELECT n.id, n.category_id, r.id, r.weight, r.kind, s.total,
                   (SELECT d.total FROM finalist_decisions d JOIN plenaries p ON p.id = d.plenary_id WHERE d.nomination_id = n.id AND p.province_code = n.province_code), (SELECT d.rank FROM finalist_decisions d JOIN plenaries p ON p.id = d.plenary_id WHERE d.nomination_id = n.id AND p.province_code = n.province_code)
            FROM scorecards s JOIN scoring_rounds r ON r.id = s.round_id
            """ + History);
        foreach (var category in perCard.GroupBy(r => (int)r[1]))
        {
            var inputs = category.GroupBy(r => (int)r[0]).Select(nomination =>
            {
                var rounds = nomination.GroupBy(r => (int)r[2]).Select(round => (
                    Weight: (decimal)round.First()[3],
                    Kind: (RoundKind)(int)round.First()[4],
                    Score: ScoringMath.RoundScore(round.Select(r => new CardTotal(Guid.Empty, nomination.Key, (decimal)r[5])), RoundAggregation.Mean))).ToList();
                rounds.Count.ShouldBe(3);
                var total = ScoringMath.Total(rounds.Select(r => new RoundPart(r.Weight, r.Score)).ToList());
                total.IsComplete.ShouldBeTrue();
                ((decimal)nomination.First()[6]).ShouldBe(decimal.Round(total.Value!.Value, 4, MidpointRounding.AwayFromZero));
                return new RankInput(nomination.Key, total.Value, rounds.Single(r => r.Kind == RoundKind.Interview).Score, null);
            }).ToList();
            foreach (var ranked in Ranking.Rank(inputs, finalistCount: 1))
            {
                ranked.Tied.ShouldBeFalse();
                (await Count($"SELECT rank FROM finalist_decisions WHERE nomination_id = {ranked.NominationId} AND plenary_id IN (SELECT id FROM plenaries WHERE province_code <> '00')")).ShouldBe(ranked.Rank);
            }
        }
    }

    [Fact]
    public async Task The_2021_shortlist_and_ranking_pages_show_the_rounds_and_totals_of_each_category()
    {
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(Member);
        var page = await client.GetPageAsync("/Shortlist?cycle=2021");
        string Row(AngleSharp.Dom.IElement row) => PortalClient.Normalize(string.Join(" | ", row.QuerySelectorAll("td").Take(8).Select(PortalClient.Text)));
        page.QuerySelectorAll("[data-testid=shortlist-row]").Select(Row).ShouldBe(
        [
            "1 | Pemerintah Provinsi Bali | | 70,54 | 76,42 | 72,50 | 73,09 | 27,27 %",
            "1 | Pemerintah Kota Denpasar | Kota Denpasar | 57,58 | 62,58 | 63,75 | 60,88 | 48,27 %",
            "1 | Bank BPD Bali | Kota Denpasar | 93,74 | 96,63 | 92,50 | 94,44 | 100,00 %",
            "2 | PT Jaya Mertha Medika | Kabupaten Badung | 62,25 | 61,23 | 70,00 | 63,83 | 77,49 %",
            "1 | KAPIT MAS | Kabupaten Badung | 93,51 | 94,45 | 92,50 | 93,58 | 100,00 %",
            "2 | PT Mandala Segara Kargo | Kota Denpasar | 70,61 | 69,68 | 67,50 | 69,51 | 77,78 %",
        ]);
        page.QuerySelectorAll("[data-testid=tie]").Length.ShouldBe(0);
        page.QuerySelectorAll("[data-testid=disagreement]").Length.ShouldBe(0);

        // Kota Denpasar ranked first but the plenary did not choose it: no finalist badge beside "Tidak masuk
        // finalis" (issue 15 saw "Finalis (bawaan)" there); once decided, no row carries a proposal any more.
        var denpasar = page.QuerySelectorAll("[data-testid=shortlist-row]").Single(r => r.TextContent.Contains("Pemerintah Kota Denpasar", StringComparison.Ordinal));
        denpasar.QuerySelectorAll(".badge").Select(PortalClient.Text).Where(t => t.Contains("inalis", StringComparison.Ordinal)).ShouldBeEmpty();
        var cells = denpasar.QuerySelectorAll("td");
        PortalClient.Text(cells[cells.Length - 1]).ShouldBe("Tidak masuk finalis");
        page.QuerySelectorAll("[data-testid=proposed-finalist]").Length.ShouldBe(0);

        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        var large = await Count("SELECT c.id FROM categories c JOIN award_cycles y ON y.id = c.cycle_id WHERE y.year = 2021 AND c.code = 'BESAR'");
        var ranking = await chair.GetPageAsync($"/Scoring/Ranking?cycle=2021&kategori={large}");
        ranking.QuerySelectorAll("[data-testid=ranking-row]")
            .Select(r => string.Join(" | ", PortalClient.Text(r.QuerySelector("[data-testid=rank]")), PortalClient.Text(r.QuerySelector("[data-testid=name]")),
                string.Join(" ", r.QuerySelectorAll("[data-testid=round-score]").Select(PortalClient.Text)), PortalClient.Text(r.QuerySelector("[data-testid=total]"))))
            .ShouldBe(["1 | Bank BPD Bali | 93,74 2 kartu 96,63 2 kartu 92,50 2 kartu | 94,44", "2 | PT Jaya Mertha Medika | 62,25 2 kartu 61,23 2 kartu 70,00 2 kartu | 63,83"]);
    }

    [Fact]
    public async Task The_2021_plenary_of_Bali_is_recorded_with_its_place_people_minutes_and_decisions()
    {
        (await Text("""
            SELECT p.held_on || ' | ' || p.place || ' | ' || to_char(p.decided_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') || ' | ' || u.email
            FROM plenaries p JOIN award_cycles y ON y.id = p.cycle_id JOIN users u ON u.id = p.decided_by WHERE y.year = 2021 AND p.province_code = '51'
            """)).ShouldBe("2021-06-25 | Wiswa Sabha Pratama, Kantor Gubernur Bali, Denpasar | 2021-06-25 15:30 | ketua.bali@paritrana.demo");
        (await Text("SELECT p.decision FROM plenaries p JOIN award_cycles y ON y.id = p.cycle_id WHERE y.year = 2021 AND p.province_code = '51'")).ShouldBe(DemoAwardSeeder.PlenaryDecision);
        (await Text("SELECT p.attendees FROM plenaries p JOIN award_cycles y ON y.id = p.cycle_id WHERE y.year = 2021 AND p.province_code = '51'")).ShouldBe(
            "I Made Ketua (Ketua Tim Panitia Bali); Ni Luh Anggota (Anggota Tim Panitia Bali); Dinas Tenaga Kerja dan ESDM Provinsi Bali; " +
            "BPJAMSOSTEK Kantor Wilayah Banuspa; BPJAMSOSTEK Kantor Cabang Denpasar dan Gianyar; perwakilan serikat pekerja dan Apindo Bali");
        (await Text("SELECT p.minutes FROM plenaries p JOIN award_cycles y ON y.id = p.cycle_id WHERE y.year = 2021 AND p.province_code = '51'"))!.ShouldStartWith("Rapat pleno membahas hasil tiga babak penilaian");
        (await Count("SELECT count(*) FROM plenaries")).ShouldBe(3L); // and Jawa Tengah's and the national one of 2021
        // Decided at the plenary's moment, by the chair, as PlenaryDecisions stores them.
        (await Count("SELECT count(*) FROM finalist_decisions d JOIN plenaries p ON p.id = d.plenary_id WHERE d.decided_at = p.decided_at AND d.decided_by = p.decided_by AND d.national_award_name IS NULL AND p.province_code <> '00'"))
            .ShouldBe(6L + 2); // Bali's six and Jawa Tengah's two

        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        var page = await chair.GetPageAsync("/Plenary?cycle=2021");
        var decided = page.QuerySelector("[data-testid=decided]")!;
        decided.QuerySelectorAll("dd").Select(PortalClient.Text).Take(4).ShouldBe(
        [
            "25 Juni 2021",
            DemoAwardSeeder.PlenaryPlace,
            "I Made Ketua (Ketua Tim Panitia Bali); Ni Luh Anggota (Anggota Tim Panitia Bali); Dinas Tenaga Kerja dan ESDM Provinsi Bali; " +
            "BPJAMSOSTEK Kantor Wilayah Banuspa; BPJAMSOSTEK Kantor Cabang Denpasar dan Gianyar; perwakilan serikat pekerja dan Apindo Bali",
            DemoAwardSeeder.PlenaryDecision,
        ]);
        decided.QuerySelectorAll("[data-testid=decision-row]").Select(r => PortalClient.Normalize(string.Join(" | ", r.QuerySelectorAll("td").Select(PortalClient.Text)))).ShouldBe(
        [
            "Pemerintah Provinsi | 1 | Pemerintah Provinsi Bali | 73,09 | Finalis | | Pemenang — Paritrana Award Terbaik I Kategori Pemerintah Provinsi",
            $"Pemerintah Kabupaten/Kota | 1 | Pemerintah Kota Denpasar | 60,88 | Tidak masuk finalis | {DemoAwardSeeder.DenpasarRationale} | Tidak masuk finalis",
            "Perusahaan Besar | 1 | Bank BPD Bali | 94,44 | Finalis | | Pemenang — Paritrana Award Terbaik I Kategori Perusahaan Besar",
            "Perusahaan Besar | 2 | PT Jaya Mertha Medika | 63,83 | Tidak masuk finalis | | Tidak masuk finalis",
            "Perusahaan Menengah | 1 | KAPIT MAS | 93,58 | Finalis | | Pemenang — Paritrana Award Terbaik I Kategori Perusahaan Menengah",
            "Perusahaan Menengah | 2 | PT Mandala Segara Kargo | 69,51 | Tidak masuk finalis | | Tidak masuk finalis",
        ]);
        page.QuerySelector("form[action*='handler=Forward']").ShouldBeNull(); // already forwarded
    }

    [Fact]
    public async Task The_2021_history_is_in_order_from_criteria_to_cards_to_the_plenary()
    {
        // Criteria: the template of the four categories used, locked; rounds: the three defaults, closed.
        (await Lines("""
            SELECT c.code || ' ' || s.version_number || ' ' || s.is_locked || ' ' || (SELECT string_agg(a.code || ':' || a.weight, ',' ORDER BY a.sort_order) FROM aspects a WHERE a.criteria_set_id = s.id)
            FROM criteria_sets s JOIN categories c ON c.id = s.category_id JOIN award_cycles y ON y.id = s.cycle_id WHERE y.year = 2021 AND s.stage = 1 ORDER BY c.sort_order
            """)).ShouldBe(
        [
            "PEMPROV 1 true REG:30.00,ANG:20.00,INO:15.00,KIN:20.00,WAW:15.00",
            "PEMKAB 1 true REG:30.00,ANG:20.00,INO:15.00,KIN:20.00,WAW:15.00",
            "BESAR 1 true KEP:50.00,DIG:30.00,WAW:20.00",
            "MENENGAH 1 true KEP:50.00,DIG:30.00,WAW:20.00",
        ]);
        (await Lines("""
            SELECT r.name || ' ' || r.weight || ' ' || r.status || ' ' || to_char(r.opened_at AT TIME ZONE 'Asia/Jakarta', 'MM-DD HH24:MI') || '..' || to_char(r.closed_at AT TIME ZONE 'Asia/Jakarta', 'MM-DD HH24:MI')
                || ' ' || (SELECT string_agg(a.aspect_code, ',' ORDER BY a.aspect_code) FROM round_aspects a WHERE a.round_id = r.id)
                || ' ' || (SELECT count(*) FROM assignments x WHERE x.round_id = r.id) || ' ' || (SELECT count(*) FROM scorecards x WHERE x.round_id = r.id AND x.status = 2)
            FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE y.year = 2021 AND r.province_code = '51' ORDER BY r.sort_order
            """)).ShouldBe(
        [
            "Penilaian Dokumen 40.00 3 05-24 08:00..06-04 17:00 ANG,DIG,INO,KEP,KIN,REG 12 12",
            "Kunjungan Lapangan 35.00 3 05-31 08:00..06-11 17:00 ANG,DIG,INO,KEP,KIN,REG 12 12",
            "Wawancara 25.00 3 06-14 08:00..06-18 12:00 WAW 12 12",
        ]);

        // Every card: of an assigned scorer, submitted inside its round, after the nomination was
        // ready for scoring and before it was marked scored; its history is one row per score and the total.
        (await Count("""
            SELECT count(*) FROM scorecards s JOIN scoring_rounds r ON r.id = s.round_id
            """ + History + """
              AND (NOT EXISTS (SELECT 1 FROM assignments a WHERE a.round_id = s.round_id AND a.nomination_id = s.nomination_id AND a.scorer_id = s.scorer_id AND a.assigned_at <= s.submitted_at)
                OR s.submitted_at NOT BETWEEN r.opened_at AND r.closed_at
                OR s.submitted_at <= (SELECT c.at FROM status_changes c WHERE c.nomination_id = n.id AND c.action = 5)
                OR s.submitted_at >= (SELECT c.at FROM status_changes c WHERE c.nomination_id = n.id AND c.action = 6)
                OR s.updated_at <> s.submitted_at
                OR (SELECT count(*) FROM score_changes h WHERE h.scorecard_id = s.id AND h.at = s.submitted_at AND h.event = 'submitted')
                   <> (SELECT count(*) FROM scores x WHERE x.scorecard_id = s.id) + 1
                OR (SELECT count(*) FROM scores x WHERE x.scorecard_id = s.id AND x.value IS NULL) > 0)
            """)).ShouldBe(0L);
        (await Count("SELECT count(*) FROM score_changes h JOIN scorecards s ON s.id = h.scorecard_id " + History + " AND h.indicator_id IS NULL AND h.new_value <> round(s.total, 2)"))
            .ShouldBe(0L);
        (await Count("SELECT count(*) FROM scores sc JOIN scorecards s ON s.id = sc.scorecard_id " + History)).ShouldBe(2L * ((2 * 10) + 3) * 2 + (2L * ((2 * 9) + 2) * 4));
        (await Count("SELECT count(*) FROM scores sc JOIN scorecards s ON s.id = sc.scorecard_id " + History + " AND sc.comment IS NOT NULL")).ShouldBe(6L + (5L * 5)); // Pemprov Bali has one comment more
        (await Count("SELECT count(*) FROM scorecards s " + History + " AND s.strengths IS NOT NULL")).ShouldBe(6L * 3);

        // The decisions follow the plenary: every DecideFinalist/DecideNotShortlisted step within minutes after its decided_at.
        (await Count("""
            SELECT count(*) FROM status_changes c JOIN finalist_decisions d ON d.nomination_id = c.nomination_id JOIN plenaries p ON p.id = d.plenary_id
            WHERE c.action IN (7, 8) AND p.province_code <> '00' AND (c.at < p.decided_at OR c.at > p.decided_at + interval '10 minutes' OR (c.action = 7) <> d.is_finalist)
            """)).ShouldBe(0L);
        (await Count("SELECT count(*) FROM status_changes c JOIN nominations n ON n.id = c.nomination_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = 2021 AND c.action = 6 AND c.at <= (SELECT max(closed_at) FROM scoring_rounds r WHERE r.cycle_id = n.cycle_id AND r.province_code = n.province_code)"))
            .ShouldBe(0L);
    }

    [Fact]
    public async Task The_2021_finalist_report_shows_the_three_finalists_with_their_totals_and_reads_back_from_its_pdf()
    {
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        var preview = await chair.GetPageAsync("/Reports/Finalists?cycle=2021");
        PortalClient.Text(preview.QuerySelector("[data-testid=report-title]")).ShouldBe("Laporan Finalis Penghargaan Paritrana 2021, Provinsi Bali");
        preview.QuerySelectorAll("[data-testid=finalist-section]").Select(s => PortalClient.Text(s.QuerySelector("h2")) + " | " + PortalClient.Text(s.QuerySelector("p.muted"))).ShouldBe(
        [
            "Pemerintah Provinsi Bali | Pemerintah Provinsi · Peringkat 1 · Total 73,09",
            "Bank BPD Bali | Perusahaan Besar · Kota Denpasar · Peringkat 1 · Total 94,44",
            "KAPIT MAS | Perusahaan Menengah · Kabupaten Badung · Peringkat 1 · Total 93,58",
        ]);
        preview.QuerySelector("[data-testid=summary-PEMKAB]").ShouldBeNull(); // Kota Denpasar was not shortlisted
        PortalClient.Text(preview.QuerySelector(".cover")).ShouldContain("Rapat pleno: 25 Juni 2021, " + DemoAwardSeeder.PlenaryPlace);

        var response = await chair.GetAsync("/Reports/Finalists?cycle=2021&handler=Pdf");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = await ChromiumPdfTests.PageCountAsync(pdf);
        var text = PortalClient.Normalize(await ChromiumPdfTests.PdfToTextAsync(pdf));
        foreach (var expected in new[] { "Laporan Finalis Penghargaan Paritrana 2021, Provinsi Bali", "Pemerintah Provinsi Bali", "Bank BPD Bali", "KAPIT MAS", "73,09", "94,44", "93,58" })
        {
            text.ShouldContain(expected);
        }

        text.ShouldNotContain("PT Jaya Mertha Medika");
        text.ShouldContain("Halaman 1 dari");
        text.ShouldContain($"Halaman {pages} dari {pages}");
        pages.ShouldBeGreaterThanOrEqualTo(5); // cover, summary, three finalists
    }

    [Fact]
    public async Task Kota_Denpasar_in_the_current_cycle_has_a_visit_done_a_follow_up_planned_and_coaching_items_resolved_and_overdue()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        var denpasar = $"(SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Kota Denpasar')";
        (await Lines($"""
            SELECT v.status || ' | ' || to_char(v.planned_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD HH24:MI') || ' | ' || coalesce(to_char(v.done_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD HH24:MI'), '-')
                || ' | ' || left(coalesce(v.findings, '-'), 40) || ' | ' || (SELECT string_agg(u.email, ',' ORDER BY u.email) FROM visit_members m JOIN users u ON u.id = m.user_id WHERE m.visit_id = v.id)
            FROM visits v WHERE v.nomination_id = {denpasar} AND v.status = 2
            """)).ShouldBe([$"2 | {demo.At(-47, "09:00")} | {demo.At(-47, "09:00")} | Perwali berlaku dan bantuan iuran 2024 t | anggota.bali@paritrana.demo,ketua.bali@paritrana.demo"]);

        // The follow-up is planned at seeding for two weeks ahead, 09:00 in Bali: always upcoming on a fresh demo.
        (await Count($"""
            SELECT count(*) FROM visits v WHERE v.nomination_id = {denpasar} AND v.status = 1 AND v.purpose = '{DemoAwardSeeder.PlannedVisitPurpose}'
              AND v.planned_at = ((v.created_at AT TIME ZONE 'Asia/Makassar')::date + {DemoAwardSeeder.PlannedVisitDaysAhead} + time '09:00') AT TIME ZONE 'Asia/Makassar'
              AND v.planned_at > now() AND (SELECT count(*) FROM visit_members m WHERE m.visit_id = v.id) = 1
            """)).ShouldBe(1L);
        (await Count("SELECT count(*) FROM visits")).ShouldBe(2L);

        (await Lines($"""
            SELECT i.status || ' | ' || i.due_date || ' | ' || (i.visit_id = (SELECT v.id FROM visits v WHERE v.status = 2)) || ' | ' || coalesce(to_char(i.resolved_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD HH24:MI'), '-')
                || ' | ' || coalesce((SELECT u.email FROM users u WHERE u.id = i.resolved_by), '-') || ' | ' || i.finding
            FROM coaching_items i WHERE i.nomination_id = {denpasar} ORDER BY i.created_at
            """)).ShouldBe(
        [
            $"3 | {demo.Date(-32)} | true | {demo.At(-34, "10:15")} | anggota.bali@paritrana.demo | {DemoAwardSeeder.ResolvedFinding}",
            $"1 | {demo.Date(-11)} | true | - | - | {DemoAwardSeeder.OpenFinding}",
        ]);
        (await Count("SELECT count(*) FROM coaching_items")).ShouldBe(2L);
        // Recorded after the visit, while the nomination was in field assessment (since 57 days before the first start).
        (await Count($"""
            SELECT count(*) FROM coaching_items i WHERE i.created_at <= (SELECT v.done_at FROM visits v WHERE v.id = i.visit_id)
               OR i.created_at <= (SELECT c.at FROM status_changes c WHERE c.nomination_id = i.nomination_id AND c.action = 4)
            """)).ShouldBe(0L);
    }

    [Fact]
    public async Task The_agenda_the_overdue_list_and_the_coaching_gate_show_Kota_Denpasar()
    {
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(Member);
        var planned = await Text("SELECT to_char(planned_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD') FROM visits WHERE status = 1");
        var day = DateOnly.ParseExact(planned!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var agenda = await member.GetPageAsync("/FieldWork");
        agenda.QuerySelectorAll("[data-testid=visit]").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(PortalClient.Text))).ShouldBe(
        [
            $"{day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))} 09.00 WITA | Pemerintah Kota Denpasar Kota Denpasar | Kantor Dinas Ketenagakerjaan Kota Denpasar | Ni Luh Anggota | Direncanakan",
        ]);

        var open = await member.GetPageAsync("/FieldWork/Coaching");
        var group = open.QuerySelectorAll("[data-testid=group]").Single();
        PortalClient.Text(group.QuerySelector("[data-testid=group-name]")).ShouldBe("Pemerintah Kota Denpasar");
        PortalClient.Text(group.QuerySelector("[data-testid=group-counts]")).ShouldBe("1 terbuka, 1 terlambat");
        var demo = await DemoDay.OfAsync(portal.Database);
        var late = ProvinceTime.Today(DateTimeOffset.UtcNow, "51").DayNumber - demo.Day(-11).DayNumber;
        PortalClient.Text(group.QuerySelector("[data-testid=overdue]")).ShouldBe($"Terlambat {late.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))} hari");

        var nomination = await Count($"SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Kota Denpasar'");
        var details = await member.GetPageAsync($"/Nominations/Details/{nomination}");
        PortalClient.Text(details.QuerySelector("[data-testid=fieldwork-gate]")).ShouldBe(
            "Belum dapat ditandai siap dinilai: 1 butir pembinaan masih terbuka atau sedang ditindaklanjuti. Selesaikan atau minta Ketua Tim Panitia mengesampingkannya dulu.");
        details.QuerySelectorAll("[data-testid=fieldwork-counts] li").Select(PortalClient.Text).ShouldBe(
        [
            "Kunjungan: 1 direncanakan, 1 sudah dilaksanakan",
            $"Kunjungan berikutnya: {day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))} 09.00 WITA di Kantor Dinas Ketenagakerjaan Kota Denpasar",
            "Butir pembinaan: 1 terbuka (1 terlambat), 1 selesai atau dikesampingkan",
            // The representative's answer file (docs/decisions/050).
            "Berkas bukti: 1",
        ]);
    }

    [Fact]
    public async Task The_current_timeline_of_Kota_Denpasar_shows_its_steps_visits_and_coaching_from_the_seeded_audit_trail()
    {
        const string Place = "Kantor Dinas Ketenagakerjaan Kota Denpasar dan Mal Pelayanan Publik Kota Denpasar";
        var demo = await DemoDay.OfAsync(portal.Database);
        var note = $"Rekapitulasi per perangkat daerah diterima {demo.Written(-34)}; selisih 180 orang adalah pegawai kontrak yang mulai bekerja Januari {demo.Year}, di luar tahun penilaian.";
        var nomination = await Count($"SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Kota Denpasar'");
        // The follow-up visit is planned when the demo is seeded, for two weeks ahead at 09:00.
        var followUp = (await Rows("SELECT created_at, planned_at FROM visits WHERE status = 1")).Single();
        var plannedOn = ((DateTime)followUp[0]).ToUniversalTime();
        var plannedFor = ((DateTime)followUp[1]).ToUniversalTime();
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(Member);
        var page = await member.GetPageAsync($"/FieldWork/Timeline/{nomination}?order=oldest");
        TimelineEntries(page).ShouldBe(
        [
            [$"{demo.Shown(-112)} 11.00 WITA", MemberName, "Status nominasi: Draf → Diajukan", "", ""],
            [$"{demo.Shown(-98)} 12.00 WITA", OfficerName, "Status nominasi: Diajukan → Terverifikasi", "", ""],
            [$"{demo.Shown(-57)} 09.30 WITA", MemberName, "Status nominasi: Terverifikasi → Penilaian lapangan", "", ""],
            [$"{demo.Shown(-56)} 10.00 WITA", MemberName, $"Kunjungan direncanakan untuk {demo.Shown(-47)} 09.00 WITA", Place, ""],
            [$"{demo.Shown(-47)} 15.30 WITA", MemberName, $"Kunjungan dicatat sudah dilaksanakan pada {demo.Shown(-47)} 09.00 WITA", Place, ""],
            // Both items addressed to the candidate as they are created (docs/decisions/050).
            [$"{demo.Shown(-46)} 09.00 WITA", MemberName, $"Butir pembinaan dicatat (tenggat {demo.Shown(-32)})", DemoAwardSeeder.ResolvedFinding, ""],
            [$"{demo.Shown(-46)} 09.00 WITA", MemberName, "Butir pembinaan ditujukan kepada kandidat", DemoAwardSeeder.ResolvedFinding, ""],
            [$"{demo.Shown(-46)} 09.10 WITA", MemberName, $"Butir pembinaan dicatat (tenggat {demo.Shown(-11)})", DemoAwardSeeder.OpenFinding, ""],
            [$"{demo.Shown(-46)} 09.10 WITA", MemberName, "Butir pembinaan ditujukan kepada kandidat", DemoAwardSeeder.OpenFinding, ""],
            // Kota Denpasar's representative answered the item with a file, and its note.
            [$"{demo.Shown(-35)} 14.20 WITA", "Kadek Perwakilan Denpasar", "Berkas diunggah: rekap-non-asn-per-perangkat-daerah.pdf", "", ""],
            [$"{demo.Shown(-35)} 14.20 WITA", "Kadek Perwakilan Denpasar", "Kandidat menjawab butir pembinaan", DemoAwardSeeder.ResolvedFinding,
                $"Sudah diperbaiki: rekapitulasi kepesertaan pegawai non-ASN per perangkat daerah dari BPJamsostek terlampir. Selisih 180 orang adalah pegawai kontrak yang mulai bekerja Januari {demo.Year}."],
            [$"{demo.Shown(-34)} 10.15 WITA", MemberName, "Butir pembinaan diselesaikan", DemoAwardSeeder.ResolvedFinding, note],
            [Wita(plannedOn), MemberName, $"Kunjungan direncanakan untuk {Wita(plannedFor)}", "Kantor Dinas Ketenagakerjaan Kota Denpasar", ""],
        ]);

        // The rows behind them, as the visit and coaching pages write them.
        (await Lines($"""
            SELECT a.action || ' | ' || a.entity_type || ' | ' || (a.entity_id = coalesce(v.id, i.id)::text) || ' | ' || a.province_code || ' | ' || a.user_email
                || ' | ' || (a.user_id = u.id) || ' | ' || coalesce(a.ip_address, '-') || ' | ' || {AuditSql.Text("a.details")}
            FROM audit_events a
            LEFT JOIN visits v ON a.entity_type = 'visit' AND v.id::text = a.entity_id
            LEFT JOIN coaching_items i ON a.entity_type = 'coaching-item' AND i.id::text = a.entity_id
            JOIN users u ON u.email = 'anggota.bali@paritrana.demo'
            WHERE coalesce(v.nomination_id, i.nomination_id) = {nomination} AND (a.action <> 'visit.planned' OR v.status = 2)
              AND a.action IN ('visit.planned', 'visit.done', 'coaching.created', 'coaching.resolved') -- the representative's answer and the sharing are CandidateCoachingTests'
            ORDER BY a.at
            """)).ShouldBe(
        [
            $"visit.planned | visit | true | 51 | anggota.bali@paritrana.demo | true | - | nomination: {nomination}; at: {demo.Date(-47)}T01:00:00Z; members: 2; place: {Place}",
            $"visit.done | visit | true | 51 | anggota.bali@paritrana.demo | true | - | done at: {demo.Date(-47)}T01:00:00Z",
            $"coaching.created | coaching-item | true | 51 | anggota.bali@paritrana.demo | true | - | nomination: {nomination}; visit: {await Count("SELECT id FROM visits WHERE status = 2")}; due: {demo.Date(-32)}; finding: {DemoAwardSeeder.ResolvedFinding}",
            $"coaching.created | coaching-item | true | 51 | anggota.bali@paritrana.demo | true | - | nomination: {nomination}; visit: {await Count("SELECT id FROM visits WHERE status = 2")}; due: {demo.Date(-11)}; finding: {DemoAwardSeeder.OpenFinding}",
            $"coaching.resolved | coaching-item | true | 51 | anggota.bali@paritrana.demo | true | - | status: Open -> Resolved; note: {note}",
        ]);
    }

    [Fact]
    public async Task The_2021_timeline_of_a_finalist_shows_its_steps_the_decision_and_each_card_submitted()
    {
        var nomination = await Count("SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = 2021 AND o.name = 'Pemerintah Provinsi Bali'");
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        var page = await chair.GetPageAsync($"/FieldWork/Timeline/{nomination}?order=oldest");
        const string Submitted = "Kartu nilai diserahkan oleh penilai";
        TimelineEntries(page).ShouldBe(
        [
            ["8 Mar 2021 10.15 WITA", MemberName, "Status nominasi: Draf → Diajukan", "", ""],
            ["22 Mar 2021 15.00 WITA", OfficerName, "Status nominasi: Diajukan → Terverifikasi", "", ""],
            ["12 Apr 2021 09.30 WITA", MemberName, "Status nominasi: Terverifikasi → Penilaian lapangan", "", ""],
            ["20 Mei 2021 17.00 WITA", MemberName, "Status nominasi: Penilaian lapangan → Siap dinilai", "", ""],
            ["26 Mei 2021 16.00 WITA", MemberName, Submitted, "", ""],
            ["27 Mei 2021 11.00 WITA", ChairName, Submitted, "", ""],
            ["7 Jun 2021 15.00 WITA", MemberName, Submitted, "", ""],
            ["7 Jun 2021 16.00 WITA", ChairName, Submitted, "", ""],
            ["15 Jun 2021 17.00 WITA", MemberName, Submitted, "", ""],
            ["15 Jun 2021 17.10 WITA", ChairName, Submitted, "", ""],
            ["18 Jun 2021 18.00 WITA", ChairName, "Status nominasi: Siap dinilai → Sudah dinilai", "", ""],
            ["25 Jun 2021 16.30 WITA", ChairName, "Status nominasi: Sudah dinilai → Finalis", "", ""],
            ["5 Jul 2021 11.00 WITA", ChairName, "Status nominasi: Finalis → Diteruskan ke tingkat nasional", "", ""],
            // The national plenary, 22 October 2021 16.00 WIB (docs/decisions/047).
            ["22 Okt 2021 17.00 WITA", "Admin Sekretariat Nasional", "Status nominasi: Diteruskan ke tingkat nasional → Pemenang", "", ""],
        ]);

        // One submitted event per card, as ScorecardService writes it: every score new, then the total.
        (await Lines($"""
            SELECT a.user_email || ' | ' || replace(replace({AuditSql.Text("a.details")}, 'round ' || s.round_id, 'round #'), 'card ' || s.id, 'card #')
            FROM audit_events a JOIN scorecards s ON {AuditSql.Text("a.details")} LIKE 'round ' || s.round_id || '; card ' || s.id || ';%'
            WHERE a.action = 'scorecard.submitted' AND a.entity_type = 'nomination' AND a.entity_id = '{nomination}' AND s.nomination_id = {nomination}
              AND a.at = s.submitted_at AND a.province_code = '51' AND a.user_id = s.scorer_id
            ORDER BY a.at LIMIT 1
            """)).ShouldBe([
            "anggota.bali@paritrana.demo | round #; card #; REG1: - -> 5; REG1 comment changed; REG2: - -> 4; REG3: - -> 4; ANG1: - -> 5; ANG2: - -> 4; ANG2 comment changed; "
                + "INO1: - -> 4; INO2: - -> 4; KIN1: - -> 20.24; KIN2: - -> 8.82; KIN2 comment changed; KIN3: - -> 70.5; total 70.76",
        ]);
        // Bali's 36 cards of 2021, Jawa Tengah's 12 and the national jury's 20.
        (await Count("SELECT count(*) FROM audit_events WHERE action = 'scorecard.submitted' AND at < '2022-01-01'")).ShouldBe(36L + 12 + 20);
    }

    [Fact]
    public async Task The_2021_plenary_of_Bali_has_its_record_decision_and_forwarding_in_the_audit_trail()
    {
        var ids = await Lines("""
            SELECT string_agg(n.id::text, ', ' ORDER BY d.id) FILTER (WHERE d.is_finalist) || ' / ' || count(*) || ' / ' || p.id || ' / ' || p.cycle_id
            FROM finalist_decisions d JOIN nominations n ON n.id = d.nomination_id JOIN plenaries p ON p.id = d.plenary_id WHERE p.province_code = '51' GROUP BY p.id
            """);
        var (finalists, decided, plenary, cycle) = ids.Single().Split(" / ") is [var f, var d, var p, var c] ? (f, d, p, c) : default;
        var sha256 = await Text("SELECT sha256 FROM plenary_decision_versions WHERE province_code = '51'");
        (await Lines($"""
            SELECT to_char(a.at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD HH24:MI') || ' | ' || a.action || ' | ' || a.entity_type || ' | ' || a.entity_id
                || ' | ' || a.province_code || ' | ' || a.user_email || ' | ' || {AuditSql.Text("a.details")}
            FROM audit_events a WHERE a.entity_type = 'plenary' AND a.province_code = '51' ORDER BY a.at, a.id
            """)).ShouldBe(
        [
            $"2021-06-25 16:30 | plenary.recorded | plenary | {cycle}/51 | 51 | ketua.bali@paritrana.demo | 2021-06-25, {DemoAwardSeeder.PlenaryPlace}",
            $"2021-06-25 16:30 | finalists.decided | plenary | {plenary} | 51 | ketua.bali@paritrana.demo | finalists: {finalists}; decided: {decided}",
            $"2021-06-25 16:30 | decision-document.issued | plenary | {plenary} | 51 | ketua.bali@paritrana.demo | PRT-2021-51-001; version 1; sha256 {sha256}",
            // One "forward" of the three finalists (PlenaryDecisions.ForwardAsync), at the moment of their forwarding steps.
            $"2021-07-05 11:00 | finalists.forwarded | plenary | {plenary} | 51 | ketua.bali@paritrana.demo | forwarded: {finalists}",
        ]);
        decided.ShouldBe("6");
    }

    private const string MemberName = "Ni Luh Anggota";
    private const string ChairName = "I Made Ketua";
    private const string OfficerName = "Petugas Kantor Cabang Denpasar";

    /// <summary>A UTC instant as the timeline shows it in Bali (WITA, UTC+8, no daylight saving).</summary>
    private static string Wita(DateTime utc) => utc.AddHours(8).ToString("d MMM yyyy HH.mm", CultureInfo.GetCultureInfo("id-ID")) + " WITA";

    /// <summary>The timeline page's entries: time, who, what, subject and detail (as TimelineTests reads them).</summary>
    private static string[][] TimelineEntries(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=entry]").Select(e => new[]
        {
            PortalClient.Text(e.QuerySelector("[data-testid=entry-time]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-who]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-what]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-subject]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-detail]")),
        }).ToArray();

    private async Task<string?> Text(string sql) => await TestDatabase.ScalarAsync<string>(portal.Database, sql);

    private async Task<long> Count(string sql) => Convert.ToInt64(await TestDatabase.ScalarAsync<object>(portal.Database, sql), CultureInfo.InvariantCulture);

    private async Task<List<string>> Lines(string sql) => (await Rows(sql)).Select(r => (string)r[0]).ToList();

    private Task<List<object[]>> Rows(string sql) => DemoSql.RowsAsync(portal.Database, sql);
}
