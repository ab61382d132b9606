using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Journey;

/// <summary>
/// A cycle in Bali from the employer import to the finalist report, clicked and typed through the
/// portal by the people who do each step: the Denpasar branch officer, a committee member, a second
/// member created by the administrator, and the chair. One test, because every step needs the one
/// before it; the failure message names the step and keeps every open page.
/// </summary>
public class BaliCycleJourneyTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private const string Officer = "cabang.denpasar@paritrana.demo";
    private const string Member = "anggota.bali@paritrana.demo";
    private const string MemberName = "Ni Luh Anggota";
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string Admin = "admin@paritrana.demo";
    private const string SecondMemberEmail = "anggota2.bali@paritrana.demo";
    private const string SecondMemberName = "I Made Peramban (Anggota Tim Panitia Bali)";
    private const string SecondMemberPassword = "Peramban-Uji-Bali-2026";

    // New NPPs in the officer's regencies: Kota Denpasar (51.71) and Badung (51.03).
    private const string Returned = "PT Uji Peramban Sejahtera";
    private const string Candidate = "PT Uji Peramban Lestari";
    private const string IncompleteReason = "Babak penilaian dokumen tidak dipakai untuk kandidat ini; pleno memutuskan dari wawancara.";
    private const string ReturnReason = "Jumlah peserta PU belum sesuai rekap Desember; mohon periksa lagi.";

    private static readonly string Csv =
        "npp,nama,kode_wilayah,kantor_cabang,skala,sektor,jumlah_pekerja,peserta_pu,peserta_bpu,program,tunggakan_bulan,per_tanggal\n" +
        $"BRW517101,{Returned},51.71,Kantor Cabang Denpasar,Besar,Jasa,1.250,1.200,10,JKK|JKM|JHT|JP|JKP,0,2025-12-31\n" +
        $"BRW510302,{Candidate},51.03,Denpasar,Besar,Akomodasi dan makan minum,840,800,0,JKK|JKM|JHT|JP,0,2025-12-31\n";

    [Fact]
    public async Task A_Bali_cycle_runs_from_the_import_to_the_finalist_report_pdf() => await Ui.RunAsync(portal, output, async ui =>
    {
        // Bali's local time (WITA): visits are planned and recorded on yesterday's date.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 1. The branch officer imports two new employers: preview, import, result.
        var officer = await ui.SignInAsync(Officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Impor data" }).ClickAsync();
        var file = Path.Combine(Path.GetTempPath(), $"bali-peramban-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Csv);
        try
        {
            // The browser reads the file when the form is sent, so it stays until the preview shows.
            await officer.GetByLabel("Berkas CSV").SetInputFilesAsync(file);
            await officer.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
            await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Pratinjau impor: bali-peramban-"));
        }
        finally
        {
            File.Delete(file);
        }

        await Expect(officer.GetByTestId("total-rows")).ToHaveTextAsync("2");
        await Expect(officer.GetByTestId("valid-rows")).ToHaveTextAsync("2");
        await Expect(officer.GetByTestId("invalid-rows")).ToHaveTextAsync("0");
        await Expect(officer.GetByTestId("sample-row")).ToHaveTextAsync(
        [
            new Regex($"^\\s*2\\s+BRW517101\\s+{Returned}\\s+Kota Denpasar\\s+Kantor Cabang Denpasar\\s+Besar\\s+1\\.250\\s+1\\.200\\s+10\\s+JKK, JKM, JHT, JP, JKP\\s+0\\s+31 Des 2025\\s*$"),
            new Regex($"^\\s*3\\s+BRW510302\\s+{Candidate}\\s+Kabupaten Badung\\s+Kantor Cabang Denpasar\\s+Besar\\s+840\\s+800\\s+0\\s+JKK, JKM, JHT, JP\\s+0\\s+31 Des 2025\\s*$"),
        ]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Impor semua" }).ClickAsync();
        await Expect(officer.GetByTestId("result")).ToHaveTextAsync("Impor selesai. Semua perubahan disimpan dalam satu transaksi.");
        await Expect(officer.GetByTestId("imported")).ToHaveTextAsync("2");
        await Expect(officer.GetByTestId("employers-inserted")).ToHaveTextAsync("2");
        await Expect(officer.GetByTestId("employers-updated")).ToHaveTextAsync("0");

        // 2. The member nominates both, and submits them for verification.
        var member = await ui.SignInAsync(Member);
        foreach (var (npp, name) in new[] { ("BRW517101", Returned), ("BRW510302", Candidate) })
        {
            await member.GetByRole(AriaRole.Link, new() { Name = "Nominasi", Exact = true }).ClickAsync();
            await member.GetByTestId("create-nomination").ClickAsync();
            await member.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Perusahaan Besar" });
            await member.GetByLabel("Cari NPP atau nama pemberi kerja di provinsi Anda").FillAsync(npp);
            await member.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
            await Expect(member.GetByTestId("match")).ToHaveCountAsync(1);
            await member.GetByRole(AriaRole.Link, new() { Name = $"Pilih {name}" }).ClickAsync();
            await Expect(member.GetByTestId("employer-name")).ToHaveTextAsync(name);
            await member.GetByRole(AriaRole.Button, new() { Name = "Buat nominasi" }).ClickAsync();
            await member.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();
            await Expect(member.GetByTestId("status")).ToHaveTextAsync("Draf");
            await member.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk verifikasi" }).ClickAsync();
            await Expect(member.GetByTestId("status")).ToHaveTextAsync("Diajukan");
        }

        // 3. The officer returns one with a reason and verifies the other.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Antrean verifikasi" }).ClickAsync();
        var returnedItem = officer.GetByTestId("queue-item").Filter(new() { Has = officer.GetByRole(AriaRole.Link, new() { Name = Returned }) });
        await returnedItem.GetByLabel("Alasan pengembalian").FillAsync(ReturnReason);
        await returnedItem.GetByRole(AriaRole.Button, new() { Name = "Kembalikan" }).ClickAsync();
        await Expect(officer.Locator(".alert-success")).ToContainTextAsync($"Nominasi {Returned} telah dikembalikan kepada tim panitia.");
        var candidateItem = officer.GetByTestId("queue-item").Filter(new() { Has = officer.GetByRole(AriaRole.Link, new() { Name = Candidate }) });
        await candidateItem.GetByRole(AriaRole.Button, new() { Name = "Verifikasi nominasi" }).ClickAsync();
        await Expect(officer.Locator(".alert-success")).ToContainTextAsync($"Nominasi {Candidate} telah diverifikasi.");
        await Expect(officer.GetByTestId("queue-item").Filter(new() { HasText = "PT Uji Peramban" })).ToHaveCountAsync(0);

        // 4. The member sees why the first came back.
        await member.GetByRole(AriaRole.Link, new() { Name = "Nominasi", Exact = true }).ClickAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = Returned }).ClickAsync();
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Dikembalikan");
        await Expect(member.GetByTestId("return-reason-text")).ToHaveTextAsync(ReturnReason);

        // 5. Field work on the verified one: a visit planned and recorded, a coaching item created and resolved.
        await member.GetByRole(AriaRole.Link, new() { Name = "Nominasi", Exact = true }).ClickAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = Candidate }).ClickAsync();
        var candidateUrl = member.Url;
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Terverifikasi");
        await member.GetByRole(AriaRole.Button, new() { Name = "Mulai penilaian lapangan" }).ClickAsync();
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Penilaian lapangan");
        await member.GetByTestId("fieldwork-link").ClickAsync();
        await FieldWorkSteps.PlanAndRecordVisitAsync(member, Candidate, yesterday, "Kantor PT Uji Peramban Lestari, Kuta",
            "Memeriksa daftar upah dan kepesertaan vendor.", MemberName, "Dua vendor kebersihan belum mendaftarkan pekerjanya.");
        await member.GetByRole(AriaRole.Link, new() { Name = "Tambah butir pembinaan" }).ClickAsync();
        await member.GetByLabel("Temuan", new() { Exact = true }).FillAsync("Vendor kebersihan belum terdaftar.");
        await member.GetByLabel("Rekomendasi perbaikan").FillAsync("Wajibkan kepesertaan dalam kontrak vendor.");
        await member.GetByLabel("Tenggat").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await member.GetByRole(AriaRole.Button, new() { Name = "Simpan butir pembinaan" }).ClickAsync();
        await Expect(member.GetByTestId("item-status")).ToHaveTextAsync("Terbuka");
        await member.GetByLabel("Catatan penyelesaian").FillAsync("Kontrak vendor sudah diubah; kedua vendor terdaftar.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Tandai selesai" }).ClickAsync();
        await Expect(member.GetByTestId("item-status")).ToHaveTextAsync("Selesai");
        await member.GotoAsync(candidateUrl);
        await member.GetByRole(AriaRole.Button, new() { Name = "Tandai siap dinilai" }).ClickAsync();
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Siap dinilai");

        // 6. The administrator adds a second Bali member; the category's criteria are the demo's (from the template).
        var admin = await ui.SignInAsync(Admin);
        await admin.GotoAsync("/Admin/Users/Create");
        await admin.GetByLabel("Nama lengkap").FillAsync(SecondMemberName);
        await admin.GetByLabel("Alamat surel").FillAsync(SecondMemberEmail);
        await admin.GetByLabel("Peran").SelectOptionAsync(new SelectOptionValue { Label = "Anggota Tim Panitia" });
        await admin.GetByLabel("Provinsi").SelectOptionAsync(new SelectOptionValue { Label = "Bali" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buat akun dan kirim undangan" }).ClickAsync();
        await Expect(admin.Locator(".alert-success")).ToContainTextAsync(SecondMemberEmail);
        // The second member follows the invitation's link (as mailed: the outbox's text) and sets a password.
        var mail = await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT text_body FROM outbox_mails WHERE recipient = @r ORDER BY id DESC LIMIT 1", ("r", SecondMemberEmail));
        var invitation = Regex.Match(mail!, @"http://localhost(?<path>/Account/Invitation\?token=[A-Za-z0-9_-]+)").Groups["path"].Value;
        var invited = await (await portal.NewContextAsync()).NewPageAsync();
        await invited.GotoAsync(invitation);
        await invited.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(SecondMemberPassword);
        await invited.GetByLabel("Ulangi kata sandi baru").FillAsync(SecondMemberPassword);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Expect(invited).ToHaveURLAsync(new Regex("/Account/Login$"));

        // 7. The chair adds an interview round, opens it and assigns both members to the category.
        var chair = await ui.SignInAsync(Chair);
        await chair.GetByRole(AriaRole.Link, new() { Name = "Penilaian", Exact = true }).ClickAsync();
        await chair.GotoAsync("/Scoring/Rounds");
        await chair.GetByTestId("add-round").ClickAsync();
        await chair.GetByLabel("Nama babak").FillAsync("Wawancara pimpinan");
        await chair.GetByLabel("Jenis babak").SelectOptionAsync(new SelectOptionValue { Label = "Wawancara" });
        await chair.GetByLabel("Bobot dalam total (%)").FillAsync("100");
        await chair.GetByLabel("WAW · Wawancara").CheckAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await chair.GetByRole(AriaRole.Link, new() { Name = "Wawancara pimpinan" }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Buka babak" }).ClickAsync();
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Dibuka");
        await chair.GetByTestId("assignments-link").ClickAsync();
        var bulk = chair.Locator("#category-form");
        await bulk.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Perusahaan Besar" });
        await bulk.GetByRole(AriaRole.Checkbox, new() { Name = MemberName }).CheckAsync();
        await bulk.GetByRole(AriaRole.Checkbox, new() { Name = SecondMemberName }).CheckAsync();
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Tugaskan ke semua nominasi kategori" }).ClickAsync();
        await Expect(chair.GetByTestId("assignment-row")).ToHaveCountAsync(2);
        await Expect(chair.GetByTestId("assignment-row").GetByTestId("scorer")).ToHaveTextAsync([SecondMemberName, MemberName]);

        // 8. Both members score their cards fully and submit them.
        var second = await ui.SignInAsync(SecondMemberEmail, password: SecondMemberPassword);
        await ScoreAsync(member, wawancara1: "4", wawancara2: "5", expectedTotal: "85,00");
        await ScoreAsync(second, wawancara1: "3", wawancara2: "4", expectedTotal: "60,00");

        // 9. The chair marks it scored, decides the finalists in the plenary and downloads the report.
        // The demo's document round of the current cycle is open with no scorer for this candidate: the
        // page says so, and the chair marks it scored anyway with a reason (docs/decisions/015).
        var year = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT year FROM award_cycles WHERE is_current");
        await chair.GotoAsync(candidateUrl);
        await Expect(chair.GetByTestId("scoring-incomplete")).ToContainTextAsync("Penilaian belum lengkap: Penilaian Dokumen (belum ada penilai yang ditugaskan).");
        await chair.GetByLabel("Alasan menandai sudah dinilai walaupun belum lengkap").FillAsync(IncompleteReason);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Tandai sudah dinilai" }).ClickAsync();
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Sudah dinilai");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Finalis & laporan" }).ClickAsync();
        var shortlistRow = chair.GetByTestId("shortlist-row").Filter(new() { HasText = Candidate });
        await Expect(shortlistRow).ToContainTextAsync("72,50");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Rapat pleno: tetapkan finalis" }).ClickAsync();
        await chair.GetByLabel("Tanggal rapat pleno").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await chair.GetByLabel("Tempat", new() { Exact = true }).FillAsync("Kantor Gubernur Bali, Denpasar");
        await chair.GetByLabel("Peserta rapat").FillAsync("Ketua dan dua anggota tim panitia");
        await chair.GetByLabel("Keputusan rapat").FillAsync("Menetapkan finalis Perusahaan Besar.");
        await Expect(chair.GetByRole(AriaRole.Checkbox, new() { Name = $"1. {Candidate} — 72,50", Exact = true })).ToBeCheckedAsync();
        var decide = chair.GetByRole(AriaRole.Button, new() { Name = "Tetapkan", Exact = true });
        await Expect(decide).ToHaveAttributeAsync("formaction", $"/Plenary?cycle={year}&handler=Decide");
        await decide.ClickAsync();
        // The server-rendered confirmation step: the finalists per category, then the final POST.
        await Expect(chair.GetByTestId("confirm-BESAR").GetByTestId("confirm-finalist").Filter(new() { HasText = Candidate })).ToHaveTextAsync($"{Candidate} — 72,50 (Peringkat 1)");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Ya, tetapkan" }).ClickAsync();
        await Expect(chair.GetByTestId("decision-row").Filter(new() { HasText = Candidate })).ToContainTextAsync("Finalis");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Laporan & ekspor" }).First.ClickAsync();
        await chair.GetByRole(AriaRole.Link, new() { Name = "Laporan finalis (pratinjau cetak dan PDF)" }).ClickAsync();
        await Expect(chair.Locator(".report-preview")).ToContainTextAsync(Candidate);
        await Expect(chair.GetByTestId("document-number")).ToHaveTextAsync($"Nomor dokumen: PRT-{year}-51-001 (versi 1)");
        var download = await chair.RunAndWaitForDownloadAsync(() => chair.GetByTestId("pdf-link").ClickAsync(), new() { Timeout = 90_000 });
        var pdf = Path.Combine(Path.GetTempPath(), $"finalis-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        try
        {
            var text = await PdfTextAsync(pdf);
            text.ShouldContain(Candidate);
            text.ShouldNotContain(Returned);
            Regex.IsMatch(text, @"Halaman 1 dari [1-9][0-9]*").ShouldBeTrue($"no page footer in the PDF text:\n{text}");
        }
        finally
        {
            File.Delete(pdf);
        }
    });

    private static async Task ScoreAsync(IPage page, string wawancara1, string wawancara2, string expectedTotal)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Penilaian", Exact = true }).ClickAsync();
        var row = page.GetByTestId("outstanding-row").Filter(new() { HasText = Candidate });
        await row.GetByRole(AriaRole.Link, new() { Name = "Mulai menilai" }).ClickAsync();
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW1" }).GetByRole(AriaRole.Radio, new() { Name = $"{wawancara1} —" }).CheckAsync();
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW2" }).GetByRole(AriaRole.Radio, new() { Name = $"{wawancara2} —" }).CheckAsync();
        await page.GetByLabel("Kekuatan kandidat").FillAsync("Pimpinan memahami kelima program.");
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
