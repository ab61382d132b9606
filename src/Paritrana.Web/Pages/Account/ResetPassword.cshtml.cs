using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The page a mailed reset link opens (<see cref="ForgotPasswordModel"/>): sets a new password under
/// the portal's password rules, ends every session of the account and writes an audit event, in
/// one transaction. The link works once and for a limited time (<see cref="PasswordResetTokenProvider"/>).
/// </summary>
public class ResetPasswordModel(
    UserManager<PortalUser> users,
    IOptions<IdentityOptions> identity,
    SessionStore sessions,
    AuditTrail audit,
    ParitranaDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>False: the link is unknown, used or expired; the page says so and offers a new one.</summary>
    public bool LinkValid { get; private set; }

    public sealed class InputModel
    {
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
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => l["Kata sandi baru wajib diisi."]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["Kedua isian kata sandi baru tidak sama."]);
        }
    }

    public async Task OnGetAsync() => LinkValid = await FindAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var user = await FindAsync();
        if (user is null)
        {
            return Page();
        }

        LinkValid = true;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var result = await users.ResetPasswordAsync(user, Token!, Input.NewPassword);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
                {
                    // Used or expired between the page and the post.
                    LinkValid = false;
                    return Page();
                }

                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }

                return Page();
            }

            // Whoever proves the mailbox is the owner: the lock-out of failed sign-ins ends too.
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            // Every session of the account ends, this browser's too (someone may know the old password).
            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.PasswordChanged, keep: null, ct);
            audit.Record(AuditActions.PasswordResetByLink, "user", user.Id.ToString(), user.ProvinceCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        TempData["StatusMessage"] = l["Kata sandi baru Anda telah disimpan. Silakan masuk dengan kata sandi itu."].Value;
        return RedirectToPage("/Account/Login");
    }

    /// <summary>The active account the link names, if its token is still valid.</summary>
    private async Task<PortalUser?> FindAsync()
    {
        if (UserId is not { } id || string.IsNullOrEmpty(Token) || Token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is { IsDisabled: false }
            && await users.VerifyUserTokenAsync(user, identity.Value.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, Token)
            ? user
            : null;
    }
}
