using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Checks on every request that the cookie's server-side session is still open: not signed out,
/// not ended by a password change or an administrator, within its idle and absolute lifetimes
/// (<see cref="SessionRules"/>), and that its account is enabled and unchanged (same security
/// stamp). One query of two primary-key lookups per request (with the bell's count of open notifications),
/// or the row this instance read a moment ago for a GET (<see cref="SessionCache"/>, docs/decisions/048), and a write of "last seen" at most
/// once a minute; Identity's own validator would rebuild the principal and re-issue the cookie
/// each time instead. A session found over is ended on the server and the user is sent to the
/// login page with the reason (docs/decisions/012-server-side-sessions.md).
/// </summary>
public static class SessionValidator
{
    private const string EndedItem = "paritrana:session-ended";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var principal = context.Principal;
        var stampClaimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || principal!.FindFirstValue(stampClaimType) is not { } stamp
            || !Guid.TryParse(principal.FindFirstValue(PortalClaims.Session), out var sessionId))
        {
            // Not a cookie of a server-side session (one issued before them): sign in again.
            await RejectAsync(context, null);
            return;
        }

        var sessions = services.GetRequiredService<SessionStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ct = http.RequestAborted;
        try
        {
            // A request that may change something reads the session from the database, as does any
            // verdict other than "valid, nothing to write" given by a row held in memory (docs/decisions/048).
            var mayUseHeld = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            var province = Features.Notifications.NotificationBell.ProvinceOf(principal);
            var read = await sessions.ReadAsync(sessionId, userId, stamp, province, mayUseHeld, ct);
            var verdict = read is null ? default : SessionRules.Check(read.State, now, sessions.Lifetimes);
            if (read is { FromCache: true } && !(verdict.Valid && !verdict.TouchLastSeen))
            {
                sessions.ForgetHeld(sessionId);
                read = await sessions.ReadAsync(sessionId, userId, stamp, province, mayUseHeld: false, ct);
                verdict = read is null ? default : SessionRules.Check(read.State, now, sessions.Lifetimes);
            }

            if (read is null)
            {
                await RejectAsync(context, null);
                return;
            }

            if (verdict.Valid)
            {
                Features.Notifications.NotificationBell.Remember(http, read.OpenNotifications);
                if (verdict.TouchLastSeen)
                {
                    await sessions.TouchAsync(sessionId, now, ct);
                }

                return;
            }

            sessions.ForgetHeld(sessionId);
            if (verdict.EndNow)
            {
                await sessions.EndOneAsync(sessionId, userId, principal.FindFirstValue(ClaimTypes.Email), verdict.Reason!.Value, audited: true, ct);
            }

            await RejectAsync(context, verdict.Reason);
        }
        catch (Exception e) when (Infrastructure.DatabaseFaults.IsDatabaseUnavailable(e))
        {
            // The database is down: keep the session; the page itself will answer 503 with a clear
            // message when it needs data, and the check runs again on the next request.
        }
    }

    /// <summary>Why the session presented with this request was refused, if the validator knows.</summary>
    public static SessionEndReason? EndedInThisRequest(HttpContext http) =>
        http.Items.TryGetValue(EndedItem, out var reason) ? reason as SessionEndReason? : null;

    /// <summary>Wraps the redirect to the login page so that it says why the session ended (?ended=idle).</summary>
    public static Func<RedirectContext<CookieAuthenticationOptions>, Task> TellingWhy(Func<RedirectContext<CookieAuthenticationOptions>, Task> redirect) =>
        context =>
        {
            if (EndedInThisRequest(context.HttpContext) is { } reason)
            {
                context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, SessionEndings.QueryKey, SessionEndings.Code(reason));
            }

            return redirect(context);
        };

    private static async Task RejectAsync(CookieValidatePrincipalContext context, SessionEndReason? reason)
    {
        if (reason is not null)
        {
            context.HttpContext.Items[EndedItem] = reason;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
