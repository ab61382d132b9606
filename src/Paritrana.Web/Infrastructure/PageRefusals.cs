namespace Paritrana.Web.Infrastructure;

/// <summary>The first steps of a POST handler that changes a record it has just loaded in the user's scope.</summary>
public static class PageRefusals
{
    /// <summary>
    /// 404 when the record was not found in the user's scope; the page with <paramref name="refusal"/>
    /// as the form's error when the record can no longer change; null to go on.
    /// </summary>
    public static IActionResult? NotFoundOrRefused(this PageModel page, bool found, string? refusal)
    {
        if (!found)
        {
            return page.NotFound();
        }

        if (refusal is not null)
        {
            page.ModelState.AddModelError("", refusal);
            return page.Page();
        }

        return null;
    }
}
