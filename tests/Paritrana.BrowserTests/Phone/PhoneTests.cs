using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Phone;

/// <summary>A committee member on a phone (390 × 844, touch): menu button, no sideways scrolling, forms usable.</summary>
public class PhoneTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private static readonly BrowserNewContextOptions Phone = Screens.Phone();

    [Fact]
    public async Task The_member_uses_the_menu_button_and_the_nomination_pages_fit_the_phone() => await Ui.RunAsync(portal, output, async ui =>
    {
        var page = await ui.SignInAsync("anggota.bali@paritrana.demo", Phone);

        // The navigation is collapsed behind the menu button, which opens it.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Buka menu" });
        var nominations = page.GetByRole(AriaRole.Link, new() { Name = "Nominasi", Exact = true });
        await Expect(menu).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(nominations).ToBeHiddenAsync();
        await NoSidewaysScrollingAsync(page);
        // The menu button is at the end of the bar, after the language button, not in its middle.
        var button = (await menu.BoundingBoxAsync())!;
        var language = (await page.Locator("form.language-switch button").BoundingBoxAsync())!;
        var bar = (await page.Locator("nav.navbar > .container-fluid").BoundingBoxAsync())!;
        (bar.X + bar.Width - (button.X + button.Width)).ShouldBeLessThan(20, "the menu button ends within the bar's padding of its right edge");
        (language.X + language.Width).ShouldBeLessThanOrEqualTo(button.X, "the language button comes before the menu button");
        Math.Abs((language.Y + language.Height / 2) - (button.Y + button.Height / 2)).ShouldBeLessThan(4, "both on the same line");
        await menu.TapAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nominations).ToBeVisibleAsync();
        await nominations.TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nominasi");
        await Expect(nominations).ToBeHiddenAsync();
        await NoSidewaysScrollingAsync(page);

        // The filter form works by touch: the status filter leaves only submitted nominations.
        var count = int.Parse(await page.GetByTestId("pipeline-Submitted").Locator(".count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Diajukan" });
        await Expect(page.GetByTestId("pipeline-Submitted")).ToHaveAttributeAsync("aria-current", "true");
        var statuses = page.Locator("tbody [data-testid=status]");
        await Expect(statuses).ToHaveCountAsync(count);
        await Expect(statuses).ToHaveTextAsync(Enumerable.Repeat(new System.Text.RegularExpressions.Regex("^\\s*Diajukan"), count));
        await NoSidewaysScrollingAsync(page);

        // A nomination's page fits too, and its buttons are inside the screen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bank BPD Bali" }).TapAsync();
        await Expect(page.GetByTestId("organisation")).ToHaveTextAsync("Bank BPD Bali");
        await NoSidewaysScrollingAsync(page);
        // Withdrawing is folded away in its own box, apart from the steps forwards; opened, its button and its own reason field show.
        await page.Locator("details[data-action=Withdraw] > summary").TapAsync();
        var withdraw = page.GetByRole(AriaRole.Button, new() { Name = "Tarik nominasi" });
        await withdraw.ScrollIntoViewIfNeededAsync();
        var box = await withdraw.BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X >= 0 && box.X + box.Width <= 390).ShouldBeTrue($"the button is at x={box.X}, width {box.Width}");
        // The reason field takes typing from the on-screen keyboard.
        var reason = page.GetByLabel("Alasan untuk langkah \"Tarik nominasi\"");
        await reason.TapAsync();
        await page.Keyboard.TypeAsync("Perusahaan meminta mundur.");
        await Expect(reason).ToHaveValueAsync("Perusahaan meminta mundur.");
    });

    [Fact]
    public async Task The_chair_checks_the_official_2021_document_on_the_phone() => await Ui.RunAsync(portal, output, async ui =>
    {
        var page = await ui.SignInAsync("ketua.bali@paritrana.demo", Phone);

        // The frozen finalist report of the 2021 plenary (docs/decisions/011) fits the phone.
        await page.GotoAsync("/Reports/Finalists?cycle=2021");
        await Expect(page.GetByTestId("document-number")).ToHaveTextAsync("Nomor dokumen: PRT-2021-51-001 (versi 1)");
        await NoSidewaysScrollingAsync(page);

        // Its number typed into the verification form says that it is genuine and in force.
        await page.GotoAsync("/Reports/Verify");
        await page.GetByLabel("Nomor dokumen").FillAsync("PRT-2021-51-001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa" }).TapAsync();
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Dokumen ini asli dan masih berlaku.");
        await Expect(page.GetByTestId("number")).ToHaveTextAsync("PRT-2021-51-001");
        await NoSidewaysScrollingAsync(page);
    });

    [Fact]
    public async Task The_branch_officer_reads_their_work_list_on_the_phone_and_follows_it_to_the_queue() => await Ui.RunAsync(portal, output, async ui =>
    {
        var page = await ui.SignInAsync("cabang.denpasar@paritrana.demo", Phone);

        // The home page is the work list: one line per kind of work, a list rather than a table.
        var line = page.Locator("[data-testid=work-line][data-id=awaiting-verification]");
        await Expect(line).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=work] table")).ToHaveCountAsync(0);
        await NoSidewaysScrollingAsync(page);
        var count = int.Parse(await line.GetByTestId("work-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0);

        // Its link opens the queue, which lists as many nominations as the line counted.
        await line.GetByTestId("work-link").TapAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Verification$"));
        await Expect(page.GetByTestId("queue-item")).ToHaveCountAsync(count);
        await NoSidewaysScrollingAsync(page);
    });

    // Every GET page of the access matrix is checked at 390 px for each role by PageSweepTests (which
    // replaced this class's list of pages); the tests here check what a phone user does on them.
    private static Task NoSidewaysScrollingAsync(IPage page) => Screens.NoSidewaysScrollingAsync(page, Phone.ViewportSize!.Width);
}
