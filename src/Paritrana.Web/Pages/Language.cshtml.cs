namespace Paritrana.Web.Pages;

/// <summary>Switches the interface language (Indonesian or English); numbers and dates stay id-ID.</summary>
[AllowAnonymous] // the login page offers the switch too
public class LanguageModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        var uiCulture = language == "en" ? PortalServices.English.Name : PortalServices.Indonesian.Name;
        LanguageCookie.Write(Response, uiCulture, Request.IsHttps);
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
