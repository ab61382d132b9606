using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

public class ChangePasswordModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AuditTrail audit,
    ParitranaDbContext db,
    SessionStore sessions,
    CurrentUser me,
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
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await using (var tx = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted))
        {
            var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(HttpContext.RequestAborted);
                foreach (var error in result.Errors)
                {
                    var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                    ModelState.AddModelError(key, error.Description);
                }

                return Page();
            }

            // Whoever else holds a session of this account (another browser, a copied cookie) is out.
            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.PasswordChanged, keep: me.SessionId, HttpContext.RequestAborted);
            audit.Record(AuditActions.PasswordChanged, "user", user.Id.ToString());
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            await tx.CommitAsync(HttpContext.RequestAborted);
        }

        // The security stamp changed: re-issue this browser's cookie, in the same session.
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = l["Kata sandi Anda telah diubah."].Value;
        return RedirectToPage("/Index");
    }
}
