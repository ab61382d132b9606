using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Reports;

/// <summary>The print preview of a report (its own HTML page, outside the layout) asks the server for nothing that is not there, its icon included.</summary>
public class ReportPreviewTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task The_finalist_report_preview_requests_no_missing_file() => await Ui.RunAsync(portal, output, async ui =>
    {
        var chair = await ui.SignInAsync("ketua.bali@paritrana.demo");
        var failed = new List<string>();
        chair.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (failed)
                {
                    failed.Add($"{response.Status} {response.Url}");
                }
            }
        };

        await chair.GotoAsync("/Reports/Finalists?cycle=2021", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(chair.GetByTestId("pdf-link")).ToBeVisibleAsync();
        // The icon is asked for after the page has loaded: wait until the page's icon request has been answered.
        await chair.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (failed)
        {
            failed.ShouldBeEmpty();
        }

        // Headless Chromium asks for no icon, but every other browser asks for /favicon.ico unless the
        // page names its icon, and the portal has none there: the preview names one that exists, and
        // every file it links answers (seen failing with the icon link removed: the check above alone
        // passed then).
        (await chair.Locator("link[rel=icon]").CountAsync()).ShouldBe(1);
        var linked = await chair.EvaluateAsync<string[]>("() => [...document.querySelectorAll('link[href], script[src], img[src]')].map(e => e.href || e.src)");
        linked.ShouldNotBeEmpty();
        foreach (var url in linked)
        {
            var response = await chair.APIRequest.GetAsync(url);
            response.Status.ShouldBe(200, url);
        }
    });
}
