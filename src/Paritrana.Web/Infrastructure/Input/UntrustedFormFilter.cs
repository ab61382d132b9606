using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using Paritrana.Domain.Input;

namespace Paritrana.Web.Infrastructure.Input;

/// <summary>
/// The second check of text from outside (docs/decisions/013), for every form posted to every page:
/// when a field has refused text (found in the raw bytes by <see cref="IRawFormCheck"/>, or in the
/// decoded values: NUL, other C0 controls, lone surrogates), the page's POST handler does not run at
/// all. The page's GET handler runs in its place, so the form comes back as the page shows it, with
/// what was typed (less the refused characters), the message beside each such field and one above
/// the form, and status 400. Nothing the POST would have saved can be saved, whatever the page does.
/// </summary>
public sealed class UntrustedFormFilter(IStringLocalizer<SharedResource> l) : IAsyncPageFilter
{
    private sealed record Refused(IReadOnlyList<string> Fields, IFormCollection Form);

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var fields = new List<string>(http.Features.Get<IRawFormCheck>()?.RefusedFields() ?? []);
        foreach (var (key, values) in form)
        {
            if (!UntrustedText.IsAcceptable(key))
            {
                fields.Add("");
            }
            else if (values.Any(v => !UntrustedText.IsAcceptable(v)))
            {
                fields.Add(key);
            }
        }

        fields.AddRange(form.Files.Where(f => !UntrustedText.IsAcceptable(f.Name)).Select(_ => ""));
        if (fields.Count == 0)
        {
            return;
        }

        http.Features.Set(new Refused(fields.Distinct(StringComparer.Ordinal).ToList(), form));
        // The page as its GET shows it (a page without a GET handler renders without one).
        context.HandlerMethod = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && h.Name is null);
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<Refused>() is { } refused)
        {
            var modelState = context.ModelState;
            foreach (var field in refused.Fields.Where(f => f.Length > 0))
            {
                // What the author typed, less the refused characters, shown back beside the message.
                var kept = new StringValues(refused.Form[field].Select(v => UntrustedText.WithoutRefused(v ?? "")).ToArray());
                modelState.Remove(field);
                modelState.SetModelValue(field, new ValueProviderResult(kept));
                modelState.AddModelError(field, l[InputTexts.FieldMessage]);
            }

            modelState.AddModelError("", l[InputTexts.FormMessage]);
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await next();
    }
}
