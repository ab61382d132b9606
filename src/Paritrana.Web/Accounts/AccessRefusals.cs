using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Audits every refused authorisation where it happens: a policy that fails for a signed-in user,
/// or a page handler that answers Forbid(). Recording here, rather than on the access-denied page,
/// also catches a client that does not follow the redirect (a crafted POST), and keeps that page's
/// GET free of writes. The event is saved on a connection of its own (AuditTrail.RecordNowAsync):
/// the request's DbContext may hold changes its handler made before refusing, and they stay unsaved.
/// </summary>
public static class AccessRefusals
{
    public static async Task RecordAndRedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var user = http.User;
        var request = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}";

        await http.RequestServices.GetRequiredService<AuditTrail>().RecordNowAsync(
            AuditActions.AccessRefused,
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
            AuditDetails.Text(request[..Math.Min(request.Length, 500)]),
            http.RequestAborted);

        context.Response.Redirect(context.RedirectUri);
    }
}
