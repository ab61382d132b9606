using System.Collections.Concurrent;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Accounts;

/// <summary>
/// The session check's rows (<see cref="SessionStore.ReadAsync"/>: the session, its account and the
/// bell's count) held in this instance's memory for at most <see cref="MaxAge"/>, so that a signed-in
/// request whose session was read a moment ago sends no statement for it (docs/decisions/048).
/// <para>
/// Correct across instances because every change that could alter a held row is announced:
/// triggers on <c>users</c>, <c>user_sessions</c> and <c>notifications</c> send
/// <c>NOTIFY paritrana_sessions, '&lt;user id&gt;'</c> in the transaction that makes the change
/// (migration <c>SessionChangeNotifications</c>), so every instance drops that person's rows when the
/// change commits, whatever wrote it (a sign-out, a password change, an administrator disabling the
/// account, a job adding a notification, plain SQL). On the instance that makes the change,
/// <see cref="SessionWrites"/> drops everything when the write runs and again when it commits, before
/// the response goes out, so the writer's own next request never waits for the notification.
/// </para>
/// <para>
/// Nothing is held while the instance's notification connection is down
/// (<see cref="PostgresNotifications.Listening"/>), everything is dropped when it is lost or listens
/// again, a row read while a change was being dropped is never kept (the generation it was read
/// under is gone), and only a verdict of "valid, nothing to write" is ever taken from a held row:
/// anything else (an ended, idle, expired or changed session, a "last seen" to write) is read again
/// from the database before it is acted on.
/// </para>
/// </summary>
public sealed class SessionCache
{
    /// <summary>The channel of the triggers' notifications (payload: the user's id).</summary>
    public const string Channel = "paritrana_sessions";

    /// <summary>The longest a row is used, even without any notification.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly PostgresNotifications _notifications;
    private readonly TimeProvider _clock;
    private long _generation;

    private const string SyncPrefix = "sync:";

    /// <summary>The longest <see cref="SyncAsync"/> waits for its own notification.</summary>
    public static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _syncs = new(StringComparer.Ordinal);
    private readonly IConfiguration _configuration;

    public SessionCache(PostgresNotifications notifications, TimeProvider clock, IConfiguration configuration)
    {
        _notifications = notifications;
        _clock = clock;
        _configuration = configuration;
        notifications.Received += (channel, payload) =>
        {
            if (channel == Channel)
            {
                if (payload.StartsWith(SyncPrefix, StringComparison.Ordinal))
                {
                    if (_syncs.TryRemove(payload, out var waiting))
                    {
                        waiting.TrySetResult();
                    }
                }
                else if (Guid.TryParse(payload, out var userId))
                {
                    DropUser(userId);
                }
                else
                {
                    Drop();
                }
            }
        };
        notifications.Reset += Drop;
    }

    /// <summary>
    /// Sends a notification of its own on <see cref="Channel"/> and waits (at most <see cref="SyncTimeout"/>)
    /// until this instance's listening connection receives it. PostgreSQL delivers notifications in the
    /// order of their commits, to every listening connection at once: once it arrives here, the
    /// notifications of every change committed before have been sent to every instance. A request
    /// that changed sessions, accounts or notifications calls this before its response goes out, so
    /// that the person's next request, wherever it goes, comes after the others were told.
    /// </summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        if (!_notifications.Listening)
        {
            return;
        }

        var payload = SyncPrefix + Guid.NewGuid().ToString("N");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _syncs[payload] = arrived;
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(PortalServices.ConnectionString(_configuration));
            await connection.OpenAsync(ct);
            await using var notify = new Npgsql.NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync(ct);
            await arrived.Task.WaitAsync(SyncTimeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or Npgsql.NpgsqlException || DatabaseFaults.IsDatabaseUnavailable(e))
        {
            // The listening connection is slow or lost (then everything held is dropped anyway), or the
            // database is down: the response goes out; the change itself was committed or not before this.
        }
        finally
        {
            _syncs.TryRemove(payload, out _);
        }
    }

    /// <summary>One session's row as read from the database, with the province of the bell's count.</summary>
    public sealed record Row(Guid UserId, string? Province, SessionState State, string? SecurityStamp, int OpenNotifications);

    private sealed record Entry(Row Row, DateTimeOffset LoadedAt);

    /// <summary>How many times rows were dropped (for tests and diagnostics).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The generation to pass to <see cref="Keep"/> for a row about to be read.</summary>
    public long Begin() => Interlocked.Read(ref _generation);

    /// <summary>The held row of this session, user and bell province, if one is fresh and may be used.</summary>
    public Row? Find(Guid sessionId, Guid userId, string? province)
    {
        if (!_notifications.Listening || !_entries.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        if (_clock.GetUtcNow() - entry.LoadedAt > MaxAge
            || entry.Row.UserId != userId || !string.Equals(entry.Row.Province, province, StringComparison.Ordinal))
        {
            _entries.TryRemove(KeyValuePair.Create(sessionId, entry));
            return null;
        }

        return entry.Row;
    }

    /// <summary>Keeps a row read under <paramref name="generation"/> (<see cref="Begin"/>), unless something was dropped since.</summary>
    public void Keep(Guid sessionId, Row row, long generation)
    {
        if (!_notifications.Listening || generation != Interlocked.Read(ref _generation))
        {
            return;
        }

        _entries[sessionId] = new Entry(row, _clock.GetUtcNow());

        // Dropped while it was being stored: not kept.
        if (generation != Interlocked.Read(ref _generation))
        {
            _entries.TryRemove(sessionId, out _);
        }
    }

    /// <summary>Forgets one session's row (found not valid, or ended here).</summary>
    public void Forget(Guid sessionId) => _entries.TryRemove(sessionId, out _);

    /// <summary>Drops every row held.</summary>
    public void Drop()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>Drops the rows of one person's sessions (and, so that no read under way keeps an older row, moves the generation on).</summary>
    public void DropUser(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (sessionId, entry) in _entries)
        {
            if (entry.Row.UserId == userId)
            {
                _entries.TryRemove(sessionId, out _);
            }
        }
    }
}
