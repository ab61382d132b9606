using System.Globalization;
using System.Text;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.BrowserTests.Phone;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Candidates;

/// <summary>
/// Issue 18's self-assessment in Chromium on a 390 px phone (docs/decisions/051): KAPIT MAS's
/// representative (the demo's, their submission returned once) corrects it, uploads a document and
/// sends it again; the nomination is unchanged until Bali's chair accepts the number of workers from
/// it, which the nomination then shows.
/// </summary>
public class SelfAssessmentJourneyTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_representative_corrects_and_sends_their_self_assessment_with_a_document_and_the_chair_accepts_a_value_into_the_nomination() => await Ui.RunAsync(portal, output, async ui =>
    {
        var id = await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current AND o.name = 'KAPIT MAS'");
        var workersBefore = await TestDatabase.ScalarAsync<int?>(portal.Database, $"SELECT workers FROM nominations WHERE id = {id}");
        workersBefore.ShouldNotBe(4321);

        var candidate = await ui.SignInAsync("kandidat.kapitmas@paritrana.demo", Screens.Phone());
        await candidate.GotoAsync("/Candidate");
        await candidate.Locator($"[data-testid=candidate-nomination][data-id='{id}'] [data-testid=self-assessment-link]").ClickAsync();
        await Expect(candidate.GetByTestId("self-assessment-status")).ToHaveTextAsync("Dikembalikan");
        await Expect(candidate.GetByTestId("return-reason")).ToContainTextAsync("lampirkan daftar pekerja");

        // A bad number gets its message beside the field, and nothing is saved.
        await candidate.GetByLabel("Jumlah pekerja", new() { Exact = true }).FillAsync("-5");
        await candidate.GetByTestId("save-figures").ClickAsync();
        await Expect(candidate.Locator("[data-valmsg-for='Input.Workers']")).ToHaveTextAsync("Jumlah pekerja tidak boleh negatif.");

        await candidate.GetByLabel("Jumlah pekerja", new() { Exact = true }).FillAsync("4321");
        await candidate.GetByTestId("save-figures").ClickAsync();
        await Expect(candidate.GetByRole(AriaRole.Status).Filter(new() { HasText = "disimpan sebagai draf" })).ToBeVisibleAsync();

        await candidate.GetByLabel("Nama dokumen").FillAsync("Daftar pekerja Desember");
        await candidate.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "daftar-pekerja.pdf", MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();
        await Expect(candidate.GetByTestId("document")).ToContainTextAsync("Daftar pekerja Desember");
        await Screens.NoSidewaysScrollingAsync(candidate);

        await candidate.GetByTestId("submit").ClickAsync();
        await Expect(candidate.GetByTestId("self-assessment-status")).ToHaveTextAsync("Dikirim");

        // Sent, but the nomination keeps the committee's figures.
        (await TestDatabase.ScalarAsync<int?>(portal.Database, $"SELECT workers FROM nominations WHERE id = {id}")).ShouldBe(workersBefore);

        // Bali's chair compares and accepts the number of workers alone.
        var chair = await ui.SignInAsync("ketua.bali@paritrana.demo", Screens.Phone());
        await chair.GotoAsync($"/Nominations/Details/{id}");
        await chair.GetByTestId("self-assessment-link").ClickAsync();
        var workers = chair.Locator("[data-testid=figure][data-key=Workers]");
        await Expect(workers.GetByTestId("submitted")).ToHaveTextAsync("4.321");
        await workers.Locator("input[type=checkbox]").CheckAsync();
        await Screens.NoSidewaysScrollingAsync(chair);
        await chair.GetByTestId("accept-selected").ClickAsync();
        await Expect(chair.GetByTestId("self-assessment-status")).ToHaveTextAsync("Diterima sebagian");

        await chair.GotoAsync($"/Nominations/Details/{id}");
        await Expect(chair.GetByTestId("workers")).ToHaveTextAsync("4.321");
    });
}
