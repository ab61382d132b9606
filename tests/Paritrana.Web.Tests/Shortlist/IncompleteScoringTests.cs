using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Tests.Reports;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>
/// Incomplete scoring is visible wherever the shortlist's figures go (issue 11, point 4): the
/// shortlist and plenary pages, both CSV exports, and the shortlist report, finalist report and
/// assessment sheet PDFs name the rounds without a score and the chair's reason for marking the
/// nomination scored anyway.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class IncompleteScoringTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ReasonB = "Penilai kunjungan dan wawancara berhalangan, pleno tidak dapat ditunda.";
    private const string ReasonD = "Kartu kedua menyusul; ketua menyetujui.";
    private const string ChairName = "I Made Ketua";
    private const string MemberName = "Ni Luh Anggota";

    private readonly ShortlistTestData _data = new(portal.Database);

    private sealed record Scenario(ScoredCycle Cycle, int VisitRound, int A, int B, int C, int D, string Tag)
    {
        public string Name(string prefix) => $"{prefix} {Tag}";
    }

    /// <summary>
    /// Rounds as the defaults: Penilaian Dokumen 40, Kunjungan Lapangan 35, Wawancara 25.
    /// A has every round: 85 · 70 · 88,5, total (40 × 85 + 35 × 70 + 25 × 88,5) / 100 = 80,625, shown 80,63.
    /// B has only documents (76,65) and the chair's reason; C documents and visit (60 · 60), no reason;
    /// D every round (70) and a reason (it was marked while a card was still pending).
    /// </summary>
    private async Task<Scenario> ScenarioAsync()
    {
        var cycle = await _data.CycleAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        int visit;
        await using (var db = _data.Db())
        {
            var documents = await db.ScoringRounds.SingleAsync(r => r.Id == cycle.DocumentsRound);
            documents.Weight = 40;
            var interview = await db.ScoringRounds.SingleAsync(r => r.Id == cycle.InterviewRound);
            interview.Weight = 25;
            interview.SortOrder = 3;
            var round = new ScoringRound { CycleId = cycle.Id, ProvinceCode = "51", Name = "Kunjungan Lapangan", Kind = RoundKind.FieldVisit, Weight = 35, SortOrder = 2, Status = RoundStatus.Closed, Aspects = [new RoundAspect { AspectCode = "A1" }] };
            db.ScoringRounds.Add(round);
            await db.SaveChangesAsync();
            visit = round.Id;
        }

        var a = await _data.NominationAsync(cycle, $"PT Lengkap {tag}", [90m, 80m], [88m, 89m]);
        await VisitCardAsync(cycle, visit, a, 70m);
        var b = await _data.NominationAsync(cycle, $"PT Sebagian {tag}", [76.65m], []);
        await MarkedScoredAsync(b, ReasonB);
        var c = await _data.NominationAsync(cycle, $"PT Tanpa Alasan {tag}", [60m], []);
        await VisitCardAsync(cycle, visit, c, 60m);
        var d = await _data.NominationAsync(cycle, $"PT Alasan Saja {tag}", [70m], [70m]);
        await VisitCardAsync(cycle, visit, d, 70m);
        await MarkedScoredAsync(d, ReasonD);
        return new Scenario(cycle, visit, a, b, c, d, tag);
    }

    private async Task VisitCardAsync(ScoredCycle cycle, int round, int nomination, decimal total)
    {
        await using var db = _data.Db();
        db.Scorecards.Add(new Scorecard
        {
            RoundId = round, NominationId = nomination, ScorerId = await _data.UserIdAsync(ShortlistTestData.Chair), CriteriaSetId = cycle.CriteriaSetId,
            ProvinceCode = "51", RegencyCode = "51.71", Status = ScorecardStatus.Submitted, Total = total, SubmittedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Scores = [new Score { IndicatorId = cycle.IndicatorId, Value = total, Comment = "Baik" }],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The status change "Sudah dinilai" with the chair's reason, as NominationTransitions keeps it.</summary>
    private async Task MarkedScoredAsync(int nomination, string reason)
    {
        await using var db = _data.Db();
        db.StatusChanges.Add(new StatusChange
        {
            NominationId = nomination, From = NominationStatus.ReadyForScoring, To = NominationStatus.Scored, Action = NominationAction.MarkScored,
            UserId = await _data.UserIdAsync(ShortlistTestData.Chair), UserName = ChairName, Reason = reason, At = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string MarkerB => $"Belum lengkap: Kunjungan Lapangan, Wawancara belum dinilai — alasan Ketua: {ReasonB}";

    private const string MarkerC = "Belum lengkap: Wawancara belum dinilai";

    private static string MarkerD => $"Ditandai sudah dinilai walaupun penilaian belum lengkap — alasan Ketua: {ReasonD}";

    [Fact]
    public async Task The_shortlist_and_the_plenary_name_the_missing_rounds_and_the_chairs_reason()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);

        var shortlist = await chair.GetPageAsync($"/Shortlist?cycle={s.Cycle.YearText}");
        var rows = shortlist.QuerySelectorAll("[data-testid=shortlist-row]").ToList();
        rows.Select(r => r.GetAttribute("data-nomination")).ShouldBe([Id(s.A), Id(s.B), Id(s.D), Id(s.C)]);
        rows.Select(r => PortalClient.Text(r.QuerySelector("[data-testid=scoring-gap]"))).ShouldBe(["", MarkerB, MarkerD, MarkerC]);
        rows[1].QuerySelectorAll("td").Select(PortalClient.Text).Take(7).ShouldBe(["2", s.Name("PT Sebagian"), "Kota Denpasar", "76,65", "—", "—", "76,65 belum lengkap"]);

        var plenary = await chair.GetPageAsync($"/Plenary?cycle={s.Cycle.YearText}");
        plenary.QuerySelectorAll("[data-testid=choice-BESAR] [data-testid=scoring-gap]").Select(PortalClient.Text).ShouldBe([MarkerB, MarkerD, MarkerC]);
        plenary.QuerySelector($"#finalist-{s.B}")!.GetAttribute("aria-describedby").ShouldBe($"gap-{s.B}");
        plenary.QuerySelector($"#finalist-{s.A}")!.HasAttribute("aria-describedby").ShouldBeFalse();
    }

    [Fact]
    public async Task The_rankings_csv_carries_the_marker_in_its_completeness_column()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);

        var bytes = await (await chair.GetAsync($"/Reports?cycle={s.Cycle.YearText}&handler=RankingsCsv")).Content.ReadAsByteArrayAsync();

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "Kategori;Peringkat;Nama;Kabupaten/kota;Status;Penilaian Dokumen;Kunjungan Lapangan;Wawancara;Total;Total lengkap;Cakupan (%);Butir pembinaan terbuka;Seri;Pemecah seri;Kelengkapan penilaian;Keterangan\r\n" +
            $"Perusahaan Besar;1;{s.Name("PT Lengkap")};Kota Denpasar;Sudah dinilai;85,00;70,00;88,50;80,63;Ya;90,00;0;Tidak;—;;\r\n" +
            $"Perusahaan Besar;2;{s.Name("PT Sebagian")};Kota Denpasar;Sudah dinilai;76,65;;;76,65;Tidak;90,00;0;Tidak;—;{MarkerB};\r\n" +
            $"Perusahaan Besar;3;{s.Name("PT Alasan Saja")};Kota Denpasar;Sudah dinilai;70,00;70,00;70,00;70,00;Ya;90,00;0;Tidak;—;\"{MarkerD}\";\r\n" +
            $"Perusahaan Besar;4;{s.Name("PT Tanpa Alasan")};Kota Denpasar;Sudah dinilai;60,00;60,00;;60,00;Tidak;90,00;0;Tidak;—;{MarkerC};\r\n");
    }

    [Fact]
    public async Task The_raw_scores_csv_carries_the_marker_on_every_line_of_the_nomination()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);

        var bytes = await (await chair.GetAsync($"/Reports?cycle={s.Cycle.YearText}&handler=ScoresCsv")).Content.ReadAsByteArrayAsync();

        string Line(string name, string round, string scorer, string total, string marker) =>
            $"Perusahaan Besar;{s.Name(name)};{round};{scorer};{total};Tidak;Kepatuhan;I1;Pendaftaran pekerja;{total};Baik;{marker}\r\n";
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "Kategori;Nama;Babak;Penilai;Total kartu;Konflik kepentingan;Aspek;Kode indikator;Indikator;Nilai;Komentar;Kelengkapan penilaian\r\n" +
            Line("PT Alasan Saja", "Penilaian Dokumen", ChairName, "70,00", $"\"{MarkerD}\"") +
            Line("PT Alasan Saja", "Kunjungan Lapangan", ChairName, "70,00", $"\"{MarkerD}\"") +
            Line("PT Alasan Saja", "Wawancara", ChairName, "70,00", $"\"{MarkerD}\"") +
            Line("PT Lengkap", "Penilaian Dokumen", ChairName, "90,00", "") +
            Line("PT Lengkap", "Penilaian Dokumen", MemberName, "80,00", "") +
            Line("PT Lengkap", "Kunjungan Lapangan", ChairName, "70,00", "") +
            Line("PT Lengkap", "Wawancara", ChairName, "88,00", "") +
            Line("PT Lengkap", "Wawancara", MemberName, "89,00", "") +
            Line("PT Sebagian", "Penilaian Dokumen", ChairName, "76,65", MarkerB) +
            Line("PT Tanpa Alasan", "Penilaian Dokumen", ChairName, "60,00", MarkerC) +
            Line("PT Tanpa Alasan", "Kunjungan Lapangan", ChairName, "60,00", MarkerC));
    }

    [Fact]
    public async Task The_shortlist_report_the_finalist_report_and_the_assessment_sheet_print_the_marker()
    {
        var s = await ScenarioAsync();
        await using (var db = _data.Db())
        {
            foreach (var id in new[] { s.A, s.B })
            {
                (await db.Nominations.FindAsync(id))!.Status = NominationStatus.Finalist;
            }

            await db.SaveChangesAsync();
        }

        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);

        var shortlist = await PdfTextAsync(chair, $"/Reports/Shortlist?cycle={s.Cycle.YearText}&handler=Pdf");
        shortlist.ShouldContain($"* {s.Name("PT Sebagian")} — {MarkerB}");
        shortlist.ShouldContain($"* {s.Name("PT Alasan Saja")} — {MarkerD}");
        shortlist.ShouldContain($"* {s.Name("PT Tanpa Alasan")} — {MarkerC}");
        shortlist.ShouldNotContain($"* {s.Name("PT Lengkap")}");

        var finalists = await PdfTextAsync(chair, $"/Reports/Finalists?cycle={s.Cycle.YearText}&handler=Pdf");
        // The summary's note and B's own section, under its line "… · Total 76,65".
        finalists.ShouldContain($"* {s.Name("PT Sebagian")} — {MarkerB}");
        finalists.ShouldContain($"Total 76,65 {MarkerB}");
        finalists.ShouldNotContain(MarkerC);
        CountOf(finalists, "Belum lengkap").ShouldBe(2);

        var sheet = await PdfTextAsync(chair, $"/Reports/Sheet?id={s.B}&handler=Pdf");
        sheet.ShouldContain(MarkerB);
        var complete = await PdfTextAsync(chair, $"/Reports/Sheet?id={s.A}&handler=Pdf");
        complete.ShouldNotContain("Belum lengkap");
        complete.ShouldNotContain("alasan Ketua");

        // The print previews are the same HTML.
        var preview = await chair.GetPageAsync($"/Reports/Sheet?id={s.B}");
        preview.QuerySelectorAll("[data-testid=scoring-gap]").Select(PortalClient.Text).ShouldBe([MarkerB]);
    }

    private static async Task<string> PdfTextAsync(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return PortalClient.Normalize(await ChromiumPdfTests.PdfToTextAsync(await response.Content.ReadAsByteArrayAsync()));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
