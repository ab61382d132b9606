using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Pages.Admin.Users;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The page the confirmation link opens: for the signed-in user the link names, a button confirms
/// the new address (a GET changes nothing). The address and the sign-in name change together, the
/// account's other sessions end, this one continues; the link works once (the security stamp
/// changes) and for <see cref="EmailChangeLinkLifetime"/> (docs/decisions/031).
/// </summary>
public class ConfirmEmailModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    SessionStore sessions,
    AuditTrail audit,
    ParitranaDbContext db,
    CurrentUser me,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>False: not this user's link, or used, expired or incomplete; the page says so.</summary>
    public bool LinkValid { get; private set; }

    /// <summary>The link belongs to another account than the one signed in.</summary>
    public bool OtherAccount { get; private set; }

    public async Task OnGetAsync() => LinkValid = await FindAsync() is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync() is not { } user)
        {
            return Page();
        }

        var newEmail = AccountRules.NormalizeEmail(Email);
        var oldEmail = user.Email;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Verifies the link, sets the address and changes the security stamp (the link's single use).
            var result = await users.ChangeEmailAsync(user, newEmail, Token!);
            if (result.Succeeded)
            {
                // The portal signs in by e-mail: the sign-in name follows.
                result = await users.SetUserNameAsync(user, newEmail);
            }

            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
                {
                    return Page();
                }

                LinkValid = true;
                foreach (var error in result.Errors.DistinctBy(e => e.Description))
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }

                return Page();
            }

            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.EmailChanged, keep: me.SessionId, ct);
            audit.Record(AuditActions.EmailChanged, "user", user.Id.ToString(), user.ProvinceCode, AuditDetails.Of(("from", oldEmail ?? ""), ("to", newEmail)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await signIn.RefreshSignInAsync(user);
        return this.RedirectWithMessage(l["Alamat surel Anda sekarang {0}. Gunakan alamat ini untuk masuk berikutnya.", newEmail], null, pageName: "/Account/ChangeEmail");
    }

    /// <summary>The signed-in user, if the link is theirs and still valid.</summary>
    private async Task<PortalUser?> FindAsync()
    {
        if (UserId is not { } id || string.IsNullOrEmpty(Email) || Email.Length > AccountRules.MaxEmailLength
            || string.IsNullOrEmpty(Token) || Token.Length > 2000)
        {
            return null;
        }

        if (id != me.Id)
        {
            OtherAccount = true;
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        var purpose = UserManager<PortalUser>.GetChangeEmailTokenPurpose(AccountRules.NormalizeEmail(Email));
        return user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, purpose, Token)
            ? user
            : null;
    }
}
