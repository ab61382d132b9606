using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>The administrator opens an account with its role, province, branch office and initial password.</summary>
public class CreateModel(
    UserManager<PortalUser> users,
    ParitranaDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AccountOptions Options { get; private set; } = new();

    public sealed class InputModel : AccountFields, IAccountInput
    {
        [Display(Name = "Kata sandi awal")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }

        Guid? IAccountInput.AccountId => null;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, ParitranaDbContext db, ILookupNormalizer normalizer)
        {
            Include(new AccountRules(l, db, normalizer));
            // Length and common passwords are Identity's rules (PortalServices), checked when the account is created.
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Kata sandi awal wajib diisi."]);
        }
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

        var email = AccountRules.NormalizeEmail(Input.Email);
        var role = Input.Role!;
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = Input.FullName!.Trim(),
            ProvinceCode = Roles.IsProvincial(role) ? Input.ProvinceCode : null,
            BranchOfficeId = role == Roles.BranchOfficer ? Input.BranchOfficeId : null,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        // UserManager saves through the request's DbContext: one transaction, so an account whose
        // role could not be added does not remain.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var result = await users.CreateAsync(user, Input.Password!);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }

            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                AccountRules.AddErrors(ModelState, result, "Input.Password");
                return await PageAsync(ct);
            }

            var branchName = user.BranchOfficeId is int b
                ? await db.BranchOffices.AsNoTracking().Where(o => o.Id == b).Select(o => o.Name).FirstOrDefaultAsync(ct)
                : null;
            var details = $"email: {email}; role: {role}; province: {user.ProvinceCode ?? "-"}; branch: {branchName ?? "-"}";
            audit.Record(AuditActions.UserCreated, "user", user.Id.ToString(), user.ProvinceCode, AuditDetails.Text(details));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        TempData["StatusMessage"] = l["Akun {0} telah dibuat.", email].Value;
        return RedirectToPage("Index");
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        Options = await AccountOptions.LoadAsync(db, l, ct);
        return Page();
    }
}
