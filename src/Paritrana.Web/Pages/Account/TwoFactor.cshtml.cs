using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in of the signed-in user: whether it is on, how many recovery codes are left;
/// new recovery codes (shown once), reset (a new key: the app must be set up again) and, unless
/// the role requires it, turning it off. Turning it off or resetting it ends the account's other
/// sessions and re-issues this browser's cookie, as enabling does (docs/decisions/031).
/// </summary>
public class TwoFactorModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    TwoFactorRequirement requirement,
    AuthenticatorKeys keys,
    SessionStore sessions,
    AuditTrail audit,
    ParitranaDbContext db,
    CurrentUser me,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool Required => requirement.Applies(me.Role);

    /// <summary>Shown once, in the answer to "new recovery codes".</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return this.RedirectWithMessage(l["Verifikasi dua langkah belum aktif."], null, isError: true);
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorKeys.RecoveryCodeCount) ?? []];
            audit.Record(AuditActions.RecoveryCodesRenewed, "user", user.Id.ToString(), user.ProvinceCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>Turns two-factor sign-in off and forgets the key; refused when the role requires it.</summary>
    [ValidateOnly]
    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (Required)
        {
            return this.RedirectWithMessage(l["Peran Anda wajib memakai verifikasi dua langkah: Anda dapat mengatur ulangnya, tetapi tidak menonaktifkannya."], null, isError: true);
        }

        return await TurnOffAsync("disabled", l["Verifikasi dua langkah telah dinonaktifkan."], "/Account/TwoFactor", ct);
    }

    /// <summary>A new key (a lost or replaced phone): two-factor sign-in is off until the app is set up again.</summary>
    [ValidateOnly]
    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        await TurnOffAsync("reset", l["Kunci autentikator telah diatur ulang. Siapkan aplikasi autentikator Anda lagi."], TwoFactorRequirement.SetupPath, ct);

    private async Task<IActionResult> TurnOffAsync(string how, string message, string next, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return this.RedirectWithMessage(l["Verifikasi dua langkah belum aktif."], null, isError: true);
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The old key and its codes are of no use any more.
            var result = await keys.ForgetAsync(user);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return StatusCode(StatusCodes.Status409Conflict);
            }

            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.TwoFactorChanged, keep: me.SessionId, ct);
            audit.Record(AuditActions.TwoFactorDisabled, "user", user.Id.ToString(), user.ProvinceCode, AuditDetails.Of(("how", how)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = message;
        return Redirect(next);
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
