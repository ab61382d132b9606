using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// The page a mailed invitation opens (<see cref="Invitations"/>, docs/decisions/031): the invited
/// person sets their own password under the portal's password rules, then signs in. The link works
/// once (the invitation is claimed by one conditional UPDATE in the transaction that sets the
/// password) and until it expires, is revoked or is replaced by a new one.
/// </summary>
public class InvitationModel(
    UserManager<PortalUser> users,
    Invitations invitations,
    SessionStore sessions,
    AuditTrail audit,
    ParitranaDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>False: the link is unknown, used, expired, revoked or replaced; the page says so.</summary>
    public bool LinkValid { get; private set; }

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

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

    public async Task OnGetAsync(CancellationToken ct) => await FindAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } found)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (invitation, detached) = found;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await invitations.ClaimAsync(invitation.Id, ct))
            {
                // Used, revoked or replaced between the page and the post.
                await tx.RollbackAsync(ct);
                LinkValid = false;
                return Page();
            }

            var user = await users.FindByIdAsync(detached.Id.ToString());
            var result = user is null ? IdentityResult.Failed() : await users.AddPasswordAsync(user, Input.NewPassword);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.UserAlreadyHasPassword)) || user is null)
                {
                    LinkValid = false;
                    return Page();
                }

                foreach (var error in result.Errors.DistinctBy(e => e.Description))
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }

                return Page();
            }

            // An invited account has had no session; ending "all" keeps the store consistent should one exist.
            await sessions.EndAllAsync(user!.Id, user.ProvinceCode, SessionEndReason.PasswordChanged, keep: null, ct);
            audit.Record(AuditActions.InvitationAccepted, "user", user.Id.ToString(), user.ProvinceCode, AuditDetails.Of(("email", user.Email ?? "")));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        TempData["StatusMessage"] = l["Kata sandi Anda telah disimpan. Silakan masuk dengan alamat surel {0} dan kata sandi itu.", Email].Value;
        return RedirectToPage("/Account/Login");
    }

    private async Task<(AccountInvitation Invitation, PortalUser User)?> FindAsync(CancellationToken ct)
    {
        var found = await invitations.FindUsableAsync(Token, ct);
        LinkValid = found is not null;
        if (found is { } f)
        {
            FullName = f.User.FullName;
            Email = f.User.Email ?? "";
        }

        return found;
    }
}
