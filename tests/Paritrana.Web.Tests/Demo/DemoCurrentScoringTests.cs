using System.Globalization;
using System.Text;
using Paritrana.Web.Data;
using Paritrana.Web.Tests.Scoring;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// Bali's scoring round of the current cycle in progress (DemoAwardSeeder.Current.cs), where the rule of who sees
/// whose scores (docs/decisions/010) can be watched: the chair's submitted cards, with comments,
/// hidden from the member who still scores the same nominations as drafts. The chair's totals are
/// worked out by hand from the government template (documents round: REG 30, ANG 20, INO 15, KIN 20,
/// re-based over 85; levels 1–5 are 0, 25, 50, 75, 100; KIN read off the nomination's figures):
/// <code>
///   Pemerintah Provinsi Bali: REG 5,4,3 → 81,25; ANG 4,5 → 87,5; INO 4,5 → 85;
///     KIN1 612.400/2.606.000 = 23,50, KIN2 414.600/1.993.600 = 20,80, KIN3 12.950/14.800 = 87,50 → 35,22;
///     total (30 × 81,25 + 20 × 87,5 + 15 × 85 + 20 × 35,22) / 85 = 6.166,9 / 85 = 72,5518
///   Pemerintah Kabupaten Badung: REG 4,3,4 → 68,75; ANG 3,4 → 62,5; INO 5,4 → 90;
///     KIN1 205.000/398.000 = 51,51, KIN2 38.600/193.000 = 20,00, KIN3 4.410/4.600 = 95,87 → 47,778;
///     total (2.062,5 + 1.250 + 1.350 + 955,56) / 85 = 5.618,06 / 85 = 66,0948
/// </code>
/// </summary>
public class DemoCurrentScoringTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string Member = "anggota.bali@paritrana.demo";
    private const string ProvinceComment = "Pergub Nomor 12 Tahun 2020 berlaku; Surat Edaran Nomor 2 Tahun 2024 memperluas perlindungan ke pegawai non-ASN.";
    private const string BadungComment = "Perbup Nomor 25 Tahun 2021 mensyaratkan kepesertaan dalam perizinan usaha pariwisata.";

    /// <summary>Joins the rows of table alias c to their nomination of the current cycle.</summary>
    private static string Current(DemoDay demo) =>
        $" JOIN nominations n ON n.id = c.nomination_id JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = {demo.Year} ";

    [Fact]
    public async Task Bali_in_the_current_cycle_has_the_template_criteria_a_schedule_and_an_open_documents_round_with_the_chairs_cards_submitted_and_the_members_drafts()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        var current = Current(demo);
        (await Lines($"""
            SELECT c.code || ' ' || s.version_number || ' ' || s.is_locked || ' ' || (SELECT count(*) FROM aspects a WHERE a.criteria_set_id = s.id)
            FROM criteria_sets s JOIN categories c ON c.id = s.category_id JOIN award_cycles y ON y.id = s.cycle_id
            WHERE y.year = {demo.Year} AND s.is_current ORDER BY c.sort_order
            """)).ShouldBe(["PEMPROV 1 true 5", "PEMKAB 1 true 5", "BESAR 1 false 3", "MENENGAH 1 false 3", "UMK 1 false 3"]);
        (await Lines($"""
            SELECT r.name || ' | ' || r.weight || ' | ' || r.status || ' | ' || coalesce(to_char(r.opened_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI'), '-')
            FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE y.year = {demo.Year} AND r.province_code = '51' ORDER BY r.sort_order
            """)).ShouldBe([$"Penilaian Dokumen | 40.00 | 2 | {demo.At(-8, "08:00")}", "Kunjungan Lapangan | 35.00 | 1 | -", "Wawancara | 25.00 | 1 | -"]);

        // The schedule the README's walk-through follows (cycles.json): six stage dates around the first start,
        // whose day falls in the scoring stage, with the documents round open in it.
        (await Lines($"""
            SELECT s.stage || ' ' || s.starts_on || ' ' || s.ends_on FROM cycle_stages s JOIN award_cycles y ON y.id = s.cycle_id
            WHERE y.year = {demo.Year} ORDER BY s.stage
            """)).ShouldBe(
        [
            $"1 {demo.Date(-148)} {demo.Date(-74)}", $"2 {demo.Date(-127)} {demo.Date(-53)}", $"3 {demo.Date(-64)} {demo.Date(3)}",
            $"4 {demo.Date(-8)} {demo.Date(24)}", $"5 {demo.Date(34)} {demo.Date(34)}", $"6 {demo.Date(41)} {demo.Date(80)}",
        ]);

        // Per nomination and scorer: the card's state, its total, how many indicators are scored and commented, its strengths.
        (await Lines($"""
            SELECT o.name || ' | ' || u.email || ' | ' || c.status || ' | ' || coalesce(c.total::text, '-') || ' | '
                   || (SELECT count(*) FROM scores s WHERE s.scorecard_id = c.id) || ' | ' || (SELECT count(*) FROM scores s WHERE s.scorecard_id = c.id AND s.comment IS NOT NULL)
                   || ' | ' || coalesce(c.strengths, '-')
            FROM scorecards c JOIN users u ON u.id = c.scorer_id {current} ORDER BY o.name, u.email
            """)).ShouldBe(
        [
            $"Pemerintah Kabupaten Badung | anggota.bali@paritrana.demo | 1 | - | 2 | 0 | -",
            $"Pemerintah Kabupaten Badung | ketua.bali@paritrana.demo | 2 | 66.0948 | 10 | 2 | {DemoAwardSeeder.ChairBadungStrengths}",
            $"Pemerintah Provinsi Bali | anggota.bali@paritrana.demo | 1 | - | 3 | 1 | -",
            $"Pemerintah Provinsi Bali | ketua.bali@paritrana.demo | 2 | 72.5518 | 10 | 3 | {DemoAwardSeeder.ChairProvinceStrengths}",
        ]);
        (await Count($"SELECT count(*) FROM assignments c {current}")).ShouldBe(4);

        // The audit trail as the portal writes it: the round opened by the chair, each card saved or submitted by its scorer.
        (await Lines($"""
            SELECT to_char(e.at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') || ' | ' || e.action || ' | ' || e.user_email || ' | ' || o.name
            FROM audit_events e JOIN nominations n ON n.id::text = e.entity_id AND e.entity_type = 'nomination'
            JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id
            WHERE y.year = {demo.Year} AND e.action LIKE 'scorecard.%' ORDER BY e.at
            """)).ShouldBe(
        [
            $"{demo.At(-6, "10:00")} | scorecard.saved | anggota.bali@paritrana.demo | Pemerintah Provinsi Bali",
            $"{demo.At(-5, "11:30")} | scorecard.saved | anggota.bali@paritrana.demo | Pemerintah Kabupaten Badung",
            $"{demo.At(-5, "15:00")} | scorecard.submitted | ketua.bali@paritrana.demo | Pemerintah Provinsi Bali",
            $"{demo.At(-4, "14:00")} | scorecard.submitted | ketua.bali@paritrana.demo | Pemerintah Kabupaten Badung",
        ]);
        (await Text($"""
            SELECT e.action || ' | ' || e.user_email || ' | ' || {AuditSql.Text("e.details")} FROM audit_events e JOIN scoring_rounds r ON r.id::text = e.entity_id AND e.entity_type = 'scoring-round'
            JOIN award_cycles y ON y.id = r.cycle_id WHERE y.year = {demo.Year}
            """)).ShouldBe("round.opened | ketua.bali@paritrana.demo | 'Penilaian Dokumen'");
        (await Text($"SELECT {AuditSql.Text("e.details")} FROM audit_events e JOIN scorecards c ON {AuditSql.Text("e.details")} LIKE '%; card ' || c.id || ';%' {current} AND e.action = 'scorecard.saved' AND o.name = 'Pemerintah Provinsi Bali'"))
            .ShouldEndWith("; REG1: - -> 4; REG1 comment changed; REG2: - -> 4; ANG1: - -> 4");
    }

    [Fact]
    public async Task The_member_still_scoring_sees_none_of_the_chairs_figures_or_comments_and_the_chair_sees_them()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        var province = await Id($"SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE y.year = {demo.Year} AND o.name = 'Pemerintah Provinsi Bali'");
        var category = await Id($"SELECT c.id FROM categories c JOIN award_cycles y ON y.id = c.cycle_id WHERE y.year = {demo.Year} AND c.code = 'PEMPROV'");
        var round = await Id($"SELECT r.id FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE y.year = {demo.Year} AND r.province_code = '51' AND r.status = 2");
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(Member);
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        var ranking = $"/Scoring/Ranking?cycle={demo.Year}&kategori={category}";
        var sheet = $"/Reports/Sheet?id={province}";

        var memberRanking = await member.GetPageAsync(ranking);
        PortalClient.Text(memberRanking.QuerySelector($"[data-nomination='{province}']"))
            .ShouldBe("— Pemerintah Provinsi Bali Nilai disembunyikan sampai Anda mengirim kartu nilai Anda untuk kandidat ini.");
        memberRanking.Body!.TextContent.ShouldNotContain("72,55");
        var memberSheet = await member.GetPageAsync(sheet);
        PortalClient.Text(memberSheet.QuerySelector("[data-testid=cards-hidden]")).ShouldBe("Penilaian Dokumen: Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim.");
        memberSheet.Body!.TextContent.ShouldNotContain(ProvinceComment);
        memberSheet.Body.TextContent.ShouldNotContain(DemoAwardSeeder.ChairProvinceStrengths);
        var card = await member.GetPageAsync($"/Scoring/Card?round={round}&nomination={province}");
        PortalClient.Text(card.QuerySelector("[data-testid=card-status]")).ShouldBe("Draf");
        PortalClient.Text(card.QuerySelector("[data-testid=others-hidden]")).ShouldBe("Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim.");
        card.Body!.TextContent.ShouldNotContain("72,55");

        // The raw scores of the current cycle: no card the member may see; for each nomination still being scored, why.
        (await Csv(member, $"/Reports?cycle={demo.Year}&handler=ScoresCsv")).ShouldBe(
            "Kategori;Nama;Babak;Penilai;Total kartu;Konflik kepentingan;Aspek;Kode indikator;Indikator;Nilai;Komentar;Kelengkapan penilaian\r\n" +
            "Pemerintah Provinsi;Pemerintah Provinsi Bali;Penilaian Dokumen;;;;;;;;Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim.;\r\n" +
            "Pemerintah Kabupaten/Kota;Pemerintah Kabupaten Badung;Penilaian Dokumen;;;;;;;;Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim.;\r\n");

        // The chair, who has submitted, sees the figures, the comments and the strengths.
        var chairRanking = await chair.GetPageAsync(ranking);
        PortalClient.Text(chairRanking.QuerySelector($"[data-nomination='{province}'] [data-testid=round-score]")).ShouldBe("72,55 1 kartu");
        PortalClient.Text(chairRanking.QuerySelector($"[data-nomination='{province}'] [data-testid=total]")).ShouldBe("72,55 belum lengkap");
        var chairSheet = await chair.GetPageAsync(sheet);
        chairSheet.Body!.TextContent.ShouldContain(ProvinceComment);
        chairSheet.Body.TextContent.ShouldContain(DemoAwardSeeder.ChairProvinceStrengths);
        chairSheet.QuerySelector("[data-testid=cards-hidden]").ShouldBeNull();
        var chairCsv = (await Csv(chair, $"/Reports?cycle={demo.Year}&handler=ScoresCsv")).Split("\r\n");
        chairCsv.Length.ShouldBe(1 + 20 + 1);
        chairCsv.ShouldContain($"Pemerintah Kabupaten/Kota;Pemerintah Kabupaten Badung;Penilaian Dokumen;I Made Ketua;66,09;Tidak;Regulasi;REG3;Kewajiban kepesertaan dalam perizinan dan pengadaan barang/jasa;4,00;{BadungComment};{NotYetScored}");
        chairCsv.ShouldContain($"Pemerintah Provinsi;Pemerintah Provinsi Bali;Penilaian Dokumen;I Made Ketua;72,55;Tidak;Kinerja cakupan kepesertaan;KIN2;Cakupan peserta bukan penerima upah (BPU);20,80;;{NotYetScored}");
    }

    /// <summary>The two rounds of the current cycle not yet opened, both weighted: no nomination has a score there.</summary>
    private const string NotYetScored = "Belum lengkap: Kunjungan Lapangan, Wawancara belum dinilai";

    private static async Task<string> Csv(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    private async Task<int> Id(string sql) => await TestDatabase.ScalarAsync<int>(portal.Database, sql);

    private async Task<string?> Text(string sql) => await TestDatabase.ScalarAsync<string>(portal.Database, sql);

    private async Task<long> Count(string sql) => Convert.ToInt64(await TestDatabase.ScalarAsync<object>(portal.Database, sql), CultureInfo.InvariantCulture);

    /// <summary>The rows of a one-column query, in its order.</summary>
    [Fact]
    public async Task The_rounds_page_names_the_aspects_each_round_scores()
    {
        var demo = await DemoDay.OfAsync(portal.Database);
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);

        var page = await chair.GetPageAsync($"/Scoring/Rounds?cycle={demo.Year}");

        // The template's aspects (CriteriaTemplates) by their codes' order, not "ANG, DIG, INO" (issue 15).
        const string documents = "Anggaran, Komitmen digital dan kepedulian, Inovasi, Kepatuhan, Kinerja cakupan kepesertaan, Regulasi";
        page.QuerySelectorAll("[data-testid=round-row]")
            .Select(r => $"{PortalClient.Text(r.QuerySelector("[data-testid=name]"))} | {PortalClient.Text(r.QuerySelector("[data-testid=aspects]"))}")
            .ShouldBe([$"Penilaian Dokumen | {documents}", $"Kunjungan Lapangan | {documents}", "Wawancara | Wawancara"]);
    }

    private async Task<List<string>> Lines(string sql) => await new ScoringTestData(portal).RowsAsync(sql);
}
