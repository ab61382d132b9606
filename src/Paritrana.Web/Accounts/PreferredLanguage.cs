namespace Paritrana.Web.Accounts;

/// <summary>The language a person chose on /Account/Preferences, applied at each sign-in (docs/decisions/030).</summary>
public static class PreferredLanguage
{
    /// <summary>Sets this browser's interface language: "en" English, anything else Indonesian.</summary>
    public static void Write(HttpResponse response, string language, bool secure) =>
        LanguageCookie.Write(response, language == "en" ? PortalServices.English.Name : PortalServices.Indonesian.Name, secure);

    /// <summary>At sign-in: the stored language, if any, becomes this browser's interface language.</summary>
    public static async Task ApplyAsync(HttpContext context, Guid userId)
    {
        var db = context.RequestServices.GetRequiredService<ParitranaDbContext>();
        var language = await db.UserPreferences.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Language).FirstOrDefaultAsync(context.RequestAborted);
        if (language is not null)
        {
            Write(context.Response, language, context.Request.IsHttps);
        }
    }
}
