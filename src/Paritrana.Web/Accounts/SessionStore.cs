namespace Paritrana.Web.Accounts;

/// <summary>
/// The sessions the server knows (user_sessions, docs/decisions/012-server-side-sessions.md):
/// started at sign-in, read on every request by <see cref="SessionValidator"/>, ended by signing
/// out, by the lifetimes, and by changes to the account. The database is the store, so several
/// instances of the portal share it.
/// </summary>
public sealed class SessionStore(
    ParitranaDbContext db,
    IDbContextFactory<ParitranaDbContext> contexts,
    AuditTrail audit,
    TimeProvider clock,
    SessionLifetimes lifetimes,
    SessionCache cache)
{
    public SessionLifetimes Lifetimes => lifetimes;

    /// <summary>Starts a session for a sign-in, on a context of its own (nothing else of the request is saved).</summary>
    public async Task<Guid> StartAsync(Guid userId, HttpContext http, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetimes.Absolute,
            ClientAddress = Cut(http.Connection.RemoteIpAddress?.ToString(), 64),
            UserAgent = Cut(http.Request.Headers.UserAgent.ToString(), 300),
        };
        await using var own = contexts.CreateDbContext();
        own.UserSessions.Add(session);
        await own.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// The session and its account, as one query of two primary-key lookups (the per-request cost),
    /// or, when <paramref name="mayUseHeld"/>, the row this instance read a moment ago
    /// (<see cref="SessionCache"/>, docs/decisions/048). Null when there is no such session of this user.
    /// </summary>
    /// <param name="province">The province of the cookie: the person's open notifications of it, and
    /// those about their own account, are counted in the same statement, for the bell of the page
    /// (<see cref="Features.Notifications.NotificationBell.Of"/>; without a province, only the latter).</param>
    public async Task<SessionRead?> ReadAsync(Guid sessionId, Guid userId, string securityStamp, string? province, bool mayUseHeld, CancellationToken ct)
    {
        // The request's queries share this connection from here on (it is closed with the request's
        // DbContext): otherwise each query takes a connection from the pool and gives it back, and
        // Npgsql resets it (DISCARD ALL) before the next one, a statement per query for nothing.
        // Opening an idle pooled connection sends nothing.
        await db.Database.OpenConnectionAsync(ct);
        if (mayUseHeld && cache.Find(sessionId, userId, province) is { } held)
        {
            return Of(held, securityStamp, fromCache: true);
        }

        var generation = cache.Begin();
        var row = province is null ? await ReadQuery(db, sessionId, userId, ct) : await ReadWithBellQuery(db, sessionId, userId, province, ct);
        if (row is null)
        {
            cache.Forget(sessionId);
            return null;
        }

        var read = new SessionCache.Row(userId, province,
            new SessionState(row.LastSeenAt, row.ExpiresAt, row.EndedAt, row.EndedReason, row.IsDisabled, StampMatches: false),
            row.SecurityStamp, row.OpenNotifications);
        cache.Keep(sessionId, read, generation);
        return Of(read, securityStamp, fromCache: false);
    }

    /// <summary>The session check's answer: the session's state against the cookie's stamp, the bell's count, and whether it came from this instance's memory.</summary>
    public sealed record SessionRead(SessionState State, int OpenNotifications, bool FromCache);

    private static SessionRead Of(SessionCache.Row row, string securityStamp, bool fromCache) =>
        new(row.State with { StampMatches = string.Equals(row.SecurityStamp, securityStamp, StringComparison.Ordinal) }, row.OpenNotifications, fromCache);

    /// <summary>Forgets this instance's row of a session (it was found not valid).</summary>
    public void ForgetHeld(Guid sessionId) => cache.Forget(sessionId);

    private sealed record SessionRow(DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, DateTimeOffset? EndedAt, SessionEndReason? EndedReason, bool IsDisabled, string? SecurityStamp, int OpenNotifications);

    /// <summary>Compiled once: the query of every signed-in request (docs/decisions/020), with the bell of an account without a province.</summary>
    private static readonly Func<ParitranaDbContext, Guid, Guid, CancellationToken, Task<SessionRow?>> ReadQuery =
        EF.CompileAsyncQuery((ParitranaDbContext db, Guid sessionId, Guid userId, CancellationToken ct) => (
                from s in db.UserSessions.AsNoTracking()
                join u in db.Users on s.UserId equals u.Id
                where s.Id == sessionId && s.UserId == userId
                select new SessionRow(s.LastSeenAt, s.ExpiresAt, s.EndedAt, s.EndedReason, u.IsDisabled, u.SecurityStamp,
                    db.Notifications.Where(n => n.UserId == userId && n.ProvinceCode == null).Count(Features.Notifications.NotificationBell.IsOpen)))
            .FirstOrDefault());

    /// <summary>The same, with the bell's count of the person's open notifications of <c>province</c> and of their account.</summary>
    private static readonly Func<ParitranaDbContext, Guid, Guid, string, CancellationToken, Task<SessionRow?>> ReadWithBellQuery =
        EF.CompileAsyncQuery((ParitranaDbContext db, Guid sessionId, Guid userId, string province, CancellationToken ct) => (
                from s in db.UserSessions.AsNoTracking()
                join u in db.Users on s.UserId equals u.Id
                where s.Id == sessionId && s.UserId == userId
                select new SessionRow(s.LastSeenAt, s.ExpiresAt, s.EndedAt, s.EndedReason, u.IsDisabled, u.SecurityStamp,
                    db.Notifications.Where(n => n.UserId == userId && (n.ProvinceCode == province || n.ProvinceCode == null)).Count(Features.Notifications.NotificationBell.IsOpen)))
            .FirstOrDefault());

    /// <summary>Writes "last seen" (the validator asks at most once per <see cref="SessionRules.LastSeenInterval"/>).</summary>
    public async Task TouchAsync(Guid sessionId, DateTimeOffset now, CancellationToken ct) =>
        await db.UserSessions
            .Where(s => s.Id == sessionId && s.EndedAt == null && s.LastSeenAt < now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);

    /// <summary>
    /// Ends one session on a context of its own: a sign-out, or a session the validator found over
    /// (then, when <paramref name="audited"/>, with an audit event in the same transaction).
    /// False when it had already ended.
    /// </summary>
    public async Task<bool> EndOneAsync(Guid sessionId, Guid userId, string? email, SessionEndReason reason, bool audited, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var own = contexts.CreateDbContext();
        await using var tx = await own.Database.BeginTransactionAsync(ct);
        var ended = await own.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason), ct);
        if (ended == 1 && audited)
        {
            var e = audit.Create(AuditActions.SessionEnded, "user", userId.ToString(), details: Details(reason, 1));
            e.UserId = userId;
            e.UserEmail = email;
            own.AuditEvents.Add(e);
            await own.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return ended == 1;
    }

    /// <summary>
    /// Ends every open session of a user, except <paramref name="keep"/> (the session that changed
    /// its own password), in the request's connection and transaction: call it inside the
    /// transaction of the change that ends them. Its audit event is added to the request's
    /// DbContext and saved by the caller's SaveChanges, with the change.
    /// </summary>
    public async Task<int> EndAllAsync(Guid userId, string? provinceCode, SessionEndReason reason, Guid? keep, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null);
        if (keep is Guid kept)
        {
            open = open.Where(s => s.Id != kept);
        }

        var ended = await open.ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason), ct);
        if (ended > 0)
        {
            audit.Record(AuditActions.SessionEnded, "user", userId.ToString(), provinceCode, Details(reason, ended));
        }

        return ended;
    }

    private static AuditDetails Details(SessionEndReason reason, int sessions) =>
        AuditDetails.Of(("reason", SessionEndings.Code(reason)), ("sessions", sessions.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string? Cut(string? text, int length) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];
}
