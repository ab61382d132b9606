using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>The invitation of an account without a password: send it again (a new link; the old one stops working) or revoke it.</summary>
public partial class EditModel
{
    /// <summary>The account's latest invitation, when it has no password yet.</summary>
    public sealed record InvitationView(InvitationState State, DateTimeOffset SentAt, DateTimeOffset ExpiresAt);

    public InvitationView? Invitation { get; private set; }

    /// <summary>True when the account has no password (it was invited and has not accepted).</summary>
    public bool AwaitsPassword { get; private set; }

    [ValidateOnly]
    public async Task<IActionResult> OnPostResendInvitationAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.PasswordHash is not null || user.IsDisabled)
        {
            return Refuse(l["Undangan hanya dapat dikirim untuk akun aktif yang belum memiliki kata sandi."]);
        }

        if (!invitations.CanSend)
        {
            return Refuse(l["Undangan tidak dapat dikirim karena alamat portal (Portal:PublicUrl) belum diatur. Hubungi pengelola server."]);
        }

        var role = await RoleOfAsync(user) ?? "";
        DateTimeOffset expires;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            expires = await invitations.SendAsync(user, role, me.Id, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return Done(l["Undangan baru dikirim ke {0} dan berlaku sampai {1}. Tautan undangan sebelumnya tidak berlaku lagi.", user.Email ?? "", Wib.Format(expires)]);
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostRevokeInvitationAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await invitations.RevokeAsync(user, ct))
        {
            await tx.RollbackAsync(ct);
            return Done(l["Akun {0} tidak memiliki undangan yang masih berlaku.", user.Email ?? ""]);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Done(l["Undangan untuk {0} telah dicabut; tautannya tidak berlaku lagi.", user.Email ?? ""]);
    }

    private async Task LoadInvitationAsync(PortalUser user, DateTimeOffset now, CancellationToken ct)
    {
        AwaitsPassword = user.PasswordHash is null;
        var latest = await db.AccountInvitations.AsNoTracking()
            .Where(i => i.UserId == user.Id)
            .OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id)
            .FirstOrDefaultAsync(ct);
        Invitation = latest is null || !AwaitsPassword
            ? null
            : new InvitationView(InvitationRules.StateOf(false, latest.ExpiresAt, latest.AcceptedAt, latest.EndedReason, now), latest.SentAt, latest.ExpiresAt);
    }
}
