namespace Paritrana.Web.Infrastructure;

/// <summary>The status line of the next page (the layout shows <c>TempData["StatusMessage"]</c>, red when <c>StatusIsError</c>).</summary>
public static class StatusMessages
{
    /// <summary>Redirects (post/redirect/get) to <paramref name="pageName"/> (this page when null) with the message for its status line.</summary>
    public static RedirectToPageResult RedirectWithMessage(this PageModel page, string message, object? routeValues, bool isError = false, string? pageName = null)
    {
        page.TempData["StatusMessage"] = message;
        if (isError)
        {
            page.TempData["StatusIsError"] = true;
        }

        return page.RedirectToPage(pageName, routeValues);
    }
}
