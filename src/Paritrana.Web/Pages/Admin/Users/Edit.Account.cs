using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>The account's own buttons: disable, enable, unlock, reset the password; each audited, ending the sessions where it must.</summary>
public partial class EditModel
{
    [ValidateOnly]
    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == me.Id)
        {
            return Refuse(l["Anda tidak dapat menonaktifkan akun Anda sendiri."]);
        }

        if (user.IsDisabled)
        {
            return Done(l["Akun {0} sudah nonaktif.", user.Email ?? ""]);
        }

        user.IsDisabled = true;
        return await ApplyAsync(user, AuditActions.UserDisabled, null, SessionEndReason.Disabled, () => users.UpdateSecurityStampAsync(user),
            l["Akun {0} telah dinonaktifkan. Sesi yang sedang berjalan berakhir pada permintaan berikutnya.", user.Email ?? ""], ct);
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (!user.IsDisabled)
        {
            return Done(l["Akun {0} sudah aktif.", user.Email ?? ""]);
        }

        user.IsDisabled = false;
        return await ApplyAsync(user, AuditActions.UserEnabled, null, null, () => users.UpdateAsync(user),
            l["Akun {0} telah diaktifkan kembali.", user.Email ?? ""], ct);
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.LockoutEnd is not { } until || until <= clock.GetUtcNow())
        {
            return Done(l["Akun {0} tidak sedang terkunci.", user.Email ?? ""]);
        }

        var details = "locked until: " + until.ToString("O", CultureInfo.InvariantCulture);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return await ApplyAsync(user, AuditActions.UserUnlocked, details, null, () => users.UpdateAsync(user),
            l["Kunci akun {0} telah dibuka.", user.Email ?? ""], ct);
    }

    [ValidateOnly(nameof(NewPassword))]
    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == me.Id)
        {
            return Refuse(l["Ubah kata sandi Anda sendiri melalui halaman Ubah kata sandi."]);
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), l["Kata sandi baru wajib diisi."]);
            await LoadAsync(user, fillInput: true, ct);
            return Page();
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Validates the password with Identity's rules and changes the security stamp.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, NewPassword);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                foreach (var error in result.Errors.DistinctBy(e => e.Description))
                {
                    ModelState.AddModelError(nameof(NewPassword), error.Description);
                }

                var current = await users.FindByIdAsync(Id.ToString());
                if (current is null)
                {
                    return NotFound();
                }

                await LoadAsync(current, fillInput: true, ct);
                return Page();
            }

            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.PasswordReset, keep: null, ct);
            audit.Record(AuditActions.UserPasswordReset, "user", user.Id.ToString(), user.ProvinceCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        TempData["StatusMessage"] = l["Kata sandi akun {0} telah diganti. Sesi yang sedang berjalan pada akun ini berakhir.", user.Email ?? ""].Value;
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Saves one account action (ending the account's sessions, if it does) and its audit event together, then redirects back to the account.</summary>
    private async Task<IActionResult> ApplyAsync(PortalUser user, string action, string? details, SessionEndReason? endsSessions, Func<Task<IdentityResult>> change, string message, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await change();
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return Refuse(string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
        }

        if (endsSessions is { } reason)
        {
            await sessions.EndAllAsync(user.Id, user.ProvinceCode, reason, keep: null, ct);
        }

        audit.Record(action, "user", user.Id.ToString(), user.ProvinceCode, details is null ? null : AuditDetails.Text(details));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Done(message);
    }

    private RedirectToPageResult Done(string message) => this.RedirectWithMessage(message, new { id = Id });

    private RedirectToPageResult Refuse(string message) => this.RedirectWithMessage(message, new { id = Id }, isError: true);
}
