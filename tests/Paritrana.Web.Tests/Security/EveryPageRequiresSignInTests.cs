using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// Enumerates every page of the app from its endpoint data source (so a new page cannot be
/// forgotten) and checks that an anonymous visitor is sent to the login page from all of them,
/// except the few declared here, and that none of them changes state on GET.
/// </summary>
public partial class EveryPageRequiresSignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>The only pages a visitor may open without signing in.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Error", "/Language",
    };

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    private List<string> PageRoutes()
    {
        var sources = portal.Factory.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                        || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Select(r => RouteParameter().Replace(r, m => m.Groups[1].Value.Contains("code", StringComparison.OrdinalIgnoreCase) ? "51" : "1"))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task Every_page_but_the_declared_ones_sends_an_anonymous_visitor_to_the_login_page()
    {
        var routes = PageRoutes();
        routes.Count.ShouldBeGreaterThan(50);
        routes.ShouldContain("/Nominations/Details/1");

        var wrong = new List<string>();
        using var client = portal.Factory.CreatePortalClient();
        foreach (var route in routes)
        {
            using var response = await client.GetAsync(route);
            var anonymous = Anonymous.Contains(route);
            var toLogin = response.StatusCode == HttpStatusCode.Redirect
                          && response.Headers.Location!.AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase);
            if (!anonymous && !toLogin)
            {
                wrong.Add($"{route} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            if (anonymous && toLogin)
            {
                wrong.Add($"{route} should be open to visitors but redirected to the login page");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Signed_in_gets_of_every_page_change_nothing_in_the_database()
    {
        const string Fingerprint = """
            SELECT (SELECT count(*) FROM nominations) || '/' || (SELECT count(*) FROM status_changes) || '/' ||
                   (SELECT count(*) FROM organisations) || '/' || (SELECT count(*) FROM visits) || '/' ||
                   (SELECT count(*) FROM coaching_items) || '/' || (SELECT count(*) FROM scorecards) || '/' ||
                   (SELECT count(*) FROM criteria_sets) || '/' || (SELECT count(*) FROM scoring_rounds) || '/' ||
                   (SELECT count(*) FROM award_cycles) || '/' || (SELECT count(*) FROM categories) || '/' ||
                   (SELECT count(*) FROM plenaries) || '/' || (SELECT count(*) FROM import_batches) || '/' ||
                   (SELECT coalesce(sum(xmin::text::bigint), 0) FROM nominations)
            """;
        var before = await TestDatabase.ScalarAsync<string>(portal.Database, Fingerprint);
        foreach (var email in new[] { "admin@paritrana.demo", "ketua.bali@paritrana.demo", "cabang.denpasar@paritrana.demo" })
        {
            using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);
            foreach (var route in PageRoutes().Where(r => !r.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)))
            {
                using var response = await client.GetAsync(route);
                ((int)response.StatusCode).ShouldBeLessThan(500, $"{email} GET {route}");
            }
        }

        (await TestDatabase.ScalarAsync<string>(portal.Database, Fingerprint)).ShouldBe(before);
    }
}
