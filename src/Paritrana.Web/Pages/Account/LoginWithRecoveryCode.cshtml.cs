using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The second step with one of the ten recovery codes instead of the app: each works once (Identity
/// removes it when it is redeemed). Audited as a recovery code used (with how many are left);
/// the rest is <see cref="SecondStepPage"/>, as for the code page.
/// </summary>
public class LoginWithRecoveryCodeModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    SignInSteps steps,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : SecondStepPage(signIn, steps, audit, l)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

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

    protected override string StepName => "recovery-code";

    protected override (string Field, string Message) WrongCode =>
        ("Input.RecoveryCode", Texts["Kode pemulihan ini salah atau sudah pernah dipakai."]);

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() =>
        Identity.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));

    protected override async Task SucceededAsync(PortalUser user)
    {
        var left = await users.CountRecoveryCodesAsync(user);
        await Audit.RecordNowAsync(AuditActions.RecoveryCodeUsed, user.Id, user.Email, AuditDetails.Of(("left", left.ToString(CultureInfo.InvariantCulture))));
    }
}
