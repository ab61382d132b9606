using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The second step of a two-factor sign-in: the six-digit code of the authenticator app
/// (Identity's TOTP); what it shares with the recovery-code page is <see cref="SecondStepPage"/>.
/// </summary>
public class LoginWith2faModel(
    SignInManager<PortalUser> signIn,
    SignInSteps steps,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : SecondStepPage(signIn, steps, audit, l)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

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

    protected override string StepName => "authenticator";

    protected override (string Field, string Message) WrongCode =>
        ("Input.Code", Texts["Kode verifikasi salah. Masukkan kode yang sedang tampil di aplikasi autentikator Anda."]);

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() =>
        Identity.TwoFactorAuthenticatorSignInAsync(AuthenticatorKeys.Clean(Input.Code), isPersistent: false, rememberClient: false);
}
