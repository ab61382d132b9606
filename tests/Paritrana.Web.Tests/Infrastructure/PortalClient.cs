using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// Drives the portal as a browser does: reads pages, fills in their forms (with the antiforgery
/// token the form carries) and posts them. Redirects are returned, not followed, so tests can
/// assert where they lead; <see cref="FollowAsync"/> follows one.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public const string DemoPassword = "Demo-Paritrana-2026";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} (Location: {response.Headers.Location}).\n{Excerpt(body)}");
        }

        return await ParseAsync(body);
    }

    public static async Task<IHtmlDocument> ParseAsync(string html) => await Parser.ParseDocumentAsync(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads <paramref name="url"/>, takes the form matched by <paramref name="formSelector"/>, sets
    /// the given fields (others keep their values, as a browser would send them) and submits it.
    /// For repeated fields (several checkboxes of one name) use <see cref="SubmitFormFieldsAsync"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string url, string formSelector, IDictionary<string, string> values, string? submitterSelector = null)
    {
        var page = await GetPageAsync(url);
        return await SubmitFormAsync(page, url, formSelector, values, submitterSelector);
    }

    public async Task<HttpResponseMessage> SubmitFormAsync(IHtmlDocument page, string pageUrl, string formSelector, IDictionary<string, string> values, string? submitterSelector = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var fields = ReadForm(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        if (submitterSelector is not null)
        {
            var submitter = form.QuerySelector(submitterSelector) ?? page.QuerySelector(submitterSelector)
                ?? throw new InvalidOperationException($"No submit button '{submitterSelector}'.");
            if (submitter.GetAttribute("name") is { Length: > 0 } n)
            {
                fields.Add(new(n, submitter.GetAttribute("value") ?? ""));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        if (submitterSelector is not null && (form.QuerySelector(submitterSelector) ?? page.QuerySelector(submitterSelector))?.GetAttribute("formaction") is { Length: > 0 } fa)
        {
            action = fa;
        }

        return await PostFieldsAsync(action, fields);
    }

    /// <summary>
    /// Submits a form whose fields named in <paramref name="values"/> are replaced by exactly those
    /// values (a name may repeat, as checked checkboxes do); other fields keep their values.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormFieldsAsync(IHtmlDocument page, string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var given = values.ToList();
        var names = given.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var fields = ReadForm(form).Where(f => !names.Contains(f.Key)).Concat(given).ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await PostFieldsAsync(action, fields);
    }

    /// <summary>Posts raw fields (the caller includes the antiforgery token).</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(WebUtility.HtmlDecode(url), UriKind.Relative), content);
    }

    /// <summary>The fields a browser would submit for this form, including the antiforgery token.</summary>
    public static List<KeyValuePair<string, string>> ReadForm(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name!, input.Value));
                        }
                    }
                    else if (input.Type is not ("submit" or "button" or "file" or "image" or "reset"))
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    foreach (var option in select.SelectedOptions)
                    {
                        fields.Add(new(select.Name!, option.Value));
                    }

                    if (select.SelectedOptions.Length == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        fields.Add(new(select.Name!, select.Options[0]!.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        return fields;
    }

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location ?? throw new InvalidOperationException($"Not a redirect: {(int)redirect.StatusCode}.");
        return await Http.GetAsync(location);
    }

    /// <summary>Signs in through the login form; returns the response (302 on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password = DemoPassword) =>
        await SubmitFormAsync("/Account/Login", "form[method=post]:not(.language-switch)", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in and fails the test unless it succeeded.</summary>
    public async Task<PortalClient> SignedInAsAsync(string email, string password = DemoPassword)
    {
        using var response = await SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}\n{Excerpt(await response.Content.ReadAsStringAsync())}");
        }

        return this;
    }

    public static string Text(IElement? element) => element is null ? "" : Normalize(element.TextContent);

    public static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Excerpt(string body)
    {
        var doc = Parser.ParseDocument(body);
        var main = doc.QuerySelector("main") ?? doc.Body;
        var text = Normalize(main?.TextContent ?? body);
        return text.Length > 1500 ? text[..1500] : text;
    }

    public void Dispose() => Http.Dispose();
}
