using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>What every successful sign-in does, by password alone or after its second step, and where it goes next.</summary>
public sealed class SignInSteps(UserManager<PortalUser> users, AuditTrail audit, TimeProvider clock, TwoFactorRequirement requirement)
{
    /// <summary>Notes the sign-in (last sign-in, audit event) and answers where to go: the two-factor setup when the role requires it and it is off.</summary>
    public async Task<string> CompleteAsync(PortalUser user, string returnUrl, AuditDetails? details = null)
    {
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await audit.RecordNowAsync(AuditActions.SignIn, user.Id, user.Email, details);
        return !user.TwoFactorEnabled && requirement.Applies((await users.GetRolesAsync(user)).FirstOrDefault())
            ? TwoFactorRequirement.SetupPath
            : returnUrl;
    }

    /// <summary>The return URL if it is local, else the start page.</summary>
    public static string Safe(PageModel page, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
