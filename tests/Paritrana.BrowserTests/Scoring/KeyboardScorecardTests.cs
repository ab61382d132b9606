using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Scoring;

/// <summary>
/// The scorecard with the keyboard only: Tab reaches an indicator's levels, the arrow keys and the
/// space bar choose one, Tab and Enter save. The round and assignment are written straight into the
/// database (the journey test makes them through the pages).
/// </summary>
public class KeyboardScorecardTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_member_scores_and_saves_a_card_with_the_keyboard_only() => await Ui.RunAsync(portal, output, async ui =>
    {
        var (round, nomination) = await ScoringSetup.InterviewRoundWithBankBpdBaliAsync(portal);
        var page = await ui.SignInAsync(ScoringSetup.Member);
        await page.GotoAsync($"/Scoring/Card?round={round}&nomination={nomination}");
        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync("Belum dimulai");
        var progress = page.Locator("[data-scorecard-progress]");
        await Expect(progress).ToHaveTextAsync("0 dari 2 indikator terisi");

        // Tab from the top of the page until the first indicator's levels have the focus: a radio
        // group is one tab stop, entered at its checked radio ("Belum dinilai").
        await TabUntilAsync(page, "Input.Scores[0].Value");
        (await FocusedAsync(page)).ShouldBe("radio|Input.Scores[0].Value|");

        // Down from the last radio wraps to level 1; three more make it level 4. Space keeps it.
        await page.Keyboard.PressAsync("ArrowDown");
        (await FocusedAsync(page)).ShouldBe("radio|Input.Scores[0].Value|1");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Space");
        (await FocusedAsync(page)).ShouldBe("radio|Input.Scores[0].Value|4");
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW1" }).GetByRole(AriaRole.Radio, new() { Name = "4 —" })).ToBeCheckedAsync();
        await Expect(progress).ToHaveTextAsync("1 dari 2 indikator terisi");

        // Tab to the indicator's note and type it; Tab on to the next indicator, Up chooses level 5.
        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).ShouldBe("textarea|Input.Scores[0].Comment|");
        await page.Keyboard.TypeAsync("Pimpinan menjawab uji pemahaman dengan baik.");
        await TabUntilAsync(page, "Input.Scores[1].Value");
        await page.Keyboard.PressAsync("ArrowUp");
        (await FocusedAsync(page)).ShouldBe("radio|Input.Scores[1].Value|5");
        await Expect(progress).ToHaveTextAsync("2 dari 2 indikator terisi");

        // On to "Simpan draf" and Enter.
        await TabUntilAsync(page, "save-button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("card-status")).ToHaveTextAsync("Draf");
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW1" }).GetByRole(AriaRole.Radio, new() { Name = "4 —" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Tingkat untuk WAW2" }).GetByRole(AriaRole.Radio, new() { Name = "5 —" })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Catatan WAW1")).ToHaveValueAsync("Pimpinan menjawab uji pemahaman dengan baik.");
        (await TestDatabase.ScalarAsync<string>(portal.Database,
                "SELECT string_agg(i.code || '=' || s.value::text, ',' ORDER BY i.code) FROM scores s JOIN indicators i ON i.id = s.indicator_id " +
                "JOIN scorecards c ON c.id = s.scorecard_id WHERE c.round_id = @r AND c.nomination_id = @n", ("r", round), ("n", nomination)))
            .ShouldBe("WAW1=4.00,WAW2=5.00");
    });

    /// <summary>Presses Tab (at most 80 times) until the element with this name or id has the focus.</summary>
    private static async Task TabUntilAsync(IPage page, string nameOrId)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.name || e.id || '') : ''; }");
            if (focused == nameOrId || (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''")) == nameOrId)
            {
                return;
            }
        }

        throw new InvalidOperationException($"{nameOrId} never got the focus with the Tab key.");
    }

    /// <summary>The focused element as "tag-or-type|name|value".</summary>
    private static async Task<string> FocusedAsync(IPage page) => await page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; const kind = e.tagName === 'INPUT' ? e.type : e.tagName.toLowerCase(); return kind + '|' + (e.name || '') + '|' + (e.tagName === 'TEXTAREA' ? '' : (e.value || '')); }");
}
