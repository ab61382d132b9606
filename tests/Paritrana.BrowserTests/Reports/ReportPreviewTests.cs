using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Reports;

/// <summary>The print preview of a report (its own HTML page, outside the layout) asks the server for nothing that is not there.</summary>
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
    });
}
