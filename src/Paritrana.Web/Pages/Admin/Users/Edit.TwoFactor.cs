using System.ComponentModel.DataAnnotations;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>
/// The administrator resets another user's two-factor sign-in (a lost phone, no recovery codes):
/// off, a new authenticator key, no recovery codes, the user's sessions ended, the reason audited,
/// the user told in the bell and by mail — all in one transaction (docs/decisions/039). The user then
/// signs in with the password and, if their role requires it, is led to set it up again.
/// </summary>
public partial class EditModel
{
    public const int MaxResetReasonLength = 500;

    [BindProperty]
    [Display(Name = "Alasan pengaturan ulang")]
    public string? TwoFactorResetReason { get; set; }

    [ValidateOnly(nameof(TwoFactorResetReason))]
    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == me.Id)
        {
            return Refuse(l["Atur ulang verifikasi dua langkah Anda sendiri melalui halaman Verifikasi dua langkah."]);
        }

        if (!user.TwoFactorEnabled)
        {
            return Refuse(l["Verifikasi dua langkah akun {0} tidak aktif; tidak ada yang perlu diatur ulang.", user.Email ?? ""]);
        }

        var reason = TwoFactorResetReason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > MaxResetReasonLength)
        {
            ModelState.AddModelError(nameof(TwoFactorResetReason), reason.Length == 0
                ? l["Alasan wajib diisi, misalnya \"ponsel hilang\"."]
                : l["Alasan paling banyak {0} karakter.", MaxResetReasonLength]);
            await LoadAsync(user, fillInput: true, ct);
            return Page();
        }

        var required = twoFactor.Applies(await RoleOfAsync(user));
        var language = await notifier.LanguageOfAsync(user.Id, ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The old key and its codes are of no use any more.
            var result = await keys.ForgetAsync(user);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return Refuse(string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
            }

            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.TwoFactorChanged, keep: null, ct);
            notifier.AddAboutAccount(user, NotificationKind.TwoFactorReset, required ? TwoFactorRequirement.SetupPath : "/Account/TwoFactor");
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                outbox.Queue(user.Email, language, mail => TwoFactorResetMail.Compose(mail, user.FullName, reason, required, outbox.Settings.Link("/Account/Login")));
            }

            audit.Record(AuditActions.UserTwoFactorReset, "user", user.Id.ToString(), user.ProvinceCode, AuditDetails.Of(("reason", reason)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return Done(l["Verifikasi dua langkah akun {0} telah diatur ulang. Sesinya berakhir, dan pemiliknya diberi tahu lewat surel.", user.Email ?? ""]);
    }
}
