using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>Signing out is a POST (with antiforgery) from the account menu; GET only shows a button.</summary>
public class LogoutModel(SignInManager<PortalUser> signIn, CurrentUser me, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = me.Id;
        var email = me.Email;
        await signIn.SignOutAsync();
        await audit.RecordNowAsync(AuditActions.SignOut, id, email);
        TempData["StatusMessage"] = l["Anda telah keluar."].Value;
        return RedirectToPage("/Account/Login");
    }
}
