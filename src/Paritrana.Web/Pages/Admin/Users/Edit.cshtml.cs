using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>
/// One account: its name, e-mail, role and place (guarded by Identity's ConcurrencyStamp), and the
/// actions disable, enable, unlock, reset password and reset two-factor sign-in. Every change that alters what the user may
/// do changes the security stamp and ends their sessions on the server (docs/decisions/012), in the
/// transaction of the change, so their open sessions end at their next request.
/// </summary>
public partial class EditModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    ParitranaDbContext db,
    AuditTrail audit,
    SessionStore sessions,
    CurrentUser me,
    Invitations invitations,
    Notifier notifier,
    MailOutbox outbox,
    TwoFactorRequirement twoFactor,
    AuthenticatorKeys keys,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Kata sandi baru")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public AccountOptions Options { get; private set; } = new();

    public AccountView Account { get; private set; } = null!;

    public sealed record AccountView(
        string Email,
        string? Role,
        bool IsDisabled,
        DateTimeOffset? LockedOutUntil,
        DateTimeOffset CreatedAt,
        DateTimeOffset? LastSignInAt,
        bool IsSelf,
        bool TwoFactorEnabled);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user, fillInput: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var oldRole = await RoleOfAsync(user);
        if (!string.Equals(Input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            // Show what is stored now instead of the stale form; the administrator decides again.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, l["Akun ini baru saja diubah oleh orang lain. Isian di bawah menampilkan data terbaru; periksa lalu simpan lagi bila perlu."]);
            await LoadAsync(user, fillInput: true, ct);
            return Page();
        }

        Input.AccountId = user.Id;
        if (!ModelState.IsValid)
        {
            await LoadAsync(user, fillInput: false, ct);
            return Page();
        }

        var role = Input.Role!;
        var email = AccountRules.NormalizeEmail(Input.Email);
        var fullName = Input.FullName!.Trim();
        var province = Roles.IsProvincial(role) ? Input.ProvinceCode : null;
        var branch = role == Roles.BranchOfficer ? Input.BranchOfficeId : null;
        // A juror's province on the form is their home province: the conflict rule only (docs/decisions/043).
        var home = role == Roles.NationalJuror && !string.IsNullOrEmpty(Input.ProvinceCode) ? Input.ProvinceCode : null;

        if (user.Id == me.Id && role != oldRole)
        {
            ModelState.AddModelError("Input.Role", l["Anda tidak dapat mengubah peran akun Anda sendiri."]);
            await LoadAsync(user, fillInput: false, ct);
            return Page();
        }

        var changes = new List<string>();
        Compare(changes, "name", user.FullName, fullName);
        Compare(changes, "email", user.Email, email);
        Compare(changes, "role", oldRole, role);
        Compare(changes, "province", user.ProvinceCode, province);
        Compare(changes, "home province", user.HomeProvinceCode, home);
        if (user.BranchOfficeId != branch)
        {
            changes.Add(Change("branch", await BranchNameAsync(user.BranchOfficeId, ct), await BranchNameAsync(branch, ct)));
        }

        if (changes.Count == 0)
        {
            TempData["StatusMessage"] = l["Tidak ada perubahan pada akun {0}.", email].Value;
            return RedirectToPage(new { id = Id });
        }

        // Anything that changes what the user may do, or how they sign in, ends their sessions.
        var endsSessions = !string.Equals(user.Email, email, StringComparison.Ordinal)
            || role != oldRole || user.ProvinceCode != province || user.BranchOfficeId != branch;
        var auditProvince = province ?? user.ProvinceCode;

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            user.FullName = fullName;
            user.Email = email;
            user.UserName = email;
            user.ProvinceCode = province;
            user.HomeProvinceCode = home;
            user.BranchOfficeId = branch;

            var result = IdentityResult.Success;
            if (role != oldRole)
            {
                if (oldRole is not null)
                {
                    result = await users.RemoveFromRoleAsync(user, oldRole);
                }

                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, role);
                }
            }

            if (result.Succeeded)
            {
                result = endsSessions ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            }

            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var current = await users.FindByIdAsync(Id.ToString());
                if (current is null)
                {
                    return NotFound();
                }

                var concurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
                if (concurrent)
                {
                    ModelState.Clear();
                    ModelState.AddModelError(string.Empty, l["Akun ini baru saja diubah oleh orang lain. Isian di bawah menampilkan data terbaru; periksa lalu simpan lagi bila perlu."]);
                }
                else
                {
                    AccountRules.AddErrors(ModelState, result, "Input.Email");
                }

                await LoadAsync(current, fillInput: concurrent, ct);
                return Page();
            }

            if (endsSessions)
            {
                // The administrator who changed their own e-mail keeps this browser's session.
                await sessions.EndAllAsync(user.Id, auditProvince, SessionEndReason.AccountChanged, keep: user.Id == me.Id ? me.SessionId : null, ct);
            }

            audit.Record(AuditActions.UserUpdated, "user", user.Id.ToString(), auditProvince, AuditDetails.Texts(changes));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        if (endsSessions && user.Id == me.Id)
        {
            // The administrator changed their own e-mail: keep this browser signed in with the new stamp.
            await signIn.RefreshSignInAsync(user);
        }

        TempData["StatusMessage"] = endsSessions
            ? l["Perubahan akun {0} telah disimpan. Sesi yang sedang berjalan pada akun ini berakhir; pemiliknya perlu masuk lagi.", email].Value
            : l["Perubahan akun {0} telah disimpan.", email].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(PortalUser user, bool fillInput, CancellationToken ct)
    {
        var role = await RoleOfAsync(user);
        var now = clock.GetUtcNow();
        Account = new AccountView(
            user.Email ?? "",
            role,
            user.IsDisabled,
            user.LockoutEnd is { } until && until > now ? until : null,
            user.CreatedAt,
            user.LastSignInAt,
            user.Id == me.Id,
            user.TwoFactorEnabled);
        await LoadInvitationAsync(user, now, ct);
        if (fillInput)
        {
            Input = new InputModel
            {
                FullName = user.FullName,
                Email = user.Email,
                Role = role,
                ProvinceCode = user.ProvinceCode ?? user.HomeProvinceCode,
                BranchOfficeId = user.BranchOfficeId,
                ConcurrencyStamp = user.ConcurrencyStamp,
            };
        }
        else
        {
            // A refused form keeps what was typed, but a later save must still compare with the stamp it was shown.
            Input.ConcurrencyStamp = user.ConcurrencyStamp;
            ModelState.Remove("Input.ConcurrencyStamp");
        }

        Options = await AccountOptions.LoadAsync(db, l, ct);
    }

    private async Task<string?> RoleOfAsync(PortalUser user) => (await users.GetRolesAsync(user)).FirstOrDefault();

    private async Task<string?> BranchNameAsync(int? id, CancellationToken ct) =>
        id is int b ? await db.BranchOffices.AsNoTracking().Where(o => o.Id == b).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;

    private static void Compare(List<string> changes, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(Change(field, before, after));
        }
    }

    private static string Change(string field, string? before, string? after) => $"{field}: {before ?? "-"} → {after ?? "-"}";
}
