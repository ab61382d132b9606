using System.Text.Json;
using Npgsql;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Infrastructure;

/// <summary>How long finished rows are kept: <c>Retention:*</c> (docs/decisions/039).</summary>
public sealed class RetentionOptions
{
    /// <summary>Sent (or cancelled) outbox mails, from when they were (<c>Retention:SentMail</c>). Mail waiting or given up is never pruned.</summary>
    public TimeSpan SentMail { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Ended sessions from their end, never-ended ones from their absolute expiry (<c>Retention:EndedSessions</c>).</summary>
    public TimeSpan EndedSessions { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Notifications read, from when they were (<c>Retention:ReadNotifications</c>); unread ones stay, settled or not.</summary>
    public TimeSpan ReadNotifications { get; set; } = TimeSpan.FromDays(90);

    public static RetentionOptions Read(IConfiguration configuration)
    {
        var o = new RetentionOptions();
        o.SentMail = configuration.GetValue("Retention:SentMail", o.SentMail);
        o.EndedSessions = configuration.GetValue("Retention:EndedSessions", o.EndedSessions);
        o.ReadNotifications = configuration.GetValue("Retention:ReadNotifications", o.ReadNotifications);
        return o;
    }
}

/// <summary>
/// The recurring job <c>retention.prune</c> (the shared job table, one instance at a time; daily):
/// deletes sent (or cancelled) outbox mails, ended or expired sessions and read notifications older
/// than their retention (<see cref="RetentionOptions"/>). Each is one DELETE by time, so a second
/// run (or one interrupted and run again elsewhere) deletes nothing more. Kept whatever their age:
/// unsent mail (waiting or given up, with its error), open sessions, unread notifications (settled
/// ones too: the list shows them as done, and the demo's history is made of them), and an
/// unsettled "overdue" reminder, whose once-only key stops the sweep from reminding of a still
/// overdue coaching item again.
/// </summary>
public sealed class RetentionPruning(IConfiguration configuration, TimeProvider clock) : IJobHandler
{
    public const string Kind = "retention.prune";

    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    /// <summary>The rows one run deleted.</summary>
    public sealed record Report(int Mails, int Sessions, int Notifications);

    public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
    {
        await PruneAsync(ct);
        return JobResult.RepeatAfter(Every);
    }

    public async Task<Report> PruneAsync(CancellationToken ct)
    {
        var retention = RetentionOptions.Read(configuration);
        var now = clock.GetUtcNow();
        await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
        await connection.OpenAsync(ct);
        var mails = await DeleteAsync(connection, "DELETE FROM outbox_mails WHERE sent_at < @before OR cancelled_at < @before", now - retention.SentMail, ct);
        var sessions = await DeleteAsync(connection,
            "DELETE FROM user_sessions WHERE (ended_at IS NOT NULL AND ended_at < @before) OR (ended_at IS NULL AND expires_at < @before)",
            now - retention.EndedSessions, ct);
        var notifications = await DeleteAsync(connection,
            $"""
            DELETE FROM notifications
            WHERE read_at < @before
              AND NOT (kind = '{nameof(NotificationKind.CoachingOverdue)}' AND settled_at IS NULL)
            """,
            now - retention.ReadNotifications, ct);
        return new Report(mails, sessions, notifications);
    }

    private static async Task<int> DeleteAsync(NpgsqlConnection connection, string sql, DateTimeOffset before, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("before", before);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
