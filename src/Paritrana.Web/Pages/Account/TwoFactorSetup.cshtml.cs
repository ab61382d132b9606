using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// Turns on two-factor sign-in: the authenticator key as a QR code (drawn on the server) and in
/// groups for typing; a code from the app confirms it; the ten recovery codes are shown once, in
/// the answer to that post. The user's other sessions end (they signed in without the second
/// step); this one continues with a re-issued cookie (docs/decisions/031).
/// </summary>
public class TwoFactorSetupModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AuthenticatorKeys keys,
    TwoFactorRequirement requirement,
    SessionStore sessions,
    AuditTrail audit,
    ParitranaDbContext db,
    CurrentUser me,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    /// <summary>Shown once, right after the code was confirmed.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>The user's role requires two-factor sign-in (Security:RequireTwoFactorFor): the page says so.</summary>
    public bool Required => requirement.Applies(me.Role);

    public sealed class InputModel
    {
        [Display(Name = "Kode dari aplikasi autentikator")]
        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Kode wajib diisi."])
                .MaximumLength(20).WithMessage(_ => l["Kode terdiri atas 6 angka."]);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/TwoFactor");
        }

        // Reading only: a GET changes nothing (the key is made by "Mulai", below).
        await ShowKeyAsync(user);
        return Page();
    }

    /// <summary>Makes the account's authenticator key (if it has none), then shows it.</summary>
    [Infrastructure.Validation.ValidateOnly]
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            await keys.KeyOfAsync(user);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/TwoFactor");
        }

        if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 })
        {
            return RedirectToPage();
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorKeys.Clean(Input.Code)))
        {
            ModelState.AddModelError("Input.Code", l["Kode verifikasi salah. Masukkan kode yang sedang tampil di aplikasi autentikator Anda; periksa juga jam ponsel Anda."]);
            await ShowKeyAsync(user);
            return Page();
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var enabled = await users.SetTwoFactorEnabledAsync(user, true);
            var codes = enabled.Succeeded ? await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorKeys.RecoveryCodeCount) : null;
            if (codes is null)
            {
                await tx.RollbackAsync(ct);
                return StatusCode(StatusCodes.Status409Conflict);
            }

            RecoveryCodes = [.. codes];
            // The other sessions of this account signed in without the second step: they end.
            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.TwoFactorChanged, keep: me.SessionId, ct);
            audit.Record(AuditActions.TwoFactorEnabled, "user", user.Id.ToString(), user.ProvinceCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        // New security stamp and the two-factor claim: re-issue this browser's cookie, same session.
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    /// <summary>The stored key as QR code and text; none yet: the page offers "Mulai".</summary>
    private async Task ShowKeyAsync(PortalUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return;
        }

        SharedKey = AuthenticatorKeys.Grouped(key);
        QrCode = AuthenticatorKeys.QrDataUri(AuthenticatorKeys.Uri(user.Email!, key));
    }
}
