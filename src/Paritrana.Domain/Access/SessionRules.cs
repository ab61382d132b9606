namespace Paritrana.Domain.Access;

/// <summary>How long a session may last: without a request (idle), and in all (absolute).</summary>
public sealed record SessionLifetimes(TimeSpan Idle, TimeSpan Absolute)
{
    /// <summary>60 minutes idle, 12 hours in all (docs/decisions/012-server-side-sessions.md).</summary>
    public static readonly SessionLifetimes Default = new(TimeSpan.FromMinutes(60), TimeSpan.FromHours(12));

    /// <summary>Refuses lifetimes that cannot work: not positive, or an idle lifetime longer than the absolute one.</summary>
    public static SessionLifetimes Create(TimeSpan idle, TimeSpan absolute) =>
        idle <= TimeSpan.Zero || absolute <= TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(idle), "Session lifetimes must be longer than zero.")
            : idle > absolute
                ? throw new ArgumentOutOfRangeException(nameof(idle), "The idle session lifetime cannot be longer than the absolute one.")
                : new SessionLifetimes(idle, absolute);
}

/// <summary>What the server knows of a session and its account when a request presents it.</summary>
public readonly record struct SessionState(
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    SessionEndReason? EndedReason,
    bool AccountDisabled,
    bool StampMatches);

/// <summary>The answer for one request: go on (and whether to write "last seen"), or the session is over and why.</summary>
public readonly record struct SessionVerdict(bool Valid, bool TouchLastSeen, SessionEndReason? Reason, bool EndNow)
{
    public static SessionVerdict Continue(bool touch) => new(true, touch, null, false);

    public static SessionVerdict End(SessionEndReason reason) => new(false, false, reason, true);

    public static SessionVerdict AlreadyEnded(SessionEndReason? reason) => new(false, false, reason, false);
}

/// <summary>
/// Whether a session presented with a request is still open. The account's state comes first (a
/// disabled account or a changed security stamp ends it even if no one ended it explicitly), then
/// the absolute lifetime, then the idle one. "Last seen" is written at most once a minute, so the
/// idle lifetime is enforced to within that minute.
/// </summary>
public static class SessionRules
{
    public static readonly TimeSpan LastSeenInterval = TimeSpan.FromMinutes(1);

    public static SessionVerdict Check(SessionState session, DateTimeOffset now, SessionLifetimes lifetimes)
    {
        if (session.EndedAt is not null)
        {
            return SessionVerdict.AlreadyEnded(session.EndedReason);
        }

        if (session.AccountDisabled)
        {
            return SessionVerdict.End(SessionEndReason.Disabled);
        }

        if (!session.StampMatches)
        {
            return SessionVerdict.End(SessionEndReason.AccountChanged);
        }

        if (now >= session.ExpiresAt)
        {
            return SessionVerdict.End(SessionEndReason.Expired);
        }

        var idleFor = now - session.LastSeenAt;
        if (idleFor >= lifetimes.Idle)
        {
            return SessionVerdict.End(SessionEndReason.Idle);
        }

        return SessionVerdict.Continue(touch: idleFor >= LastSeenInterval);
    }
}
