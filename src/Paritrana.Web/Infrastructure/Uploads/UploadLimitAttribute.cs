using Microsoft.AspNetCore.Mvc.Filters;

namespace Paritrana.Web.Infrastructure.Uploads;

/// <summary>
/// Marks an upload page: its multipart form is read by <see cref="UploadForm"/> with the page's file
/// limit (<see cref="MaxFileBytes"/>). It is an authorization filter ordered before the antiforgery
/// check (order 1000), because that check reads the form, and so the body, first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class UploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // The framework's RequestSizeLimit uses 900 for the same reason.
    public int Order => 900;

    /// <summary>The largest file the page accepts, from its settings.</summary>
    protected abstract long MaxFileBytes(IServiceProvider services);

    public Task OnAuthorizationAsync(AuthorizationFilterContext context) =>
        UploadForm.ReadAsync(context.HttpContext, MaxFileBytes(context.HttpContext.RequestServices));
}
