using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Accounts by invitation (docs/decisions/031): the administrator creates an account without a
/// password and the portal mails the person a link, valid <see cref="InvitationRules.Lifetime"/>
/// and once, to a page where they set their own password (<c>/Account/Invitation</c>). Only the
/// SHA-256 of the link's token is stored. Sending again ends the open invitation (its link stops
/// working); revoking ends it too. Everything is added to the request's DbContext and saved by the
/// caller's SaveChanges, with the audit event and the mail, in one transaction.
/// </summary>
public sealed class Invitations(ParitranaDbContext db, MailOutbox outbox, AuditTrail audit, TimeProvider clock)
{
    public const string PagePath = "/Account/Invitation";

    /// <summary>False when <c>Portal:PublicUrl</c> is not set: no link can be mailed.</summary>
    public bool CanSend => outbox.Settings.Link("/") is not null;

    /// <summary>
    /// Ends the account's open invitation (superseded) and queues a new one with its mail, in
    /// Indonesian; audited as sent. Returns when the new link expires. The caller saves. A candidate's
    /// representative (<paramref name="organisationName"/> set) is invited by the committee, for that
    /// organisation, and the event is audited in the province of the nomination (<paramref name="auditProvince"/>).
    /// </summary>
    public async Task<DateTimeOffset> SendAsync(PortalUser user, string role, Guid? sentBy, CancellationToken ct, string? organisationName = null, string? auditProvince = null)
    {
        // PostgreSQL keeps microseconds: the audited expiry equals the stored one.
        var exact = clock.GetUtcNow();
        var now = new DateTimeOffset(exact.UtcTicks - (exact.UtcTicks % 10), TimeSpan.Zero);
        var superseded = await EndOpenAsync(user.Id, InvitationEnd.Superseded, now, ct);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new AccountInvitation
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            SentAt = now,
            ExpiresAt = now + InvitationRules.Lifetime,
            SentBy = sentBy,
        };
        db.AccountInvitations.Add(invitation);
        var link = outbox.Settings.Link($"{PagePath}?token={token}")
            ?? throw new InvalidOperationException("Portal:PublicUrl is not set: no invitation link can be mailed.");
        outbox.Queue(user.Email!, MailOutbox.Indonesian,
            l => InvitationMail.Compose(l, user.FullName, RoleNames.Of(role), link, invitation.ExpiresAt, organisationName));
        audit.Record(AuditActions.InvitationSent, "user", user.Id.ToString(), auditProvince ?? user.ProvinceCode, AuditDetails.Of(
            ("email", user.Email!),
            ("expires", invitation.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
            ("replaced", superseded.ToString(CultureInfo.InvariantCulture))));
        return invitation.ExpiresAt;
    }

    /// <summary>Revokes the account's open invitation; false when there was none. Audited; the caller saves.</summary>
    public async Task<bool> RevokeAsync(PortalUser user, CancellationToken ct, string? auditProvince = null)
    {
        if (await EndOpenAsync(user.Id, InvitationEnd.Revoked, clock.GetUtcNow(), ct) == 0)
        {
            return false;
        }

        audit.Record(AuditActions.InvitationRevoked, "user", user.Id.ToString(), auditProvince ?? user.ProvinceCode, AuditDetails.Of(("email", user.Email ?? "")));
        return true;
    }

    /// <summary>The invitation a link names while it may still set a password, with its account; null otherwise.</summary>
    public async Task<(AccountInvitation Invitation, PortalUser User)?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var found = await (
                from i in db.AccountInvitations.AsNoTracking()
                join u in db.Users on i.UserId equals u.Id
                where i.TokenHash == hash
                select new { Invitation = i, User = u })
            .FirstOrDefaultAsync(ct);
        return found is not null && InvitationRules.Usable(found.Invitation, now) && !found.User.IsDisabled && found.User.PasswordHash is null
            ? (found.Invitation, found.User)
            : null;
    }

    /// <summary>
    /// Marks the invitation accepted, in the caller's transaction, if it is still usable now: one
    /// conditional UPDATE, so of two posts of the same link (or an accept racing a resend) one wins.
    /// </summary>
    public async Task<bool> ClaimAsync(long invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.AccountInvitations
            .Where(i => i.Id == invitationId && i.AcceptedAt == null && i.EndedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.AcceptedAt, now), ct) == 1;
    }

    private async Task<int> EndOpenAsync(Guid userId, InvitationEnd reason, DateTimeOffset now, CancellationToken ct) =>
        await db.AccountInvitations
            .Where(i => i.UserId == userId && i.AcceptedAt == null && i.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.EndedAt, now).SetProperty(i => i.EndedReason, reason), ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The invitation mail (Indonesian; English when the outbox renders it so).</summary>
public static class InvitationMail
{
    public static MailContent Compose(IStringLocalizer l, string fullName, string roleName, string link, DateTimeOffset expiresAt, string? organisationName = null) => new(
        l["Undangan ke Portal Paritrana"],
        l["Yth. {0},", fullName],
        [
            organisationName is null
                ? l["Administrator Portal Paritrana telah membuatkan akun untuk Anda dengan peran {0}.", l[roleName]]
                : l["Panitia Penghargaan Paritrana mengundang Anda sebagai perwakilan {0} untuk melihat nominasinya, mengisi penilaian mandiri dan menjawab butir pembinaan dari panitia.", organisationName],
            l["Buka tautan di bawah ini untuk membuat kata sandi Anda sendiri. Tautan berlaku sampai {0} dan hanya dapat dipakai satu kali.", Wib.Format(expiresAt)],
            l["Jika Anda tidak mengharapkan undangan ini, abaikan surel ini."],
        ],
        l["Buat kata sandi"],
        link,
        l["Salam, Sekretariat Penghargaan Paritrana"]);
}
