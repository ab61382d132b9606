using Microsoft.AspNetCore.Localization;

namespace Paritrana.Web.Infrastructure;

/// <summary>The interface language chosen by the user, kept in a cookie for a year.</summary>
public static class LanguageCookie
{
    public const string Name = "Paritrana.Language";

    public static void Write(HttpResponse response, string uiCulture, bool secure)
    {
        var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(PortalServices.FormatsFor(uiCulture).Name, uiCulture));
        response.Cookies.Append(Name, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = secure,
            Path = "/",
        });
    }
}
