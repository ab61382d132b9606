using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.BrowserTests.Journey;
using Paritrana.BrowserTests.Notifications;
using Paritrana.BrowserTests.Phone;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Candidates;

/// <summary>
/// Issue 18's "Done when", one candidate from the invitation to the committee's acceptance, every page
/// on a 390 px phone (docs/decisions/050, 051): Bali's chair invites a new representative of KAPIT MAS
/// from its nomination; the invitation mail arrives in smtp4dev and its link sets the password; the
/// representative corrects the self-assessment the committee had returned, adds a document and sends
/// it; the chair accepts it into the nomination, which only then shows the candidate's figure; the
/// nomination goes on (submitted, verified by the Denpasar branch, field assessment); after the visit
/// the chair addresses a coaching item to the candidate, who answers it with a note and a file; the
/// chair accepts the answer and resolves the item, and the representative sees it settled.
/// </summary>
public partial class CandidateFromInvitationToAcceptanceJourneyTests(MailBrowserPortal portal, ITestOutputHelper output) : IClassFixture<MailBrowserPortal>
{
    private const string Password = "frasa-sandi-perwakilan-kapit-mas";
    private const string Organisation = "KAPIT MAS";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_representative_invited_by_mail_sends_the_self_assessment_and_answers_coaching_and_the_committee_accepts_both_on_a_phone() => await Ui.RunAsync(portal, output, async ui =>
    {
        var id = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current AND o.name = '{Organisation}'");
        // The demo's KAPIT MAS: a draft nomination whose returned self-assessment says 240 workers; the
        // figure the new representative sends is neither that nor the committee's.
        (await TestDatabase.ScalarAsync<int?>(portal.Database, $"SELECT workers FROM nominations WHERE id = {id}")).ShouldNotBe(1275);
        var email = $"perwakilan.{Guid.NewGuid():N}@kapitmas.example";
        // Bali's local time (WITA): the visit is planned and recorded on yesterday's date.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 1. The chair invites from the nomination's page.
        var chair = await ui.SignInAsync("ketua.bali@paritrana.demo", Screens.Phone());
        await chair.GotoAsync($"/Nominations/Details/{id}");
        await chair.GetByTestId("representatives-link").ClickAsync();
        await chair.GetByLabel("Nama lengkap").FillAsync("Komang Perwakilan");
        await chair.GetByLabel("Alamat surel").FillAsync(email);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Kirim undangan" }).ClickAsync();
        await Expect(chair.Locator($"[data-testid=representative][data-email='{email}'] [data-testid=representative-state]")).ToContainTextAsync("Diundang, berlaku sampai");

        // 2. The mail in smtp4dev; its link sets the password.
        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Undangan ke Portal Paritrana");
        mail.Text.ShouldContain($"sebagai perwakilan {Organisation}");
        var link = InvitationLink().Match(mail.Text).Value;
        link.ShouldNotBeEmpty();
        var invited = await (await portal.NewContextAsync(Screens.Phone())).NewPageAsync();
        await invited.GotoAsync(link);
        await invited.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(Password);
        await invited.GetByLabel("Ulangi kata sandi baru").FillAsync(Password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Expect(invited).ToHaveURLAsync(new Regex("/Account/Login"));

        // 3. The representative: the returned self-assessment, corrected, a document, sent.
        var candidate = await ui.SignInAsync(email, Screens.Phone(), Password);
        await Expect(candidate).ToHaveURLAsync(new Regex("/Candidate$"));
        // The committee sees who is active.
        await chair.ReloadAsync();
        await Expect(chair.Locator($"[data-testid=representative][data-email='{email}'] [data-testid=representative-state]")).ToContainTextAsync("Undangan diterima");
        await Expect(chair.Locator($"[data-testid=representative][data-email='{email}'] [data-testid=representative-state]")).ToContainTextAsync("Terakhir masuk");
        await candidate.Locator($"[data-testid=candidate-nomination][data-id='{id}'] [data-testid=self-assessment-link]").ClickAsync();
        await Expect(candidate.GetByTestId("self-assessment-status")).ToHaveTextAsync("Dikembalikan");
        await candidate.GetByLabel("Jumlah pekerja", new() { Exact = true }).FillAsync("1275");
        await candidate.GetByTestId("save-figures").ClickAsync();
        await Expect(candidate.GetByRole(AriaRole.Status).Filter(new() { HasText = "disimpan sebagai draf" })).ToBeVisibleAsync();
        await candidate.GetByLabel("Nama dokumen").FillAsync("Daftar pekerja per Desember");
        await candidate.Locator("#document-form input[type=file]").SetInputFilesAsync(new FilePayload { Name = "daftar-pekerja.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();
        await Expect(candidate.GetByTestId("document")).ToContainTextAsync("Daftar pekerja per Desember");
        await Screens.NoSidewaysScrollingAsync(candidate);
        await candidate.GetByTestId("submit").ClickAsync();
        await Expect(candidate.GetByTestId("self-assessment-status")).ToHaveTextAsync("Dikirim");
        (await TestDatabase.ScalarAsync<int?>(portal.Database, $"SELECT workers FROM nominations WHERE id = {id}")).ShouldNotBe(1275);

        // 4. The chair compares and accepts all of it; the nomination shows the candidate's figure.
        await chair.GotoAsync($"/Nominations/Details/{id}");
        await chair.GetByTestId("self-assessment-link").ClickAsync();
        await Expect(chair.Locator("[data-testid=figure][data-key=Workers] [data-testid=submitted]")).ToHaveTextAsync("1.275");
        await Screens.NoSidewaysScrollingAsync(chair);
        await chair.GetByTestId("accept-all").ClickAsync();
        await Expect(chair.GetByTestId("self-assessment-status")).ToHaveTextAsync("Diterima");
        await chair.GotoAsync($"/Nominations/Details/{id}");
        await Expect(chair.GetByTestId("workers")).ToHaveTextAsync("1.275");

        // 5. The nomination goes on: submitted, verified by the branch, field assessment started.
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Draf");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk verifikasi" }).ClickAsync();
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Diajukan");
        var officer = await ui.SignInAsync("cabang.denpasar@paritrana.demo", Screens.Phone());
        await officer.GotoAsync("/Verification");
        var queued = officer.GetByTestId("queue-item").Filter(new() { Has = officer.GetByRole(AriaRole.Link, new() { Name = Organisation, Exact = true }) });
        await queued.GetByRole(AriaRole.Button, new() { Name = "Verifikasi nominasi" }).ClickAsync();
        await Expect(officer.Locator(".alert-success")).ToContainTextAsync($"Nominasi {Organisation} telah diverifikasi.");
        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Terverifikasi");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Mulai penilaian lapangan" }).ClickAsync();
        await Expect(chair.GetByTestId("status")).ToHaveTextAsync("Penilaian lapangan");

        // 6. The visit, and a coaching item addressed to the candidate.
        await chair.GetByTestId("fieldwork-link").ClickAsync();
        await FieldWorkSteps.PlanAndRecordVisitAsync(chair, Organisation, yesterday, "Gudang KAPIT MAS, Mengwi",
            "Memeriksa daftar pekerja dan kepesertaan vendor.", "Ni Luh Anggota", "Tiga vendor angkutan belum mendaftarkan sopirnya.");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Tambah butir pembinaan" }).ClickAsync();
        await chair.GetByLabel("Temuan", new() { Exact = true }).FillAsync("Sopir vendor angkutan belum terdaftar.");
        await chair.GetByLabel("Rekomendasi perbaikan").FillAsync("Wajibkan kepesertaan BPJamsostek dalam kontrak vendor angkutan.");
        await chair.GetByLabel("Tenggat").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await chair.GetByLabel("Tujukan kepada kandidat").CheckAsync();
        await Screens.NoSidewaysScrollingAsync(chair);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Simpan butir pembinaan" }).ClickAsync();
        await Expect(chair.GetByTestId("item-status")).ToHaveTextAsync("Terbuka");
        var itemUrl = chair.Url;

        // 7. The representative is told by mail (no choice made: at once) and follows its link to the item.
        var mails = await portal.Mailbox.WaitForAsync(email, count: 3);
        mails.Select(m => m.Subject).Order(StringComparer.Ordinal).ShouldBe(
        [
            "Panitia meminta tindak lanjut: Sopir vendor angkutan belum terdaftar.",
            $"Panitia menerima nilai penilaian mandiri {Organisation}",
            "Undangan ke Portal Paritrana",
        ]);
        var addressed = mails.Single(m => m.Subject.StartsWith("Panitia meminta tindak lanjut", StringComparison.Ordinal));
        await candidate.GotoAsync(ItemLink().Match(addressed.Text).Value);
        await Expect(candidate.GetByTestId("candidate-item-state")).ToHaveTextAsync("Perlu dijawab");
        await candidate.GetByLabel("Apa yang sudah diperbaiki").FillAsync("Kontrak ketiga vendor angkutan sudah diubah; kartu peserta sopir terlampir.");
        await candidate.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "kartu-peserta-sopir.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Screens.NoSidewaysScrollingAsync(candidate);
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Expect(candidate.GetByTestId("candidate-item-state")).ToHaveTextAsync("Sudah dijawab, menunggu panitia");
        // The nomination's page: its stage, the visit in Bali's time.
        await candidate.GotoAsync("/Candidate");
        await candidate.Locator($"[data-testid=candidate-nomination][data-id='{id}'] a:not([data-testid=self-assessment-link])").ClickAsync();
        await Expect(candidate.GetByTestId("candidate-stage")).ToHaveTextAsync("Dalam penilaian panitia provinsi");
        await Expect(candidate.GetByTestId("visit-time").First).ToContainTextAsync("WITA");
        await Screens.NoSidewaysScrollingAsync(candidate);

        // 8. The chair accepts the answer: the item resolved; the representative sees it settled, never the committee's note.
        await chair.GotoAsync(itemUrl);
        await Expect(chair.GetByTestId("candidate-answer")).ToContainTextAsync("Kontrak ketiga vendor angkutan sudah diubah");
        await chair.GetByLabel("Catatan penyelesaian").FillAsync("Kontrak dan kartu peserta sopir diterima.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Tandai selesai" }).ClickAsync();
        await Expect(chair.GetByTestId("item-status")).ToHaveTextAsync("Selesai");
        await candidate.GotoAsync(ItemLink().Match(addressed.Text).Value);
        await Expect(candidate.GetByTestId("candidate-item-state")).ToHaveTextAsync("Selesai");
        await Expect(candidate.GetByText("Kontrak dan kartu peserta sopir diterima.")).ToHaveCountAsync(0);
    });

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/Account/Invitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/Candidate/Coaching/\d+")]
    private static partial Regex ItemLink();
}
