using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Scoring;

/// <summary>
/// "Kirim kartu nilai" asks for confirmation in a browser without JavaScript: the server's
/// confirmation step says what submitting means and shows the total; cancelling leaves the card a
/// draft; confirming submits it (issue 11, point 4).
/// </summary>
public class SubmitConfirmationTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Without_javascript_submitting_asks_first_and_cancelling_leaves_a_draft() => await Ui.RunAsync(portal, output, async ui =>
    {
        var (round, nomination) = await ScoringSetup.InterviewRoundWithBankBpdBaliAsync(portal);
        var page = await ui.SignInAsync(ScoringSetup.Member, new BrowserNewContextOptions { JavaScriptEnabled = false });
        var url = $"/Scoring/Card?round={round}&nomination={nomination}";
        await page.GotoAsync(url);
        await Expect(page.Locator("[data-scorecard-progress]")).ToHaveTextAsync("0 dari 2 indikator terisi"); // counted by the server; scorecard.js would count as the scorer goes
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW1" }).GetByRole(AriaRole.Radio, new() { Name = "4 —" }).CheckAsync();
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW2" }).GetByRole(AriaRole.Radio, new() { Name = "5 —" }).CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kartu nilai" }).ClickAsync();

        var confirmation = page.GetByTestId("submit-confirmation");
        await Expect(confirmation.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Kirim kartu nilai ini?");
        await Expect(confirmation.GetByTestId("confirm-meaning")).ToHaveTextAsync("Setelah dikirim, kartu nilai terkunci: nilainya tidak dapat diubah lagi, dan hanya ketua yang dapat membukanya kembali.");
        await Expect(confirmation.GetByTestId("confirm-total")).ToHaveTextAsync("Total kartu nilai: 85,00");
        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync("Belum dimulai");
        (await CardStatusAsync(round, nomination)).ShouldBeNull();

        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Batal, simpan sebagai draf" }).ClickAsync();

        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync("Draf");
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW2" }).GetByRole(AriaRole.Radio, new() { Name = "5 —" })).ToBeCheckedAsync();
        (await CardStatusAsync(round, nomination)).ShouldBe(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kartu nilai" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim kartu nilai" }).ClickAsync();

        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync("Terkirim");
        await Expect(page.GetByTestId("submitted-note")).ToContainTextAsync("Total: 85,00.");
        (await CardStatusAsync(round, nomination)).ShouldBe(2);
    });

    private async Task<int?> CardStatusAsync(int round, int nomination) =>
        await TestDatabase.ScalarAsync<int?>(portal.Database, "SELECT status FROM scorecards WHERE round_id = @r AND nomination_id = @n", ("r", round), ("n", nomination));
}
