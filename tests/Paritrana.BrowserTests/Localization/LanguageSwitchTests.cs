using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Localization;

/// <summary>
/// The interface speaks Indonesian by default and English after one click; dates and numbers follow
/// the language (docs/architecture.md, ADR 005, 037 and 040).
/// </summary>
public class LanguageSwitchTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Indonesian_by_default_English_after_the_switch_with_English_numbers_and_dates_then_back() => await Ui.RunAsync(portal, output, async ui =>
    {
        // Bank BPD Bali's imported figures are as of the end of the year the demo's current cycle assesses.
        var year = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT year FROM award_cycles WHERE is_current");
        var asOf = $"31 Des {year - 1}";

        // The browser asks for English first: the portal still starts in Indonesian.
        var page = await ui.SignInAsync("anggota.bali@paritrana.demo", new BrowserNewContextOptions { Locale = "en-US" });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nominasi", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bank BPD Bali" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Angka cakupan" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Diajukan");
        await Expect(page.GetByTestId("as-of")).ToHaveTextAsync(asOf);
        await Expect(page.GetByTestId("workers")).ToHaveTextAsync("2.150");
        await Expect(page.GetByTestId("coverage").First).ToHaveTextAsync("100,00 %");
        var when = await page.GetByTestId("status-change").GetByTestId("when").TextContentAsync();
        when.ShouldNotBeNullOrWhiteSpace();
        var url = page.Url;

        // Switched on the same page: English texts, month names and figures.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        page.Url.ShouldBe(url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coverage figures" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nominations", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Submitted");
        await Expect(page.GetByTestId("as-of")).ToHaveTextAsync($"31 Dec {year - 1}");
        await Expect(page.GetByTestId("workers")).ToHaveTextAsync("2,150");
        await Expect(page.GetByTestId("coverage").First).ToHaveTextAsync("100.00 %");
        await Expect(page.GetByTestId("status-change").GetByTestId("when")).ToHaveTextAsync(InEnglish(when!));

        // The choice is remembered on the next page, and switched back the same way.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nominations", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("create-nomination")).ToHaveTextAsync("New nomination");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.GetByTestId("create-nomination")).ToHaveTextAsync("Nominasi baru");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();
    });

    /// <summary>An id-ID date in English: the short month names that differ, and the time separator ("09.30" → "09:30").</summary>
    private static string InEnglish(string idDate)
    {
        var english = System.Text.RegularExpressions.Regex.Replace(idDate, @"\b(Mei|Agu|Okt|Des)\b", m => m.Value switch
        {
            "Mei" => "May",
            "Agu" => "Aug",
            "Okt" => "Oct",
            _ => "Dec",
        });
        return System.Text.RegularExpressions.Regex.Replace(english, @"(\d{2})\.(\d{2})", "$1:$2");
    }
}
