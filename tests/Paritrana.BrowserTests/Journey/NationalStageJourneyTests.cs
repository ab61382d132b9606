using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Journey;

/// <summary>
/// The national stage of the current cycle (issue 17, docs/decisions/043, 046, 047), clicked through
/// the portal from Bali's forwarding to the national report PDF: Bali's chair marks the provincial
/// government's nomination scored, decides it a finalist and forwards it; the administrator sets the
/// national criteria, creates and opens the two default national rounds and assigns two jurors per
/// candidate (juri1's home province is Bali, so juri2 and juri3); each juror scores both cards; the
/// administrator closes the rounds, decides the winner with an award name and downloads the report.
/// Every level-scaled indicator of the documents round gets 4 (75) and every percentage 75 (with the
/// reason a figure other than the computed one needs), so each documents card totals 75; juri2 gives
/// the interview 5 everywhere (100), juri3 4 (75): interview mean 87.5, national total
/// 0.6 × 75 + 0.4 × 87.5 = 80.
/// </summary>
public class NationalStageJourneyTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string Admin = "admin@paritrana.demo";
    private const string Award = "Paritrana Award Pemerintah Provinsi Terbaik";
    private const string Documents = "Verifikasi Administrasi Nasional";
    private const string Interview = "Wawancara Nasional";

    [Fact]
    public async Task The_national_stage_runs_from_forwarding_to_the_national_report_pdf() => await Ui.RunAsync(portal, output, async ui =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var year = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT year FROM award_cycles WHERE is_current");
        const string Bali = """
            FROM nominations n JOIN categories c ON c.id = n.category_id JOIN award_cycles y ON y.id = c.cycle_id
            JOIN organisations o ON o.id = n.organisation_id WHERE y.is_current AND c.code = 'PEMPROV' AND n.province_code = '51'
            """;
        var id = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT n.id " + Bali);
        var name = (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT o.name " + Bali))!;

        // 1. Bali's chair marks it scored (the member's card is still a draft: with a reason), decides it
        // a finalist in the plenary and forwards it.
        var chair = await ui.SignInAsync(Chair);
        await chair.GotoAsync($"/Nominations/Details/{id}");
        await chair.GetByLabel("Alasan menandai sudah dinilai walaupun belum lengkap").FillAsync("Kartu anggota tidak akan dikirim; pleno memakai kartu ketua.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Tandai sudah dinilai" }).ClickAsync();
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Sudah dinilai");
        await chair.GotoAsync($"/Plenary?cycle={year}");
        await chair.GetByLabel("Tanggal rapat pleno").FillAsync(today);
        await chair.GetByLabel("Tempat", new() { Exact = true }).FillAsync("Kantor Gubernur Bali, Denpasar");
        await chair.GetByLabel("Peserta rapat").FillAsync("Ketua dan anggota tim panitia");
        await chair.GetByLabel("Keputusan rapat").FillAsync("Menetapkan finalis Pemerintah Provinsi.");
        await chair.Locator($"#finalist-{id}").CheckAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Tetapkan", Exact = true }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Ya, tetapkan" }).ClickAsync();
        await Expect(chair.GetByTestId("decision-row").Filter(new() { HasText = name })).ToContainTextAsync("Finalis");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Teruskan ke tingkat nasional" }).ClickAsync();
        await Expect(chair.Locator(".alert-success")).ToContainTextAsync("Finalis telah diteruskan ke tingkat nasional.");

        // 2. The administrator sets the national criteria from the template, creates the default rounds,
        // opens them and assigns two jurors per candidate.
        var admin = await ui.SignInAsync(Admin);
        await admin.GotoAsync($"/National/Rounds?cycle={year}");
        await admin.GetByTestId("criteria-link").ClickAsync();
        await admin.Locator("[data-testid=criteria-row][data-category=PEMPROV]").GetByRole(AriaRole.Button, new() { Name = "Buat dari templat" }).ClickAsync();
        await admin.GotoAsync($"/National/Rounds?cycle={year}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buat babak nasional bawaan" }).ClickAsync();
        await Expect(admin.GetByTestId("national-round")).ToHaveCountAsync(2);
        foreach (var round in new[] { Documents, Interview })
        {
            var row = admin.GetByTestId("national-round").Filter(new() { HasText = round });
            await row.GetByRole(AriaRole.Button, new() { Name = "Buka babak" }).ClickAsync();
            await Expect(row.GetByTestId("round-status")).ToHaveTextAsync("Dibuka");
            await row.GetByRole(AriaRole.Button, new() { Name = "Tugaskan juri" }).ClickAsync();
            await Expect(row.GetByTestId("assigned")).ToHaveTextAsync("2");
        }

        // 3. juri2 and juri3 score both rounds; juri1 (home province Bali) has nothing to score.
        var juri1 = await ui.SignInAsync("juri1@paritrana.demo");
        await juri1.GotoAsync("/National/Cards");
        await Expect(juri1.GetByTestId("card-row").Filter(new() { HasText = name })).ToHaveCountAsync(0);
        var juri2 = await ui.SignInAsync("juri2@paritrana.demo");
        await ScoreAsync(juri2, name, Documents, level: "4", expectedTotal: "75,00");
        await ScoreAsync(juri2, name, Interview, level: "5", expectedTotal: "100,00");
        var juri3 = await ui.SignInAsync("juri3@paritrana.demo");
        await ScoreAsync(juri3, name, Documents, level: "4", expectedTotal: "75,00");
        await ScoreAsync(juri3, name, Interview, level: "4", expectedTotal: "75,00");

        // 4. The administrator closes the rounds and decides the winner with its award in the national plenary.
        await admin.GotoAsync($"/National/Rounds?cycle={year}");
        foreach (var round in new[] { Documents, Interview })
        {
            var row = admin.GetByTestId("national-round").Filter(new() { HasText = round });
            await Expect(row.GetByTestId("submitted")).ToHaveTextAsync("2");
            await row.GetByRole(AriaRole.Button, new() { Name = "Tutup babak" }).ClickAsync();
            await Expect(row.GetByTestId("round-status")).ToHaveTextAsync("Ditutup");
        }

        await admin.GotoAsync($"/National/Plenary?cycle={year}");
        var candidate = admin.Locator($"[data-testid=candidate][data-nomination='{id}']");
        await Expect(candidate.Locator("label.form-check-label")).ToHaveTextAsync($"1. {name} (Bali) — 80,00");
        await admin.GetByLabel("Tanggal rapat pleno").FillAsync(today);
        await admin.GetByLabel("Tempat", new() { Exact = true }).FillAsync("Kantor Kemenko PMK, Jakarta");
        await admin.GetByLabel("Juri yang hadir").FillAsync("Dr. Sri Juri\nAndi Juri");
        await admin.GetByLabel("Keputusan rapat").FillAsync("Menetapkan pemenang Pemerintah Provinsi.");
        await candidate.GetByRole(AriaRole.Checkbox).CheckAsync();
        await candidate.GetByLabel("Nama penghargaan (bila pemenang)").FillAsync(Award);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tetapkan", Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("confirm-winner")).ToHaveTextAsync($"{name} (Bali) — {Award} — 80,00 (Peringkat 1)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ya, tetapkan" }).ClickAsync();
        var decided = admin.Locator($"[data-testid=decision-row][data-nomination='{id}']");
        await Expect(decided.GetByTestId("outcome")).ToHaveTextAsync("Pemenang");
        await Expect(decided.GetByTestId("award")).ToHaveTextAsync(Award);

        // 5. The national report: its preview and its PDF, read back.
        await admin.GotoAsync($"/National/Report?cycle={year}");
        await Expect(admin.GetByTestId("document-number")).ToHaveTextAsync($"Nomor dokumen: PRT-{year}-00-001 (versi 1)");
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("pdf-link").ClickAsync(), new() { Timeout = 90_000 });
        var pdf = Path.Combine(Path.GetTempPath(), $"nasional-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        try
        {
            var text = await PdfTextAsync(pdf);
            text.ShouldContain(name);
            text.ShouldContain(Award);
            text.ShouldContain($"PRT-{year}-00-001");
            text.ShouldContain("80,00");
            Regex.IsMatch(text, @"Halaman 1 dari [1-9][0-9]*").ShouldBeTrue($"no page footer in the PDF text:\n{text}");
        }
        finally
        {
            File.Delete(pdf);
        }
    });

    /// <summary>One national card: every level indicator at <paramref name="level"/>, every percentage 75.</summary>
    private static async Task ScoreAsync(IPage page, string candidate, string round, string level, string expectedTotal)
    {
        await page.GotoAsync("/National/Cards");
        var row = page.GetByTestId("card-row").Filter(new() { HasText = round }).Filter(new() { HasText = candidate });
        await row.GetByRole(AriaRole.Link, new() { Name = candidate }).ClickAsync();
        var indicators = page.GetByTestId("indicator");
        await Expect(indicators.First).ToBeVisibleAsync();
        for (var i = 0; i < await indicators.CountAsync(); i++)
        {
            var indicator = indicators.Nth(i);
            var code = await indicator.GetAttributeAsync("data-code");
            if (await indicator.GetByRole(AriaRole.Radiogroup).CountAsync() > 0)
            {
                await indicator.GetByRole(AriaRole.Radiogroup, new() { Name = $"Tingkat untuk {code}" }).GetByRole(AriaRole.Radio, new() { Name = $"{level} —" }).CheckAsync();
            }
            else
            {
                // A percentage other than the one computed from the nomination's figures needs its reason.
                await indicator.GetByLabel($"Nilai {code} (0–100)").FillAsync("75");
                await indicator.GetByLabel($"Catatan {code}").FillAsync("Dihitung ulang dari data yang diteruskan provinsi.");
            }
        }

        await page.GetByLabel("Kekuatan kandidat").FillAsync("Regulasi dan anggaran daerah mendukung perlindungan pekerja.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kartu nilai" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-total")).ToHaveTextAsync($"Total kartu nilai: {expectedTotal}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim kartu nilai" }).ClickAsync();
        await Expect(page.GetByTestId("submitted-note")).ToContainTextAsync($"Total: {expectedTotal}.");
        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync("Terkirim");
    }

    private static async Task<string> PdfTextAsync(string pdf)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-layout");
        info.ArgumentList.Add(pdf);
        info.ArgumentList.Add("-");
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        return text;
    }
}
