using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Lets an upload page receive a file up to <see cref="ImportOptions.MaxFileBytes"/> (plus room for
/// the form around it) instead of Kestrel's 30 MB default. It is an authorization filter ordered
/// before the antiforgery check, because that check reads the form (and so the body) first.
/// A slightly larger file still arrives, and the page refuses it with its own message.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the multipart headers and the other fields of the form.</summary>
    public const long FormOverhead = 1024 * 1024;

    // Antiforgery's filter has order 1000; the framework's RequestSizeLimit uses 900 for the same reason.
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            return;
        }

        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + FormOverhead;
        var feature = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        // The form reader's own limit for one multipart section (default 128 MB) must not be the smaller one.
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
