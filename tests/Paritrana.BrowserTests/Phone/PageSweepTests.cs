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
/// one context per role, the pages in sequence. Every role checks the width of every page it may open;
/// axe-core, which takes most of the time, checks each page once, as the first role of
/// <see cref="AxeOrder"/> that may open it (the fullest view of the page: the chair's before the member's).
/// </summary>
public class PageSweepTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string> Roles() => new(AccessMatrix.Roles.Select(r => r.ToString()));

    /// <summary>GETs that answer a file, not a page: nothing to lay out.</summary>
    private static readonly HashSet<string> Files = new HashSet<string>(StringComparer.Ordinal) { "/FieldWork/Files/Download", "/National/DossierFile", "/Candidate/File", "/Candidate/SelfAssessment/Document", "/Nominations/SelfAssessmentDocument" };

    /// <summary>Who runs axe-core on a page: the first of these that may open it.</summary>
    public static readonly Who[] AxeOrder = [Who.Chair, Who.Administrator, Who.Member, Who.Officer, Who.Juror, Who.Candidate, Who.Anonymous];

    /// <summary>Whether <paramref name="role"/> is the one that runs axe-core on a page opened by <paramref name="openers"/>.</summary>
    public static bool RunsAxe(Who role, Who openers) => AxeOrder.First(r => openers.HasFlag(r)) == role;

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
        var axed = 0;
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

            if (!RunsAxe(role, rules.Handlers["GET"]))
            {
                continue;
            }

            axed++;
            foreach (var violation in await Screens.SeriousAccessibilityViolationsAsync(page))
            {
                problems.Add($"{url}: {violation}");
            }
        }

        output.WriteLine($"{role}: {swept} pages in {clock.Elapsed.TotalSeconds:0.0} s, {axed} of them checked by axe-core");
        swept.ShouldBeGreaterThan(role == Who.Anonymous ? 5 : 10);
        problems.ShouldBeEmpty($"{role} at 390 × 844:\n{string.Join("\n", problems)}\n");
    });
}
