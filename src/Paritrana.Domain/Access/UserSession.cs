namespace Paritrana.Domain.Access;

/// <summary>
/// One signed-in browser, known to the server (table user_sessions). Its id travels in the auth
/// cookie; the cookie is accepted only while this row says the session is open (see
/// <see cref="SessionRules"/>). Rows are never deleted by the portal: an ended session keeps when
/// and why it ended.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last request, written at most once per <see cref="SessionRules.LastSeenInterval"/>.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end: sign-in plus the absolute lifetime, whatever the activity.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
    public SessionEndReason? EndedReason { get; set; }
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>Why a session ended (stored by name: do not rename).</summary>
public enum SessionEndReason
{
    /// <summary>The user signed out.</summary>
    SignedOut = 1,

    /// <summary>No request for the idle lifetime.</summary>
    Idle,

    /// <summary>The absolute lifetime passed.</summary>
    Expired,

    /// <summary>The user changed their password in another session.</summary>
    PasswordChanged,

    /// <summary>The administrator set a new password.</summary>
    PasswordReset,

    /// <summary>The administrator disabled the account.</summary>
    Disabled,

    /// <summary>The administrator changed the account's role, province, branch office or e-mail.</summary>
    AccountChanged,

    /// <summary>The user turned two-factor sign-in on or off, or reset it, in another session.</summary>
    TwoFactorChanged,

    /// <summary>The user confirmed a new e-mail address (their sign-in name) in another session.</summary>
    EmailChanged,
}
