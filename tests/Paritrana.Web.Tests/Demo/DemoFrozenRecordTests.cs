using Paritrana.Domain.Scoring;
using Paritrana.Web.Tests.Reports;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The demo's 2021 plenary has its frozen record (ADR 011), made by the portal's own code as of 25
/// June 2021: document PRT-2021-51-001 with the committee and the minutes of that day.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class DemoFrozenRecordTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string ChairName = "I Made Ketua";
    private const string MemberName = "Ni Luh Anggota";

    [Fact]
    public async Task The_2021_finalist_report_is_the_frozen_record_of_25_June_2021_with_the_committee_of_that_day()
    {
        var code = DecisionDocument.FormatCode((await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT verification_code FROM plenary_decision_versions WHERE document_number = 'PRT-2021-51-001' AND superseded_at IS NULL"))!);
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);

        async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, string Pdf)> ReportAsync()
        {
            var page = await chair.GetPageAsync("/Reports/Finalists?cycle=2021");
            var pdf = await chair.GetAsync("/Reports/Finalists?cycle=2021&handler=Pdf");
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            return (page, await ChromiumPdfTests.PdfToTextAsync(await pdf.Content.ReadAsByteArrayAsync()));
        }

        var (preview, pdfText) = await ReportAsync();
        PortalClient.Text(preview.QuerySelector("[data-testid=document-number]")).ShouldBe("Nomor dokumen: PRT-2021-51-001 (versi 1)");
        PortalClient.Text(preview.QuerySelector("[data-testid=verification-code]")).ShouldBe(code);
        PortalClient.Text(preview.QuerySelector(".cover")).ShouldContain($"Ditetapkan: 25 Juni 2021 16.30 WITA oleh {ChairName}");
        preview.QuerySelector("[data-testid=draft]").ShouldBeNull();
        // The committee as it was on the day: the chair and the member, nobody created since.
        preview.QuerySelectorAll("[data-testid=committee] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(PortalClient.Text)))
            .ShouldBe([$"{ChairName} | Ketua", $"{MemberName} | Anggota"]);
        PortalClient.Text(preview.QuerySelector("[data-testid=minutes]")).ShouldStartWith("Rapat pleno membahas hasil tiga babak penilaian");
        var normalized = PortalClient.Normalize(pdfText);
        normalized.ShouldContain($"PRT-2021-51-001 · ditetapkan 25 Juni 2021 16.30 WITA · kode verifikasi {code}");
        normalized.ShouldContain("Notulen Rapat pleno membahas hasil tiga babak penilaian");

        // An account created in Bali today does not join the 2021 committee; the text stays the same.
        await new Scoring.ScoringTestData(portal).CommitteeMemberAsync("Anggota Baru Tahun Ini");
        var (again, againText) = await ReportAsync();
        again.QuerySelector(".report-preview")!.InnerHtml.ShouldBe(preview.QuerySelector(".report-preview")!.InnerHtml);
        againText.ShouldBe(pdfText);
        againText.ShouldNotContain("Anggota Baru Tahun Ini");
    }
}
