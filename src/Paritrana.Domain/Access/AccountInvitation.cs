namespace Paritrana.Domain.Access;

/// <summary>
/// An invitation to an account the administrator created without a password (table
/// account_invitations): a mailed link, valid for <see cref="InvitationRules.Lifetime"/> and once,
/// to a page where the person sets their own password. Only the SHA-256 of the link's token is
/// kept. Sending it again ends the open one (superseded); the administrator may revoke it.
/// </summary>
public class AccountInvitation
{
    public long Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the token in the link, hex; the link itself is never stored.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public Guid? SentBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When it stopped working before its time: revoked, or replaced by a new one.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public InvitationEnd? EndedReason { get; set; }
}

/// <summary>Why an invitation stopped working before it was used (stored by name: do not rename).</summary>
public enum InvitationEnd
{
    /// <summary>The administrator revoked it.</summary>
    Revoked = 1,

    /// <summary>The administrator sent a new one.</summary>
    Superseded,
}

/// <summary>Where an account stands with its invitation, as the users list shows it.</summary>
public enum InvitationState
{
    /// <summary>Not an invited account (it has a password), or its invitation was accepted.</summary>
    None,

    /// <summary>Invited; the link works until the invitation's expiry.</summary>
    Open,

    /// <summary>Invited, but the link's time is over and nobody used it.</summary>
    Expired,

    /// <summary>The administrator revoked the invitation; the account has no password.</summary>
    Revoked,
}

/// <summary>The rules of invitations: how long a link works, and the state of an account's latest invitation.</summary>
public static class InvitationRules
{
    /// <summary>72 hours, issue 14.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    /// <summary>
    /// The state of an account from its latest invitation (null: none) and whether it has a
    /// password: an account with a password is past invitations, whatever the last one says.
    /// </summary>
    public static InvitationState StateOf(bool hasPassword, DateTimeOffset? expiresAt, DateTimeOffset? acceptedAt, InvitationEnd? ended, DateTimeOffset now) =>
        hasPassword || expiresAt is null || acceptedAt is not null ? InvitationState.None
        : ended == InvitationEnd.Revoked ? InvitationState.Revoked
        : ended is not null ? InvitationState.Expired
        : now < expiresAt ? InvitationState.Open
        : InvitationState.Expired;

    /// <summary>Whether a link of this invitation may still set a password at <paramref name="now"/>.</summary>
    public static bool Usable(AccountInvitation invitation, DateTimeOffset now) =>
        invitation.AcceptedAt is null && invitation.EndedAt is null && now < invitation.ExpiresAt;
}
