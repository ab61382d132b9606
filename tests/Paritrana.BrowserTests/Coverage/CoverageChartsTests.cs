using Paritrana.BrowserTests.Infrastructure;
using Paritrana.BrowserTests.Phone;
using Paritrana.Web.Features.Participation;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Coverage;

/// <summary>
/// The coverage pages' charts are drawn (issue 16): every canvas has pixels painted by Chart.js, under
/// the portal's Content-Security-Policy, with no script error or CSP violation in the console, on a
/// laptop and at 390 px.
/// </summary>
public class CoverageChartsTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private async Task SeedAsync()
    {
        await TestDatabase.ExecuteAsync("""
            DELETE FROM regional_figures WHERE regency_code LIKE '51.%';
            INSERT INTO regional_figures (regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu, active_employers, aware_villages, recorded_at) VALUES
              ('51.71', '2022-12-01', 290000, 210000, 150000, 30000, 8000, 2, now()),
              ('51.71', '2023-12-01', 300000, 200000, 180000, 40000, 9000, 4, now()),
              ('51.03', '2022-12-01', 190000, 110000, 110000, 15000, 5000, NULL, now()),
              ('51.03', '2023-12-01', 200000, 100000, 130000, 20000, 6000, NULL, now()),
              ('51.04', '2023-12-01', 100000, 150000, 40000, 20000, 2000, 3, now());
            """, portal.Database);
        CoverageReports.Forget(portal.Factory.Services);
    }

    private static readonly string[] ProvinceCharts = ["trend", "regencies", "sizes"];
    private static readonly string[] NationalCharts = ["trend", "provinces", "sizes"];

    public static TheoryData<string> Screens_ => ["laptop", "phone"];

    [Theory]
    [MemberData(nameof(Screens_))]
    public async Task The_province_and_national_charts_are_drawn_without_a_script_error(string screen) => await Ui.RunAsync(portal, output, async ui =>
    {
        await SeedAsync();
        var options = screen == "phone" ? Screens.Phone() : Screens.Laptop();
        foreach (var (email, url, charts) in new[]
                 {
                     ("anggota.bali@paritrana.demo", "/Participation/Province/51", ProvinceCharts),
                     ("admin@paritrana.demo", "/Participation/National", NationalCharts),
                 })
        {
            var page = await ui.SignInAsync(email, options);
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);

            await page.GotoAsync(url);
            await Expect(page.Locator("canvas[data-chart]")).ToHaveCountAsync(charts.Length);
            foreach (var chart in charts)
            {
                var canvas = page.Locator($"canvas[data-chart={chart}]");
                await canvas.ScrollIntoViewIfNeededAsync();
                // Chart.js is attached (Chart.getChart) and has painted: some pixel is not transparent.
                var painted = await canvas.EvaluateAsync<int>("""
                    c => {
                        if (!window.Chart || !Chart.getChart(c) || c.width === 0 || c.height === 0) return -1;
                        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                        let n = 0;
                        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
                        return n;
                    }
                    """);
                painted.ShouldBeGreaterThan(100, $"{url} {chart} on the {screen}");
            }

            if (url.EndsWith("National", StringComparison.Ordinal))
            {
                await Expect(page.GetByTestId("tile")).ToHaveCountAsync(38);
                await Expect(page.Locator("[data-testid=tile][data-code='51']")).ToHaveAttributeAsync("data-band", "4");
            }

            (await Screens.SidewaysScrollingAsync(page, options.ViewportSize!.Width)).ShouldBeNull();
            errors.ShouldBeEmpty();
        }
    });
}
