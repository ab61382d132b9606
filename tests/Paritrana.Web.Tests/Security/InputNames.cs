using System.Collections;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// The names a page reads from a request, found two ways, so that neither a field only the markup
/// knows (Input.Scores[0].Value) nor one only the code knows (a handler's parameter) is missed:
/// from the page's bound properties and handler parameters (<see cref="Bound"/>), and from the
/// forms the page renders (<see cref="FormsFor"/>).
/// </summary>
public static class InputNames
{
    private static readonly ActionContext GetRequest = new(new DefaultHttpContext { Request = { Method = "GET" } }, new RouteData(), new ActionDescriptor());

    /// <summary>The names bound for a handler ("GET", "POST Save"): properties bound on its method, then the handler's parameters.</summary>
    public static IEnumerable<string> Bound(CompiledPageActionDescriptor page, string handler)
    {
        var (method, name) = handler.Split(' ') is [var m, var n] ? (m, n) : (handler, null);
        var isGet = method == "GET";
        foreach (var property in page.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            if (isGet && property.BindingInfo?.RequestPredicate?.Invoke(GetRequest) == false)
            {
                continue;
            }

            foreach (var bound in Expand(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, depth: 0))
            {
                yield return bound;
            }
        }

        foreach (var method2 in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && h.Name == name))
        {
            foreach (var parameter in method2.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)))
            {
                foreach (var bound in Expand(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, depth: 0))
                {
                    yield return bound;
                }
            }
        }
    }

    /// <summary>A simple value or a collection of them: its name; an object: the names of its properties (two levels).</summary>
    private static IEnumerable<string> Expand(string name, Type type, int depth)
    {
        if (IsSimple(type) || type == typeof(IFormFile) || (typeof(IEnumerable).IsAssignableFrom(type) && ElementType(type) is { } element && IsSimple(element)))
        {
            yield return name;
            yield break;
        }

        if (depth >= 2 || typeof(IEnumerable).IsAssignableFrom(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            foreach (var inner in Expand($"{name}.{property.Name}", property.PropertyType, depth + 1))
            {
                yield return inner;
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
               || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(TimeSpan);
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>
    /// The forms of <paramref name="html"/> that submit to <paramref name="page"/>'s handler (by their
    /// action or a submit button's formaction), each with the submitter to press (null: the form's own action).
    /// </summary>
    public static List<(IHtmlFormElement Form, IElement? Submitter)> FormsFor(IHtmlDocument html, string page, string pageUrl, string handler)
    {
        var (method, name) = handler.Split(' ') is [var m, var n] ? (m, n) : (handler, null);
        var found = new List<(IHtmlFormElement, IElement?)>();
        foreach (var form in html.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            if (!string.Equals(form.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            var submitters = form.QuerySelectorAll("button[formaction], input[type=submit][formaction]").ToList();
            if (Targets(action, page, name))
            {
                found.Add((form, null));
            }

            found.AddRange(submitters.Where(s => Targets(s.GetAttribute("formaction")!, page, name)).Select(s => (form, (IElement?)s)));
        }

        return found;
    }

    /// <summary>True when <paramref name="url"/> goes to <paramref name="page"/> (/X/Index is /X too) with the handler <paramref name="name"/>.</summary>
    public static bool Targets(string url, string page, string? name)
    {
        var parts = url.Split('?', 2);
        var path = parts[0].TrimEnd('/');
        var query = parts.Length > 1 ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(parts[1]) : [];
        var handler = query.TryGetValue("handler", out var h) ? h.ToString() : null;
        var index = page.EndsWith("/Index", StringComparison.Ordinal) ? page[..^"/Index".Length] : null;
        var samePage = path.Equals(page, StringComparison.OrdinalIgnoreCase) || path.StartsWith(page + "/", StringComparison.OrdinalIgnoreCase)
                       || (index is not null && (path.Equals(index, StringComparison.OrdinalIgnoreCase) || (index.Length == 0 && path.Length == 0)));
        return samePage && string.Equals(handler, name, StringComparison.OrdinalIgnoreCase);
    }
}
