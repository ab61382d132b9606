using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Web.Infrastructure.Input;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// Refused text (NUL, other C0 controls, bytes that are not UTF-8) sent to every GET parameter and
/// every POST field of every page of the access matrix, as a role allowed there: a GET answers 400
/// with the friendly page that names the problem; a POST answers 400 with the page, the message at
/// the top and beside the field; nothing is ever stored, and no request answers 500.
/// </summary>
public class UntrustedInputMatrixTests(MatrixFixture portal) : IClassFixture<MatrixFixture>
{
    /// <summary>Percent-encoded: NUL, SOH, ESC, a stray byte, an encoded surrogate, an overlong '/', a cut-off sequence.</summary>
    public static readonly string[] Refused = ["a%00b", "%01", "x%1By", "%FF", "%ED%A0%80", "%C0%AF", "ab%E2%82"];

    [Fact]
    public async Task Every_GET_parameter_with_refused_text_answers_400_with_the_friendly_page_and_nothing_changes()
    {
        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var wrong = new List<string>();
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var page in AccessMatrix.Pages)
        {
            var app = portal.AppPages.Single(p => p.Page == page.Page);
            foreach (var (handler, allowed) in page.Handlers.Where(h => h.Key.StartsWith("GET", StringComparison.Ordinal)))
            {
                var client = await portal.ClientAsync(AccessMatrix.Accounts[AccessMatrix.Roles.First(r => allowed.HasFlag(r))]);
                var url = MatrixFixture.WithHandler(MatrixFixture.Resolve(page.Url, portal.Denpasar), handler);
                var names = InputNames.Bound(app.Descriptor, handler).Append("handler").ToHashSet(StringComparer.OrdinalIgnoreCase);
                using (var response = await client.GetAsync(url))
                {
                    if (response.Content.Headers.ContentType?.MediaType == "text/html" && response.StatusCode == HttpStatusCode.OK)
                    {
                        var html = await PortalClient.ParseAsync(response);
                        names.UnionWith(html.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method == "get")
                            .SelectMany(f => PortalClient.ReadForm(f)).Select(f => f.Key));
                    }
                }

                // NUL in every parameter, and one of the other refused texts in turn (all of them are in UntrustedTextTests).
                var targets = names.SelectMany((name, i) => new[] { WithQuery(url, name, Refused[0]), WithQuery(url, name, Refused[1 + ((checkedNames.Count + i) % (Refused.Length - 1))]) })
                    .Concat(PathVariants(page.Url)).ToList();
                checkedNames.UnionWith(names.Select(n => $"{page.Page} {handler} {n}"));
                foreach (var target in targets)
                {
                    using var response = await client.GetAsync(target);
                    sent++;
                    var answer = await ErrorPageAsync(response);
                    if (answer != $"400 Permintaan tidak valid: {InputTexts.AddressMessage}")
                    {
                        wrong.Add($"GET {target}: {answer}");
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
        // Every GET handler of the matrix had names sent to it (at least "handler"), these among them.
        checkedNames.Select(n => string.Join(' ', n.Split(' ')[..^1])).Distinct()
            .ShouldBe(AccessMatrix.Pages.SelectMany(p => p.Handlers.Keys.Where(h => h.StartsWith("GET", StringComparison.Ordinal)).Select(h => $"{p.Page} {h}")), ignoreOrder: true);
        checkedNames.ShouldContain("/Employers/Index GET q");                 // the issue's case, from the filter form
        checkedNames.ShouldContain("/FieldWork/Files/Upload GET regulation"); // a handler parameter no link sets
        checkedNames.ShouldContain("/Nominations/Index GET p");               // a bound property with SupportsGet
        sent.ShouldBeGreaterThanOrEqualTo(2 * checkedNames.Count);
        (await portal.FingerprintAsync()).ShouldBe(before);
        (await portal.AuditActionsSinceAsync(audit)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_POST_field_with_refused_text_gets_the_page_back_with_the_message_and_nothing_is_stored()
    {
        var audit = await portal.LastAuditIdAsync();
        var wrong = new List<string>();
        var fieldsChecked = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        // The error page is no form: it is re-executed for failed requests and changes nothing.
        foreach (var page in AccessMatrix.Pages.Where(p => !AccessMatrix.AntiforgeryExempt.Contains(p.Page)))
        {
            var app = portal.AppPages.Single(p => p.Page == page.Page);
            foreach (var (handler, allowed) in page.Handlers.Where(h => h.Key.StartsWith("POST", StringComparison.Ordinal)))
            {
                var role = AccessMatrix.Roles.First(r => allowed.HasFlag(r));
                var client = await portal.ClientAsync(AccessMatrix.Accounts[role]);
                var pageUrl = MatrixFixture.Resolve(page.Url, portal.Denpasar);
                var (fields, multipart) = await FormOfAsync(client, page, pageUrl, handler, role);
                var names = InputNames.Bound(app.Descriptor, handler).Concat(fields.Select(f => f.Key))
                    .Where(n => n != "__RequestVerificationToken").ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (names.Count == 0)
                {
                    // A handler that reads nothing (logout, open a round) still gets a field: any field is checked.
                    names.Add("catatan");
                }

                var before = await portal.FingerprintAsync();
                var url = MatrixFixture.WithHandler(pageUrl, handler);
                var variant = 0;
                foreach (var name in names)
                {
                    foreach (var value in new[] { "a%00b", Refused[1 + (variant++ % (Refused.Length - 1))] })
                    {
                        using var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), Body(fields, name, value, multipart));
                        sent++;
                        fieldsChecked.Add($"{page.Page} {handler} {name}");
                        if (await FormAnswerAsync(response, name) is { } problem)
                        {
                            wrong.Add($"{role} POST {url} {name}={value}: {problem}");
                        }
                    }
                }

                if (!Same(before, await portal.FingerprintAsync()))
                {
                    wrong.Add($"{role} POST {url}: the database changed");
                }
            }
        }

        wrong.ShouldBeEmpty();
        fieldsChecked.Select(n => string.Join(' ', n.Split(' ')[..^1])).Distinct()
            .ShouldBe(AccessMatrix.Pages.Where(p => !AccessMatrix.AntiforgeryExempt.Contains(p.Page))
                .SelectMany(p => p.Handlers.Keys.Where(h => h.StartsWith("POST", StringComparison.Ordinal)).Select(h => $"{p.Page} {h}")), ignoreOrder: true);
        fieldsChecked.ShouldContain("/Scoring/Card POST Submit Input.Strengths");
        fieldsChecked.ShouldContain("/Nominations/Details POST Transition reason");
        sent.ShouldBe(2 * fieldsChecked.Count);
        (await portal.AuditActionsSinceAsync(audit)).ShouldBeEmpty();
    }

    /// <summary>The fields of the form that posts to the handler, as the page renders it, and whether it is multipart.</summary>
    private static async Task<(List<KeyValuePair<string, string>> Fields, bool Multipart)> FormOfAsync(
        PortalClient client, PageRules page, string pageUrl, string handler, Who role)
    {
        if (page.Handlers["GET"].HasFlag(role))
        {
            using var response = await client.GetAsync(pageUrl);
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await PortalClient.ParseAsync(response);
                if (InputNames.FormsFor(html, page.Page, pageUrl, handler) is [var (form, submitter), ..])
                {
                    var fields = PortalClient.ReadForm(form);
                    if (submitter?.GetAttribute("name") is { Length: > 0 } name)
                    {
                        fields.Add(new(name, submitter.GetAttribute("value") ?? ""));
                    }

                    return (fields, string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase));
                }
            }
        }

        return ([new("__RequestVerificationToken", await MatrixFixture.TokenAsync(client, signedIn: role != Who.Anonymous))], false);
    }

    /// <summary>The form's fields with <paramref name="name"/> set to the percent-encoded <paramref name="refused"/>, URL-encoded or multipart.</summary>
    private static HttpContent Body(List<KeyValuePair<string, string>> fields, string name, string refused, bool multipart)
    {
        var values = fields.Where(f => !f.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(f => (Key: f.Key, Bytes: Encoding.UTF8.GetBytes(f.Value)))
            .Append((Key: name, Bytes: PercentDecode(refused)))
            .ToList();
        if (multipart)
        {
            var content = new MultipartFormDataContent();
            foreach (var (key, bytes) in values)
            {
                content.Add(new ByteArrayContent(bytes), key);
            }

            return content;
        }

        var body = string.Join('&', values.Select(v => Uri.EscapeDataString(v.Key) + "=" + string.Concat(v.Bytes.Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)))));
        var form = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        form.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return form;
    }

    private static byte[] PercentDecode(string encoded)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%')
            {
                bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        return [.. bytes];
    }

    /// <summary>What is wrong with the answer to a POST with refused text in <paramref name="field"/>; null when it is right.</summary>
    private static async Task<string?> FormAnswerAsync(HttpResponseMessage response, string field)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return $"answered {(int)response.StatusCode} {response.Headers.Location}";
        }

        var html = await PortalClient.ParseAsync(response);
        var top = PortalClient.Text(html.QuerySelector("main .alert-danger"));
        if (top != InputTexts.FormMessage)
        {
            return $"no message at the top (\"{top}\"; {PortalClient.Text(html.QuerySelector("h1"))})";
        }

        var beside = html.QuerySelectorAll("[data-valmsg-for]").FirstOrDefault(e => string.Equals(e.GetAttribute("data-valmsg-for"), field, StringComparison.OrdinalIgnoreCase));
        return beside is not null && PortalClient.Text(beside) != InputTexts.FieldMessage ? $"beside the field: \"{PortalClient.Text(beside)}\"" : null;
    }

    /// <summary>"400 Title: message" of an error page, or the status and location of another answer.</summary>
    private static async Task<string> ErrorPageAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Headers.Location}";
        }

        var html = await PortalClient.ParseAsync(response);
        return $"{(int)response.StatusCode} {PortalClient.Text(html.QuerySelector("main h1"))}: {PortalClient.Text(html.QuerySelector("main p.lead"))}";
    }

    /// <summary>The URL with the query parameter <paramref name="name"/> set to the raw (already encoded) <paramref name="value"/>.</summary>
    private static string WithQuery(string url, string name, string value)
    {
        var parts = url.Split('?', 2);
        var kept = parts.Length > 1
            ? parts[1].Split('&').Where(p => !Uri.UnescapeDataString(p.Split('=')[0]).Equals(name, StringComparison.OrdinalIgnoreCase))
            : [];
        return parts[0] + "?" + string.Join('&', kept.Append(Uri.EscapeDataString(name) + "=" + value));
    }

    /// <summary>
    /// The URL with every record in its path replaced by control characters (the query keeps its
    /// records). Not NUL: the test client refuses to send it, as Kestrel refuses to receive it (400).
    /// </summary>
    private IEnumerable<string> PathVariants(string template)
    {
        var path = template.Split('?', 2)[0];
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return [];
        }

        var query = template.Contains('?', StringComparison.Ordinal) ? "?" + MatrixFixture.Resolve(template.Split('?', 2)[1], portal.Denpasar) : "";
        return Refused.Skip(1).Take(2).Select(value => MatrixFixture.Resolve(path, portal.Denpasar.ToDictionary(r => r.Key, _ => value)) + query);
    }

    private static bool Same(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Count == after.Count && before.All(kv => after.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
