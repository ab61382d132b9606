using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.Account;

public class ChangePasswordModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IValidator<ChangePasswordModel.InputModel> validator,
    AuditTrail audit,
    ParitranaDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Kata sandi saat ini")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Display(Name = "Kata sandi baru")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Display(Name = "Ulangi kata sandi baru")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => l["Kata sandi saat ini wajib diisi."]);
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => l["Kata sandi baru wajib diisi."]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["Kedua isian kata sandi baru tidak sama."]);
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(key, error.Description);
            }

            return Page();
        }

        audit.Record(AuditActions.PasswordChanged, "user", user.Id.ToString());
        await db.SaveChangesAsync();
        // The security stamp changed: re-issue this browser's cookie; other sessions are signed out.
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = l["Kata sandi Anda telah diubah."].Value;
        return RedirectToPage("/Index");
    }
}
