using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Paritrana.Domain.Input;

namespace Paritrana.Web.Infrastructure.Input;

/// <summary>
/// The second check of text from outside (docs/decisions/013), for every form posted to every page:
/// when a field has refused text (found in the raw bytes by <see cref="IRawFormCheck"/>, or in the
/// decoded values: NUL, other C0 controls, lone surrogates), the page's POST handler does not run at
/// all. The page's GET handler runs in its place, on the form without the refused fields (so that
/// none of them can stand in for a route value either), and the page comes back with what was typed
/// in the other fields, the message beside each refused field, one at the top of the page (the
/// layout's status message, so that every page shows it), and status 400. Nothing the POST would have saved can be saved, whatever the page does.
/// </summary>
public sealed class UntrustedFormFilter(IStringLocalizer<SharedResource> l, ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    private sealed record Refused(IReadOnlyList<string> Fields);

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Not a readable form (the error page re-executed for it): nothing to check, nothing to bind.
            return;
        }

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

        var refused = fields.Distinct(StringComparer.Ordinal).ToList();
        http.Features.Set(new Refused(refused));
        var kept = form.Where(f => UntrustedText.IsAcceptable(f.Key) && !refused.Contains(f.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(kept, form.Files)));
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
                // Only this message: not also "required", which the field's absence from the form would add.
                modelState.Remove(field);
                modelState.AddModelError(field, l[InputTexts.FieldMessage]);
            }

            var messages = tempData.GetTempData(context.HttpContext);
            messages["StatusMessage"] = l[InputTexts.FormMessage].Value;
            messages["StatusIsError"] = true;
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await next();
    }
}
