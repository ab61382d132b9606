using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The second step with one of the ten recovery codes instead of the app: each works once (Identity
/// removes it when it is redeemed). Audited as a recovery code used; counted like the code page.
/// </summary>
public class LoginWithRecoveryCodeModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
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
        [Display(Name = "Kode pemulihan")]
        public string RecoveryCode { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.RecoveryCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Kode pemulihan wajib diisi."])
                .MaximumLength(40).WithMessage(_ => l["Kode pemulihan terdiri atas 11 karakter, misalnya 1a2b3-c4d5e."]);
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
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            await audit.RecordNowAsync(AuditActions.RecoveryCodeUsed, user.Id, user.Email,
                AuditDetails.Of(("left", left.ToString(CultureInfo.InvariantCulture))));
            return LocalRedirect(await steps.CompleteAsync(user, SignInSteps.Safe(this, ReturnUrl), AuditDetails.Of(("second-step", "recovery-code"))));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(AuditActions.LockedOut, user.Id, user.Email);
            ModelState.AddModelError(string.Empty, l["Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."]);
            return Page();
        }

        await audit.RecordNowAsync(AuditActions.TwoFactorFailed, user.Id, user.Email, AuditDetails.Of(("second-step", "recovery-code")));
        ModelState.AddModelError("Input.RecoveryCode", l["Kode pemulihan ini salah atau sudah pernah dipakai."]);
        return Page();
    }
}
