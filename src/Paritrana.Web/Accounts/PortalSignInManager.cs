using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, plus: a disabled account cannot sign in; every sign-in starts a
/// server-side session whose id the cookie carries; refreshing the cookie keeps that session; and
/// signing out ends it on the server (docs/decisions/012-server-side-sessions.md).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    SessionStore sessions)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Exists(c => c.Type == PortalClaims.Session))
        {
            var session = await sessions.StartAsync(user.Id, Context, Context.RequestAborted);
            claims.Add(new Claim(PortalClaims.Session, session.ToString()));
            // A new sign-in: the person's stored language applies (docs/decisions/030).
            await PreferredLanguage.ApplyAsync(Context, user.Id);
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>
    /// Re-issues this browser's cookie (new security stamp and claims) in the same session; Identity's
    /// own refresh would start a new one. Does nothing unless this browser is signed in as <paramref name="user"/>.
    /// </summary>
    public override async Task RefreshSignInAsync(PortalUser user)
    {
        var auth = await Context.AuthenticateAsync(AuthenticationScheme);
        if (!auth.Succeeded || auth.Principal is not { } principal
            || UserManager.GetUserId(principal) != user.Id.ToString()
            || principal.FindFirst(PortalClaims.Session) is not { } session)
        {
            return;
        }

        var claims = new List<Claim> { new(PortalClaims.Session, session.Value) };
        claims.AddRange(principal.FindAll(c => c.Type is ClaimTypes.AuthenticationMethod or "amr").Select(c => new Claim(c.Type, c.Value)));
        await SignInWithClaimsAsync(user, auth.Properties, claims);
    }

    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        if (Guid.TryParse(principal.FindFirstValue(PortalClaims.Session), out var session)
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await sessions.EndOneAsync(session, userId, principal.FindFirstValue(ClaimTypes.Email), SessionEndReason.SignedOut, audited: false, CancellationToken.None);
        }

        await base.SignOutAsync();
    }
}
