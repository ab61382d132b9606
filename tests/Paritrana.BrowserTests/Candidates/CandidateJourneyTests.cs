using System.Text.RegularExpressions;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.BrowserTests.Notifications;
using Paritrana.BrowserTests.Phone;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Candidates;

/// <summary>
/// Issue 18's "Done when" for the coaching part (docs/decisions/050), end to end in Chromium on a phone
/// (390 px): Bali's chair invites a representative of Kota Denpasar from its nomination; the invitation
/// mail arrives in smtp4dev and its link sets the password; the representative signs in, opens the
/// nomination in the candidate area, answers the coaching item addressed to it with a file; the
/// committee sees the answer and resolves the item; the representative sees it resolved.
/// </summary>
public partial class CandidateJourneyTests(MailBrowserPortal portal, ITestOutputHelper output) : IClassFixture<MailBrowserPortal>
{
    private const string Password = "frasa-sandi-perwakilan-denpasar";

    [Fact]
    public async Task Invited_by_mail_the_representative_answers_a_coaching_item_with_a_file_and_the_committee_resolves_it_on_a_phone() => await Ui.RunAsync(portal, output, async ui =>
    {
        var nomination = await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE o.name = 'Pemerintah Kota Denpasar' AND c.is_current");
        var item = await TestDatabase.ScalarAsync<int>(portal.Database,
            $"SELECT id FROM coaching_items WHERE nomination_id = {nomination} AND shared_with_candidate AND status = 1 AND candidate_answered_at IS NULL");
        var email = $"perwakilan.{Guid.NewGuid():N}@denpasarkota.example";

        // The chair invites from the nomination's page.
        var chair = await ui.SignInAsync("ketua.bali@paritrana.demo", Screens.Phone());
        await chair.GotoAsync($"/Nominations/Details/{nomination}");
        await chair.GetByTestId("representatives-link").ClickAsync();
        await chair.GetByLabel("Nama lengkap").FillAsync("Ni Wayan Perwakilan");
        await chair.GetByLabel("Alamat surel").FillAsync(email);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Kirim undangan" }).ClickAsync();
        await Expect(chair.Locator($"[data-testid=representative][data-email='{email}'] [data-testid=representative-state]")).ToContainTextAsync("Diundang, berlaku sampai");
        await Screens.NoSidewaysScrollingAsync(chair);

        // The mail, and its link: the password.
        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Undangan ke Portal Paritrana");
        mail.Text.ShouldContain("sebagai perwakilan Pemerintah Kota Denpasar");
        var link = InvitationLink().Match(mail.Text).Value;
        link.ShouldNotBeEmpty();
        var invited = await (await portal.NewContextAsync(Screens.Phone())).NewPageAsync();
        await invited.GotoAsync(link);
        await invited.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(Password);
        await invited.GetByLabel("Ulangi kata sandi baru").FillAsync(Password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Expect(invited).ToHaveURLAsync(new Regex("/Account/Login"));

        // Signed in: the candidate area, the nomination, the open item addressed to it.
        var candidate = await ui.SignInAsync(email, Screens.Phone(), Password);
        await Expect(candidate).ToHaveURLAsync(new Regex("/Candidate$"));
        await candidate.Locator($"[data-testid=candidate-nomination][data-id='{nomination}'] a:not([data-testid=self-assessment-link])").ClickAsync();
        await Expect(candidate.GetByTestId("candidate-stage")).ToHaveTextAsync("Dalam penilaian panitia provinsi");
        await Expect(candidate.GetByTestId("visit-time").First).ToContainTextAsync("WITA");
        await Screens.NoSidewaysScrollingAsync(candidate);
        await candidate.Locator($"[data-testid=candidate-item][data-id='{item}'] a").ClickAsync();
        await Expect(candidate.GetByTestId("candidate-item-state")).ToHaveTextAsync("Perlu dijawab");
        await candidate.GetByLabel("Apa yang sudah diperbaiki").FillAsync("Surat edaran wali kota tentang syarat kepesertaan sudah terbit; salinannya terlampir.");
        await candidate.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "surat-edaran.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await Screens.NoSidewaysScrollingAsync(candidate);
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Expect(candidate.GetByTestId("candidate-item-state")).ToHaveTextAsync("Sudah dijawab, menunggu panitia");
        await Expect(candidate.GetByTestId("candidate-file")).ToContainTextAsync("surat-edaran.pdf");

        // The committee: answered on the field-work page; resolves it on the item's page.
        await chair.GotoAsync($"/FieldWork/Nomination/{nomination}");
        await Expect(chair.Locator($"[data-testid=item][data-item-id='{item}'] [data-testid=answered-by-candidate]")).ToBeVisibleAsync();
        await chair.GotoAsync($"/FieldWork/Coaching/Item/{item}");
        await Expect(chair.GetByTestId("candidate-answer")).ToContainTextAsync("Surat edaran wali kota");
        await chair.GetByLabel("Catatan penyelesaian").FillAsync("Salinan surat edaran diterima dan sesuai.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Tandai selesai" }).ClickAsync();
        await Expect(chair.GetByTestId("item-status")).ToHaveTextAsync("Selesai");

        // The representative: resolved, told by the bell, and never the committee's note.
        await candidate.ReloadAsync();
        await Expect(candidate.GetByTestId("candidate-item-state")).ToHaveTextAsync("Selesai");
        await Expect(candidate.GetByText("Salinan surat edaran diterima dan sesuai.")).ToHaveCountAsync(0);
        await Expect(candidate.GetByTestId("bell-count")).ToHaveTextAsync("1");
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT status::text FROM coaching_items WHERE id = {item}")).ShouldBe("3");
    });

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/Account/Invitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
