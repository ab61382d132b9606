using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// The access-control matrix (<see cref="AccessMatrix"/>) against the running portal: it declares
/// exactly the pages and handlers the app has; every role gets exactly what it allows on every GET;
/// every POST handler is refused to the roles it denies (with a valid antiforgery token) and to
/// everyone without a token; and no GET, allowed or refused, changes the database.
/// </summary>
public class AccessMatrixTests(MatrixFixture portal) : IClassFixture<MatrixFixture>
{
    private IEnumerable<string> AppHandlers => portal.AppPages.SelectMany(p => p.Handlers.Select(h => $"{p.Page} {h}"));

    [Fact]
    public void The_matrix_declares_exactly_the_pages_and_handlers_of_the_app()
    {
        portal.AppPages.Count.ShouldBeGreaterThan(60);
        AppHandlers.ShouldContain("/Scoring/Card POST Submit");
        AppHandlers.ShouldContain("/Employers/Index GET Export");
        AccessMatrix.Pages.GroupBy(p => p.Page).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

        AccessMatrix.Differences(AccessMatrix.Pages, AppHandlers).ShouldBeEmpty();
    }

    [Fact]
    public void The_completeness_check_notices_a_forgotten_handler_a_forgotten_page_and_a_stale_entry()
    {
        var trimmed = AccessMatrix.Pages
            .Where(p => p.Page != "/About")
            .Select(p =>
            {
                var copy = new PageRules(p.Url);
                foreach (var (handler, who) in p.Handlers.Where(h => !(p.Page == "/Scoring/Card" && h.Key == "POST Submit")))
                {
                    copy.Add(handler, who);
                }

                return copy;
            })
            .Append(new PageRules("/Scoring/Gone") { { "GET", Who.Committee } });

        AccessMatrix.Differences(trimmed, AppHandlers).ShouldBe(
        [
            "declared but not in the app: /Scoring/Gone GET",
            "not declared in the matrix: /About GET",
            "not declared in the matrix: /Scoring/Card POST Submit",
        ]);
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_the_matrix_allows_on_every_GET_and_no_GET_changes_the_database()
    {
        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var wrong = new List<string>();
        var checkedCount = 0;
        var denied = 0;
        foreach (var (role, email) in AccessMatrix.Accounts)
        {
            var client = await portal.ClientAsync(email);
            foreach (var page in AccessMatrix.Pages)
            {
                foreach (var (handler, allowed) in page.Handlers.Where(h => h.Key.StartsWith("GET", StringComparison.Ordinal)))
                {
                    var url = MatrixFixture.WithHandler(MatrixFixture.Resolve(page.Url, portal.Denpasar), handler);
                    using var response = await client.GetAsync(url);
                    checkedCount++;
                    var expected = Expected(role, allowed, $"{page.Page} {handler}");
                    denied += expected == AccessDenied ? 1 : 0;
                    var actual = MatrixFixture.Answer(response);
                    if (actual != expected)
                    {
                        wrong.Add($"{role} GET {url}: expected {expected}, got {actual}");
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
        checkedCount.ShouldBe(AccessMatrix.Roles.Count() * AppHandlers.Count(h => h.Contains(" GET", StringComparison.Ordinal)));
        (await portal.FingerprintAsync()).ShouldBe(before);
        // Each refusal of a signed-in role is audited where it happens (intended); nothing else is written.
        (await portal.AuditActionsSinceAsync(audit)).ShouldBe(Enumerable.Repeat(AuditActions.AccessRefused, denied));
    }

    [Fact]
    public async Task A_role_the_matrix_denies_is_refused_every_POST_handler_even_with_a_valid_token_and_nothing_changes()
    {
        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var wrong = new List<string>();
        var refusals = 0;
        var denied = 0;
        foreach (var (role, email) in AccessMatrix.Accounts)
        {
            var client = await portal.ClientAsync(email);
            var token = await MatrixFixture.TokenAsync(client, signedIn: email is not null);
            foreach (var page in AccessMatrix.Pages)
            {
                foreach (var (handler, allowed) in page.Handlers.Where(h => h.Key.StartsWith("POST", StringComparison.Ordinal) && !h.Value.HasFlag(role)))
                {
                    var url = MatrixFixture.WithHandler(MatrixFixture.Resolve(page.Url, portal.Denpasar), handler);
                    using var response = await client.PostFieldsAsync(url, [new("__RequestVerificationToken", token)]);
                    refusals++;
                    var expected = Expected(role, allowed, $"{page.Page} {handler}");
                    denied += expected == AccessDenied ? 1 : 0;
                    var actual = MatrixFixture.Answer(response);
                    if (actual != expected)
                    {
                        wrong.Add($"{role} POST {url}: expected {expected}, got {actual}");
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
        refusals.ShouldBeGreaterThan(150);
        (await portal.FingerprintAsync()).ShouldBe(before);
        // The refusals of signed-in roles are audited (anonymous visitors are sent to the login page); nothing else.
        denied.ShouldBeGreaterThan(100);
        (await portal.AuditActionsSinceAsync(audit)).ShouldBe(Enumerable.Repeat(AuditActions.AccessRefused, denied));
    }

    [Fact]
    public async Task Every_POST_without_an_antiforgery_token_is_answered_400_and_changes_nothing()
    {
        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var wrong = new List<string>();
        var posts = 0;
        foreach (var page in AccessMatrix.Pages.Where(p => !AccessMatrix.AntiforgeryExempt.Contains(p.Page)))
        {
            // Every declared POST handler, and a POST without a handler on every page (Razor Pages
            // renders a page without an OnPost for it, after the antiforgery check).
            var posted = page.Handlers.Where(h => h.Key.StartsWith("POST", StringComparison.Ordinal)).ToList();
            if (!page.Handlers.ContainsKey("POST"))
            {
                posted.Add(new("POST", page.Handlers["GET"]));
            }

            foreach (var (handler, allowed) in posted)
            {
                // Signed in as a role allowed to use the handler, so that only the token is missing.
                var role = AccessMatrix.Roles.First(r => allowed.HasFlag(r));
                var client = await portal.ClientAsync(AccessMatrix.Accounts[role]);
                var url = MatrixFixture.WithHandler(MatrixFixture.Resolve(page.Url, portal.Denpasar), handler);
                using var response = await client.PostFieldsAsync(url, [new("Input.Reason", "tanpa token")]);
                posts++;
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    wrong.Add($"{role} POST {url} without a token answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        wrong.ShouldBeEmpty();
        posts.ShouldBeGreaterThan(AccessMatrix.Pages.Count);
        (await portal.FingerprintAsync()).ShouldBe(before);
        (await portal.AuditActionsSinceAsync(audit)).ShouldBeEmpty();
    }

    [Fact]
    public void Antiforgery_is_validated_on_every_page_but_the_error_page()
    {
        var mvc = portal.Factory.Services.GetRequiredService<IOptions<MvcOptions>>().Value;
        mvc.Filters.OfType<AutoValidateAntiforgeryTokenAttribute>().Count().ShouldBe(1);

        var ignoring = portal.AppPages
            .Where(p => p.Descriptor.EndpointMetadata.OfType<IgnoreAntiforgeryTokenAttribute>().Any()
                        || p.Descriptor.FilterDescriptors.Any(f => f.Filter is IgnoreAntiforgeryTokenAttribute)
                        || p.Descriptor.HandlerMethods.Any(h => h.MethodInfo.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true)))
            .Select(p => p.Page)
            .ToList();

        ignoring.ShouldBe(AccessMatrix.AntiforgeryExempt.ToList());
        // A page could also opt out through the metadata of minimal APIs; none does.
        portal.AppPages.Where(p => p.Descriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>().Any(m => !m.RequiresValidation))
            .Select(p => p.Page).ShouldBeEmpty();
    }

    /// <summary>What a role should get: the documented answer, 200, or the refusal of its kind.</summary>
    private const string AccessDenied = "302 /Account/AccessDenied";

    private static string Expected(Who role, Who allowed, string key)
    {
        if (!allowed.HasFlag(role))
        {
            return role == Who.Anonymous ? "302 /Account/Login" : AccessDenied;
        }

        return AccessMatrix.DocumentedAnswers.TryGetValue(key, out var documented) && documented.For.HasFlag(role)
            ? documented.Location is null ? $"{documented.Status}" : $"{documented.Status} {documented.Location}"
            : "200";
    }
}
