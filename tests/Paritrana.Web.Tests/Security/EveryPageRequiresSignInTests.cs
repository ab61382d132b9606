using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// Enumerates every page of the app from its endpoint data source (so a new page cannot be
/// forgotten) and checks that an anonymous visitor is sent to the login page from all of them,
/// except the few declared here, even for ids of records that do not exist (sign-in comes before
/// any lookup). That no GET changes state, for every role and every GET handler, is checked by
/// <see cref="AccessMatrixTests"/>.
/// </summary>
public partial class EveryPageRequiresSignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>The only pages a visitor may open without signing in.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Error", "/Language",
        // Someone who forgot their password cannot sign in; the reset page's proof is the mailed token (decisions/028).
        "/Account/ForgotPassword", "/Account/ResetPassword",
        // The invitation's proof is the mailed token; the code steps follow the password step, whose
        // cookie their POST requires (decisions/031).
        "/Account/Invitation", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
    };

    /// <summary>
    /// The endpoints that are not pages: the health checks for load balancers and operators
    /// (docs/operations.md), open to anyone, answering only status words. No other endpoint exists.
    /// </summary>
    private static readonly string[] AnonymousEndpoints = ["/health", "/health/live", "/health/ready"];

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
    public async Task The_only_endpoints_besides_pages_are_the_declared_anonymous_health_checks()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null)
            .ToList();
        endpoints.Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).Order(StringComparer.Ordinal).ShouldBe(AnonymousEndpoints);
        endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();

        using var client = portal.Factory.CreatePortalClient();
        foreach (var path in AnonymousEndpoints)
        {
            using var response = await client.GetAsync(path);
            $"{path} {(int)response.StatusCode} {response.Headers.Location}".ShouldBe($"{path} 200 ");
            (await response.Content.ReadAsStringAsync()).ShouldStartWith("Healthy");
        }
    }
}
