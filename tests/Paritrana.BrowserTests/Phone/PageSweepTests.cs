using System.Diagnostics;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.Web.Tests.Security;
using Xunit.Abstractions;

namespace Paritrana.BrowserTests.Phone;

/// <summary>
/// Every GET page of the access matrix (<see cref="AccessMatrix.Pages"/>, so a new page is swept as
/// soon as it is declared), opened by every role that may open it, on a phone (390 × 844): no page
/// scrolls sideways, and axe-core finds no serious or critical WCAG 2.2 A/AA violation
/// (docs/decisions/037). Record ids come from the demo data (<see cref="DemoRecords"/>). One browser,
/// one context per role, the pages in sequence.
/// </summary>
public class PageSweepTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string> Roles() => new(AccessMatrix.Roles.Select(r => r.ToString()));

    /// <summary>GETs that answer a file, not a page: nothing to lay out.</summary>
    private static readonly HashSet<string> Files = new HashSet<string>(StringComparer.Ordinal) { "/FieldWork/Files/Download", "/National/DossierFile", "/Candidate/File", "/Candidate/SelfAssessment/Document", "/Nominations/SelfAssessmentDocument" };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_the_role_may_open_fits_a_phone_and_has_no_serious_accessibility_violation(string roleName) => await Ui.RunAsync(portal, output, async ui =>
    {
        var role = Enum.Parse<Who>(roleName);
        await DemoRecords.AddWhatTheDemoLacksAsync(ui);
        var missing = new List<string>();
        var records = await DemoRecords.LoadAsync(portal.Database, missing);
        missing.ShouldBeEmpty("the sweep needs a demo record for every placeholder of the matrix");

        var page = AccessMatrix.Accounts[role] is { } email
            ? await ui.SignInAsync(email, Screens.Phone())
            : await (await portal.NewContextAsync(Screens.Phone())).NewPageAsync();
        var problems = new List<string>();
        var swept = 0;
        var clock = Stopwatch.StartNew();
        // Signing out last: the other pages need the session.
        foreach (var rules in AccessMatrix.Pages
                     .Where(p => p.Handlers.TryGetValue("GET", out var who) && who.HasFlag(role) && !Files.Contains(p.Page))
                     .OrderBy(p => p.Page == "/Account/Logout"))
        {
            var url = DemoRecords.Resolve(rules.Url, records)!;
            await page.GotoAsync(url);
            swept++;
            // Where the page landed (a signed-in user on the login page is sent on to the start page).
            var landed = new Uri(page.Url).PathAndQuery;
            url = landed == url ? url : $"{url} (→ {landed})";
            if (await Screens.SidewaysScrollingAsync(page, 390) is { } scrolling)
            {
                problems.Add($"{url} {scrolling}");
            }

            foreach (var violation in await Screens.SeriousAccessibilityViolationsAsync(page))
            {
                problems.Add($"{url}: {violation}");
            }
        }

        output.WriteLine($"{role}: {swept} pages in {clock.Elapsed.TotalSeconds:0.0} s");
        swept.ShouldBeGreaterThan(role == Who.Anonymous ? 5 : 10);
        problems.ShouldBeEmpty($"{role} at 390 × 844:\n{string.Join("\n", problems)}\n");
    });
}
