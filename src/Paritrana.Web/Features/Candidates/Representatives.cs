using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Features.Candidates;

/// <summary>A candidate's representative as the committee sees them on the nomination: who, invited when, where the invitation stands, active since when.</summary>
public sealed record RepresentativeRow(
    Guid Id,
    string FullName,
    string Email,
    bool IsDisabled,
    bool HasPassword,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? InvitationExpiresAt,
    InvitationState Invitation);

/// <summary>What came of an invitation: sent (until when), or refused with the message for the e-mail field.</summary>
public sealed record InviteOutcome(bool Sent, DateTimeOffset ExpiresAt, string? EmailRefusal);

/// <summary>
/// The representatives of a nomination's organisation (issue 18, docs/decisions/050): invited by the
/// committee of the nomination's province from the nomination, through the invitation mechanism of
/// docs/decisions/031 (72-hour link, superseded, revoked, mailed through the outbox). The account is
/// created with the role <see cref="Roles.CandidateRepresentative"/> and the nomination's organisation,
/// taken from the nomination read in the committee's scope, never from anything posted; an address
/// already used by any other account is refused. Every change is audited in the nomination's province.
/// The caller has read the nomination in its scope; each method saves its own transaction.
/// </summary>
public sealed class Representatives(
    ParitranaDbContext db,
    UserManager<PortalUser> users,
    ILookupNormalizer normalizer,
    Invitations invitations,
    SessionStore sessions,
    AuditTrail audit,
    CurrentUser me,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>The representatives of <paramref name="organisationId"/>, by name, with their latest invitation.</summary>
    public async Task<IReadOnlyList<RepresentativeRow>> ListAsync(int organisationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (
                from u in OfOrganisation(organisationId)
                let latest = db.AccountInvitations.Where(i => i.UserId == u.Id).OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id).FirstOrDefault()
                orderby u.FullName, u.Email
                select new
                {
                    u.Id,
                    u.FullName,
                    u.Email,
                    u.IsDisabled,
                    HasPassword = u.PasswordHash != null,
                    u.LastSignInAt,
                    SentAt = (DateTimeOffset?)latest!.SentAt,
                    ExpiresAt = (DateTimeOffset?)latest.ExpiresAt,
                    latest.AcceptedAt,
                    latest.EndedReason,
                })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.Select(r => new RepresentativeRow(
                r.Id, r.FullName, r.Email ?? "", r.IsDisabled, r.HasPassword, r.LastSignInAt, r.SentAt, r.ExpiresAt,
                InvitationRules.StateOf(r.HasPassword, r.ExpiresAt, r.AcceptedAt, r.EndedReason, now)))
            .ToList();
    }

    /// <summary>
    /// Invites <paramref name="email"/> as a representative of the nomination's organisation: a new
    /// account without a password and its invitation mail. An address of an account of another role or
    /// another organisation is refused; one of this organisation's representatives is told to use
    /// "Kirim ulang" on their row.
    /// </summary>
    public async Task<InviteOutcome> InviteAsync(NominationRef nomination, int organisationId, string fullName, string email, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var normalized = normalizer.NormalizeEmail(email);
        var existing = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized)
            .Select(u => new { u.OrganisationId })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return new InviteOutcome(false, default, existing.OrganisationId == organisationId
                ? l["{0} sudah terdaftar sebagai perwakilan organisasi ini. Kirim ulang undangannya dari daftar di bawah bila perlu.", email].Value
                : l["Alamat surel {0} sudah dipakai akun lain dan tidak dapat diundang sebagai perwakilan kandidat.", email].Value);
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName.Trim(),
            OrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.CandidateRepresentative);
        }

        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new InviteOutcome(false, default, string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
        }

        audit.Record(AuditActions.UserCreated, "user", user.Id.ToString(), nomination.ProvinceCode, AuditDetails.Of(
            ("email", email), ("role", Roles.CandidateRepresentative), ("organisation", nomination.OrganisationName),
            ("nomination", nomination.Id.ToString(CultureInfo.InvariantCulture))));
        var expires = await invitations.SendAsync(user, Roles.CandidateRepresentative, me.Id, ct, nomination.OrganisationName, nomination.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new InviteOutcome(true, expires, null);
    }

    /// <summary>The representative <paramref name="userId"/> of <paramref name="organisationId"/>, tracked; null when there is none (another organisation's, or another role's).</summary>
    public Task<PortalUser?> FindAsync(int organisationId, Guid userId, CancellationToken ct) =>
        OfOrganisation(organisationId).FirstOrDefaultAsync(u => u.Id == userId, ct);

    /// <summary>Sends a new invitation (the old link stops working); null when it was sent, else why not.</summary>
    public async Task<(DateTimeOffset? Expires, string? Refusal)> ResendAsync(NominationRef nomination, PortalUser user, CancellationToken ct)
    {
        if (user.PasswordHash is not null || user.IsDisabled)
        {
            return (null, l["Undangan hanya dapat dikirim untuk akun aktif yang belum memiliki kata sandi."].Value);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var expires = await invitations.SendAsync(user, Roles.CandidateRepresentative, me.Id, ct, nomination.OrganisationName, nomination.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (expires, null);
    }

    /// <summary>Revokes the open invitation; false when there was none.</summary>
    public async Task<bool> RevokeAsync(NominationRef nomination, PortalUser user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await invitations.RevokeAsync(user, ct, nomination.ProvinceCode))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Disables (or enables again) the representative's account: disabling ends their sessions at
    /// their next request and makes their link unusable; audited. False when it already was so.
    /// </summary>
    public async Task<bool> SetDisabledAsync(NominationRef nomination, PortalUser user, bool disabled, CancellationToken ct)
    {
        if (user.IsDisabled == disabled)
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.IsDisabled = disabled;
        var result = disabled ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (disabled)
        {
            await sessions.EndAllAsync(user.Id, user.ProvinceCode, SessionEndReason.Disabled, keep: null, ct);
        }

        audit.Record(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, "user", user.Id.ToString(), nomination.ProvinceCode,
            AuditDetails.Of(("email", user.Email ?? ""), ("organisation", nomination.OrganisationName)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The accounts of the role <see cref="Roles.CandidateRepresentative"/> bound to <paramref name="organisationId"/>.</summary>
    private IQueryable<PortalUser> OfOrganisation(int organisationId) =>
        from u in db.Users
        where u.OrganisationId == organisationId
        where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CandidateRepresentative))
        select u;
}
