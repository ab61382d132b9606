using System.Globalization;
using AngleSharp.Dom;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The demo's national stage of 2021 (issue 17, docs/decisions/043): Bali's three forwarded finalists and
/// Jawa Tengah's two in the national pool, the national criteria and the two national rounds scored by
/// the three demo jurors, none of them on a candidate of their home province. The interview round's
/// scores are worked out by hand from Data/Demo/scoring.json and the template's weights.
/// </summary>
public class DemoNationalStageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_2021_pool_holds_the_forwarded_finalists_of_Bali_and_Jawa_Tengah_by_category()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync("admin@paritrana.demo");
        var page = await admin.GetPageAsync("/National?cycle=2021");
        var pool = page.QuerySelectorAll("[data-testid=pool-category]").Select(section =>
                section.GetAttribute("data-category") + ": " + string.Join(", ", section.QuerySelectorAll("[data-testid=pool-row]")
                    .Select(r => PortalClient.Text(r.QuerySelector("[data-testid=name]")) + " (" + PortalClient.Text(r.QuerySelector("[data-testid=province]")) + ")")))
            .ToList();
        pool.ShouldBe(
        [
            "PEMPROV: Pemerintah Provinsi Bali (Bali), Pemerintah Provinsi Jawa Tengah (Jawa Tengah)",
            "BESAR: Bank BPD Bali (Bali), PT Tekstil Ungaran Raya (Jawa Tengah)",
            "MENENGAH: KAPIT MAS (Bali)",
        ], ignoreOrder: false, customMessage: "rows in ranking order; Bali ranks first in both categories");
    }

    [Fact]
    public async Task The_2021_national_plenary_decided_Balis_three_finalists_winners_and_its_report_renders_from_the_snapshot()
    {
        // Bali's three rank first in their categories (the test above): the ranking's proposal, one winner per category.
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync("admin@paritrana.demo");
        var plenary = await admin.GetPageAsync("/National/Plenary?cycle=2021");
        // (The totals are the pool page's, one computation: checked there.)
        plenary.QuerySelectorAll("[data-testid=decision-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Where((_, i) => i != 4).Select(PortalClient.Text))).ShouldBe(
        [
            "Pemerintah Provinsi | 1 | Pemerintah Provinsi Bali | Bali | Pemenang | Paritrana Award Terbaik I Kategori Pemerintah Provinsi | —",
            "Pemerintah Provinsi | 2 | Pemerintah Provinsi Jawa Tengah | Jawa Tengah | Bukan pemenang | — | —",
            "Perusahaan Besar | 1 | Bank BPD Bali | Bali | Pemenang | Paritrana Award Terbaik I Kategori Perusahaan Besar | —",
            "Perusahaan Besar | 2 | PT Tekstil Ungaran Raya | Jawa Tengah | Bukan pemenang | — | —",
            "Perusahaan Menengah | 1 | KAPIT MAS | Bali | Pemenang | Paritrana Award Terbaik I Kategori Perusahaan Menengah | —",
        ]);
        PortalClient.Text(plenary.QuerySelector("[data-testid=document-row] td")).ShouldBe("PRT-2021-00-001");

        var report = await admin.GetPageAsync("/National/Report?cycle=2021");
        PortalClient.Text(report.QuerySelector("[data-testid=report-title]")).ShouldBe("Laporan Penghargaan Paritrana 2021 Tingkat Nasional");
        PortalClient.Text(report.QuerySelector("[data-testid=document-number]")).ShouldBe("Nomor dokumen: PRT-2021-00-001 (versi 1)");
        report.QuerySelectorAll("[data-testid=jury] tbody tr td:first-child").Select(PortalClient.Text).ShouldBe(["Andi Juri", "Dr. Sri Juri", "Prof. Ketut Juri"]);
        report.QuerySelectorAll("[data-testid=winner-section] h2").Select(PortalClient.Text).ShouldBe(["Pemerintah Provinsi Bali", "Bank BPD Bali", "KAPIT MAS"]);

        // Bali's committee sees its finalists' outcome; Jawa Tengah's chair its own, not Bali's plenary.
        using var jateng = await portal.Factory.CreatePortalClient().SignedInAsAsync("ketua.jateng@paritrana.demo");
        (await jateng.GetAsync("/National/Plenary?cycle=2021")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await jateng.GetAsync("/National/Report?cycle=2021")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_interview_round_scores_are_the_mean_of_the_two_jurors_cards()
    {
        // Government WAW weights 30/40/30, company 60/40 (CriteriaTemplates); levels 1..5 count (level - 1) × 25.
        // Pemprov Bali: both jurors 3,5,4 → 0.3 × 50 + 0.4 × 100 + 0.3 × 75 = 77.5.
        // Pemprov Jawa Tengah: juri1 4,5,4 → 22.5 + 40 + 22.5 = 85; juri3 3,5,4 → 77.5; mean 81.25.
        // Bank BPD Bali: juri2 5,5 → 100; juri3 5,4 → 60 + 30 = 90; mean 95.
        // PT Tekstil Ungaran Raya: juri1 4,5 → 45 + 40 = 85; juri3 3,5 → 30 + 40 = 70; mean 77.5.
        // KAPIT MAS: both 4,5 → 85.
        using var juror = await portal.Factory.CreatePortalClient().SignedInAsAsync("juri3@paritrana.demo");
        var page = await juror.GetPageAsync("/National?cycle=2021");
        var scores = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in page.QuerySelectorAll("[data-testid=pool-category]"))
        {
            var header = section.QuerySelectorAll("thead th").Select(PortalClient.Text).ToList();
            var interview = header.IndexOf("Wawancara Nasional");
            interview.ShouldBeGreaterThan(0);
            foreach (var row in section.QuerySelectorAll("[data-testid=pool-row]"))
            {
                scores[PortalClient.Text(row.QuerySelector("[data-testid=name]"))] = PortalClient.Text(row.QuerySelectorAll("td")[interview]);
            }
        }

        scores.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Pemerintah Provinsi Bali"] = "77,50",
            ["Pemerintah Provinsi Jawa Tengah"] = "81,25",
            ["Bank BPD Bali"] = "95,00",
            ["PT Tekstil Ungaran Raya"] = "77,50",
            ["KAPIT MAS"] = "85,00",
        });
    }

    [Fact]
    public async Task Each_finalist_is_scored_by_two_jurors_per_national_round_none_from_its_province_every_card_submitted()
    {
        var rows = await DemoSql.RowsAsync(portal.Database, """
            SELECT r.name, r.weight::text, r.status, o.name, string_agg(u.email, ',' ORDER BY u.email), count(*) FILTER (WHERE c.status = 2),
                   count(*) FILTER (WHERE u.home_province_code = n.province_code)
            FROM scoring_rounds r JOIN assignments a ON a.round_id = r.id JOIN nominations n ON n.id = a.nomination_id
            JOIN organisations o ON o.id = n.organisation_id JOIN users u ON u.id = a.scorer_id
            LEFT JOIN scorecards c ON c.round_id = a.round_id AND c.nomination_id = a.nomination_id AND c.scorer_id = a.scorer_id AND c.province_code = '00'
            WHERE r.province_code = '00' GROUP BY r.sort_order, r.name, r.weight, r.status, o.name ORDER BY r.sort_order, o.name COLLATE "C"
            """);
        rows.Select(r => string.Join(" | ", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ShouldBe(
        [
            "Verifikasi Administrasi Nasional | 60.00 | 3 | Bank BPD Bali | juri2@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Verifikasi Administrasi Nasional | 60.00 | 3 | KAPIT MAS | juri2@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Verifikasi Administrasi Nasional | 60.00 | 3 | PT Tekstil Ungaran Raya | juri1@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Verifikasi Administrasi Nasional | 60.00 | 3 | Pemerintah Provinsi Bali | juri2@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Verifikasi Administrasi Nasional | 60.00 | 3 | Pemerintah Provinsi Jawa Tengah | juri1@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Wawancara Nasional | 40.00 | 3 | Bank BPD Bali | juri2@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Wawancara Nasional | 40.00 | 3 | KAPIT MAS | juri2@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Wawancara Nasional | 40.00 | 3 | PT Tekstil Ungaran Raya | juri1@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Wawancara Nasional | 40.00 | 3 | Pemerintah Provinsi Bali | juri2@paritrana.demo,juri3@paritrana.demo | 2 | 0",
            "Wawancara Nasional | 40.00 | 3 | Pemerintah Provinsi Jawa Tengah | juri1@paritrana.demo,juri3@paritrana.demo | 2 | 0",
        ]);

        // The national criteria: the template of the pool's three categories, stage 2, locked by the cards.
        (await DemoSql.RowsAsync(portal.Database, """
            SELECT c.code || ' ' || s.is_locked FROM criteria_sets s JOIN categories c ON c.id = s.category_id JOIN award_cycles y ON y.id = s.cycle_id
            WHERE y.year = 2021 AND s.stage = 2 AND s.is_current ORDER BY c.sort_order
            """)).Select(r => (string)r[0]).ShouldBe(["PEMPROV true", "BESAR true", "MENENGAH true"]);

        // Every assignment by the administrator (the national secretariat), through the assignment service's audit event.
        (await DemoSql.RowsAsync(portal.Database, """
            SELECT count(*) FROM audit_events e WHERE e.action = 'assignment.created' AND e.province_code = '00' AND e.user_email = 'admin@paritrana.demo'
            """)).Single()[0].ShouldBe(20L);
    }

    [Fact]
    public async Task A_juror_home_shows_nothing_to_score_once_the_rounds_are_closed_and_the_provincial_pages_are_closed_to_them()
    {
        using var juror = await portal.Factory.CreatePortalClient().SignedInAsAsync("juri1@paritrana.demo");
        var cards = await juror.GetPageAsync("/National/Cards");
        cards.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        using var response = await juror.GetAsync("/Nominations");
        MatrixAnswer(response).ShouldBe("302 /Account/AccessDenied");
    }

    private static string MatrixAnswer(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? $"{(int)response.StatusCode} {(location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])}"
            : $"{(int)response.StatusCode}";
}
