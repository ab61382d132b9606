using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The second step of a two-factor sign-in: the six-digit code of the authenticator app
/// (Identity's TOTP). Reached only with the short-lived cookie the right password left; a wrong
/// code counts towards the account's lock-out and, like every post of the sign-in steps, towards
/// the shared per-address limit (<see cref="SignInRateLimit"/>).
/// </summary>
public class LoginWith2faModel(
    SignInManager<PortalUser> signIn,
    SignInSteps steps,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

    /// <summary>
    /// Shows the form (it is also the answer to a refused form, decisions/013); a post without the
    /// password step's cookie goes back to the sign-in page.
    /// </summary>
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The password step is over (five minutes) or never happened.
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorKeys.Clean(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(await steps.CompleteAsync(user, SignInSteps.Safe(this, ReturnUrl), AuditDetails.Of(("second-step", "authenticator"))));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(AuditActions.LockedOut, user.Id, user.Email);
            ModelState.AddModelError(string.Empty, l["Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."]);
            return Page();
        }

        await audit.RecordNowAsync(AuditActions.TwoFactorFailed, user.Id, user.Email, AuditDetails.Of(("second-step", "authenticator")));
        ModelState.AddModelError("Input.Code", l["Kode verifikasi salah. Masukkan kode yang sedang tampil di aplikasi autentikator Anda."]);
        return Page();
    }
}
