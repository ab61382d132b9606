using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Paritrana.Web.Data;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Checks on every request that the account behind the cookie is still enabled and unchanged
/// (same security stamp). Disabling an account, changing its role or scope, or resetting its
/// password changes the stamp, so the user is signed out at their next request. One indexed
/// primary-key read per request; Identity's own validator would rebuild the principal and
/// re-issue the cookie each time instead.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var idText = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaimType = context.HttpContext.RequestServices
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaimType);

        if (!Guid.TryParse(idText, out var id) || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<ParitranaDbContext>();
        (string? SecurityStamp, bool IsDisabled)? current;
        try
        {
            current = await db.Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new ValueTuple<string?, bool>(u.SecurityStamp, u.IsDisabled))
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current == default((string?, bool)))
            {
                current = null;
            }
        }
        catch (Exception e) when (Pages.ErrorModel.IsDatabaseUnavailable(e))
        {
            // The database is down: keep the session; the page itself will answer 503 with a clear
            // message when it needs data, and the check runs again on the next request.
            return;
        }

        if (current is not { } c || c.IsDisabled || c.SecurityStamp != stamp)
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
