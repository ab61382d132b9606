using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Scoring;

/// <summary>
/// The scorecard beside its evidence in a browser (issue 15, docs/decisions/035): on a desktop the
/// evidence stands beside the indicators; on a phone it waits behind its toggle and opens when an
/// indicator's evidence link is followed, and nothing scrolls sideways; leaving the page with unsaved
/// changes asks first, saving does not. The demo's draft card of the member on Bali's government.
/// </summary>
public class ScorecardEvidenceTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };

    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } };

    [Fact]
    public async Task On_a_phone_the_evidence_waits_behind_its_toggle_and_opens_from_an_indicators_link_without_sideways_scrolling() => await Ui.RunAsync(portal, output, async ui =>
    {
        var (round, nomination) = await ScoringSetup.DemoGovernmentDraftAsync(portal);
        var page = await ui.SignInAsync(ScoringSetup.Member, Phone);
        await page.GotoAsync($"/Scoring/Card?round={round}&nomination={nomination}");

        var toggle = page.GetByTestId("evidence-toggle");
        var figures = page.GetByTestId("ev-figures");
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(page.Locator("#evidence")).Not.ToHaveAttributeAsync("open", "");
        await Expect(figures).ToBeHiddenAsync();
        await NoSidewaysScrollingAsync(page);

        await toggle.TapAsync();
        await Expect(figures).ToBeVisibleAsync();
        await NoSidewaysScrollingAsync(page);
        await toggle.TapAsync();
        await Expect(figures).ToBeHiddenAsync();

        // KIN1's evidence link opens the evidence at the figures.
        var kin1 = page.Locator("[data-testid=indicator][data-code=KIN1]");
        await kin1.Locator("[data-evidence-link]").First.TapAsync();
        await Expect(figures).ToBeVisibleAsync();
        await Expect(figures).ToBeInViewportAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#ev-figures$"));
        await Expect(kin1.GetByTestId("computed")).ToContainTextAsync("dihitung dari data");
        await NoSidewaysScrollingAsync(page);
    });

    [Fact]
    public async Task On_a_desktop_the_evidence_stands_beside_the_indicators_and_leaving_with_unsaved_changes_asks_first() => await Ui.RunAsync(portal, output, async ui =>
    {
        var (round, nomination) = await ScoringSetup.DemoGovernmentDraftAsync(portal);
        var page = await ui.SignInAsync(ScoringSetup.Member, Desktop);
        var url = $"/Scoring/Card?round={round}&nomination={nomination}";
        await page.GotoAsync(url);

        await Expect(page.GetByTestId("evidence-toggle")).ToBeHiddenAsync();
        var evidence = await page.GetByTestId("ev-figures").BoundingBoxAsync();
        var form = await page.Locator("#scorecard-form").BoundingBoxAsync();
        evidence.ShouldNotBeNull();
        form.ShouldNotBeNull();
        (evidence.X + evidence.Width).ShouldBeLessThanOrEqualTo(form.X, "the evidence stands left of the indicators");
        evidence.Y.ShouldBeLessThan(768f, "the evidence is on the first screen");
        form.Y.ShouldBeLessThan(768f, "the indicators are on the first screen");

        // Every dialog the page opens is recorded (the session's own handler answers it, as a person saying yes).
        var dialogs = new List<string>();
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            asked.TrySetResult(dialog.Type);
        };

        // Saving a change asks nothing.
        var comment = page.Locator("[data-testid=indicator][data-code=KIN3] textarea");
        await comment.FillAsync("Data non-ASN dari BKD.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator(".alert-dismissible")).ToContainTextAsync("Draf kartu nilai tersimpan.");
        dialogs.ShouldBeEmpty();

        // Leaving with an unsaved change asks first (beforeunload).
        // Typed with the keyboard: a browser asks on leaving only after the user has interacted with the page.
        await page.Locator("[data-testid=indicator][data-code=KIN3] textarea").ClickAsync();
        await page.Keyboard.TypeAsync(" Belum disimpan.");
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(15))).ShouldBe("beforeunload");
        dialogs.ShouldBe(["beforeunload"]);
    });

    private static async Task NoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{page.Url} scrolls sideways: scrollWidth {widths[0]} > clientWidth {widths[1]}");
        widths[0].ShouldBeLessThanOrEqualTo(Phone.ViewportSize!.Width, $"{page.Url} is wider than the phone: scrollWidth {widths[0]}");
    }
}
