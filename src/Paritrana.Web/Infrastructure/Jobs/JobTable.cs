using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Paritrana.Web.Infrastructure.Jobs;

/// <summary>
/// Puts background work in the <c>jobs</c> table, on the caller's connection and inside the caller's
/// transaction: the job exists exactly when the change that asks for it is committed. A NOTIFY in
/// the same transaction (delivered at commit) wakes the runners at once; without it they find the
/// job at their next poll (docs/decisions/018-stateless-instances.md, docs/architecture.md "Jobs").
/// </summary>
public static class JobTable
{
    /// <summary>The channel the runners LISTEN on.</summary>
    public const string Channel = "paritrana_jobs";

    /// <summary>
    /// The SQL that wakes the job of a recurring <paramref name="kind"/> (a constant of the code, not
    /// user input): a queued one becomes due now; a running one gets a run_after later than its
    /// claim, which the runner keeps when it queues it again (a wake during a run is not lost); NOTIFY.
    /// </summary>
    public static string WakeSql(string kind) =>
        $"""
        UPDATE jobs SET run_after = CASE WHEN status = '{JobStatus.Running}' THEN clock_timestamp() ELSE now() END
        WHERE kind = '{kind}' AND ((status = '{JobStatus.Queued}' AND run_after > now()) OR status = '{JobStatus.Running}');
        SELECT pg_notify('{Channel}', '{kind}');
        """;

    public static async Task<long> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string kind, object payload, CancellationToken ct, TimeSpan? delay = null)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO jobs (kind, payload, status, run_after, attempts, created_at)
            VALUES (@kind, @payload, '{JobStatus.Queued}', now() + @delay, 0, now())
            RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(payload) });
        command.Parameters.AddWithValue("delay", delay ?? TimeSpan.Zero);
        var id = (long)(await command.ExecuteScalarAsync(ct))!;
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', @kind)", connection, transaction);
        notify.Parameters.AddWithValue("kind", kind);
        await notify.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>
    /// Enqueues a job of <paramref name="kind"/> unless one is already queued or running: for
    /// recurring work that must exist once whatever the number of instances. The check and the
    /// insert are serialised by a transaction-level advisory lock per kind.
    /// </summary>
    public static async Task EnsureOneAsync(string connectionString, string kind, object payload, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(hashtext(@kind));
            SELECT count(*) FROM jobs WHERE kind = @kind AND status IN ('{JobStatus.Queued}', '{JobStatus.Running}');
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("kind", kind);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            if (reader.GetInt64(0) > 0)
            {
                return;
            }
        }

        await EnqueueAsync(connection, transaction, kind, payload, ct);
        await transaction.CommitAsync(ct);
    }
}

/// <summary>The states of a job row.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}
