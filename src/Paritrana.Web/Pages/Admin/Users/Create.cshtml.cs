using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>
/// The administrator opens an account with its name, e-mail, role, province and branch office, and
/// no password: the person is mailed an invitation to set their own (<see cref="Invitations"/>,
/// docs/decisions/031). The account, its role, the invitation, its mail and the audit events are
/// saved in one transaction.
/// </summary>
public class CreateModel(
    UserManager<PortalUser> users,
    ParitranaDbContext db,
    AuditTrail audit,
    Invitations invitations,
    CurrentUser me,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AccountOptions Options { get; private set; } = new();

    public sealed class InputModel : AccountFields, IAccountInput
    {
        Guid? IAccountInput.AccountId => null;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, ParitranaDbContext db, ILookupNormalizer normalizer) =>
            Include(new AccountRules(l, db, normalizer));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await AccountOptions.LoadAsync(db, l, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(ct);
        }

        if (!invitations.CanSend)
        {
            ModelState.AddModelError(string.Empty, l["Undangan tidak dapat dikirim karena alamat portal (Portal:PublicUrl) belum diatur. Hubungi pengelola server."]);
            return await PageAsync(ct);
        }

        var email = AccountRules.NormalizeEmail(Input.Email);
        var role = Input.Role!;
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = Input.FullName!.Trim(),
            ProvinceCode = Roles.IsProvincial(role) ? Input.ProvinceCode : null,
            // A juror's province on the form is their home province: the conflict rule only (docs/decisions/043).
            HomeProvinceCode = role == Roles.NationalJuror && !string.IsNullOrEmpty(Input.ProvinceCode) ? Input.ProvinceCode : null,
            BranchOfficeId = role == Roles.BranchOfficer ? Input.BranchOfficeId : null,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        DateTimeOffset expires;
        // UserManager saves through the request's DbContext: one transaction, so an account whose
        // role could not be added does not remain.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // No password: the person sets their own through the invitation.
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }

            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                AccountRules.AddErrors(ModelState, result, string.Empty);
                return await PageAsync(ct);
            }

            var branchName = user.BranchOfficeId is int b
                ? await db.BranchOffices.AsNoTracking().Where(o => o.Id == b).Select(o => o.Name).FirstOrDefaultAsync(ct)
                : null;
            var details = AuditDetails.Of(("email", email), ("role", role), ("province", user.ProvinceCode ?? "-"), ("branch", branchName ?? "-"));
            audit.Record(AuditActions.UserCreated, "user", user.Id.ToString(), user.ProvinceCode, details);
            expires = await invitations.SendAsync(user, role, me.Id, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        TempData["StatusMessage"] = l["Akun {0} telah dibuat. Undangan untuk membuat kata sandi dikirim ke alamat itu dan berlaku sampai {1}.", email, Wib.Format(expires)].Value;
        return RedirectToPage("Index");
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        Options = await AccountOptions.LoadAsync(db, l, ct);
        return Page();
    }
}
