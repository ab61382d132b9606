using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Paritrana.Web.Infrastructure.Jobs;

/// <summary>
/// Runs jobs from the <c>jobs</c> table on every instance (docs/decisions/018-stateless-instances.md).
/// A worker claims one due job with <c>FOR UPDATE SKIP LOCKED</c> (so two instances never claim the
/// same one), marks it running under a lease in its instance's name, renews the lease every third of
/// its length while the handler runs, and then marks it done, queues it again (with a back-off after
/// a failure) or gives it up after <see cref="JobOptions.MaxAttempts"/>. A job whose lease ran out
/// (its instance died) is claimed again by any instance. Idle workers wait for a NOTIFY on
/// <see cref="JobTable.Channel"/> (received by the instance's <see cref="PostgresNotifications"/>) or the poll interval. At shutdown a running job is handed back
/// (queued, attempt not counted) for another instance.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<JobKind> kinds,
    IConfiguration configuration,
    IOptions<JobOptions> options,
    PostgresNotifications notifications,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly Dictionary<string, JobKind> _kinds = kinds.ToDictionary(k => k.Kind);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    /// <summary>This instance's name on the leases it holds: host, process and a random part.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private string ConnectionString => PortalServices.ConnectionString(configuration);

    private JobOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled || _kinds.Count == 0)
        {
            return;
        }

        // Let the host finish starting (and migrations run) before the first query.
        await Task.Yield();
        await EnsureRecurringAsync(stoppingToken);
        notifications.Received += OnNotification;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Options.Workers)).Select(_ => WorkAsync(stoppingToken)));
        }
        finally
        {
            notifications.Received -= OnNotification;
        }
    }

    /// <summary>A job was queued (on any instance): wake the idle workers.</summary>
    private void OnNotification(string channel, string payload)
    {
        if (channel == JobTable.Channel)
        {
            _wake.Release(Math.Max(1, Options.Workers));
        }
    }

    private async Task EnsureRecurringAsync(CancellationToken ct)
    {
        foreach (var kind in _kinds.Values.Where(k => k.Recurring).Select(k => k.Kind))
        {
            try
            {
                await JobTable.EnsureOneAsync(ConnectionString, kind, new { }, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not schedule the recurring job {Kind}", kind);
            }
        }
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            ClaimedJob? job = null;
            try
            {
                job = await ClaimAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not claim a job");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (job is null)
            {
                try
                {
                    await _wake.WaitAsync(Options.PollInterval, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            // Another worker may find a second due job at once.
            _wake.Release();
            await RunAsync(job, ct);
        }
    }

    /// <summary>A claimed job; <paramref name="ClaimedAt"/> is the claim's database time (a wake after it moves run_after past it).</summary>
    private sealed record ClaimedJob(long Id, string Kind, string Payload, int Attempts, DateTime ClaimedAt);

    private async Task<ClaimedJob?> ClaimAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE jobs SET status = '{JobStatus.Running}', lease_owner = @owner, lease_expires_at = now() + @lease, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM jobs
                WHERE kind = ANY(@kinds)
                  AND ((status = '{JobStatus.Queued}' AND run_after <= now()) OR (status = '{JobStatus.Running}' AND lease_expires_at < now()))
                ORDER BY run_after, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, payload::text, attempts, now()
            """, connection);
        command.Parameters.AddWithValue("owner", InstanceId);
        command.Parameters.AddWithValue("lease", Options.Lease);
        command.Parameters.AddWithValue("kinds", _kinds.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ClaimedJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetDateTime(4))
            : null;
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        if (job.Attempts > Options.MaxAttempts)
        {
            await FinishAsync(job, JobStatus.Failed, TimeSpan.Zero, $"Given up after {Options.MaxAttempts} attempts.", countAttempt: true);
            return;
        }

        using var leaseLost = new CancellationTokenSource();
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leaseLost.Token);
        using var stopRenewal = new CancellationTokenSource();
        var renewal = RenewAsync(job, leaseLost, stopRenewal.Token);
        try
        {
            LogStarted(job.Id, job.Kind, job.Attempts);
            await using var scope = scopes.CreateAsyncScope();
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(_kinds[job.Kind].Handler);
            using var payload = JsonDocument.Parse(job.Payload);
            var result = await handler.RunAsync(payload.RootElement, running.Token);
            await stopRenewal.CancelAsync();
            await renewal;
            switch (result.Result)
            {
                case JobResult.Outcome.Done:
                    await FinishAsync(job, JobStatus.Done, TimeSpan.Zero, null, countAttempt: true);
                    break;
                case JobResult.Outcome.Repeat:
                    await FinishAsync(job, JobStatus.Queued, result.Delay, null, countAttempt: false);
                    break;
                default:
                    LogLater(job.Id, job.Kind, result.Reason);
                    await FinishAsync(job, JobStatus.Queued, result.Delay, result.Reason, countAttempt: false);
                    break;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back at once, without counting the attempt.
            await StopRenewalAsync(stopRenewal, renewal);
            await FinishAsync(job, JobStatus.Queued, TimeSpan.Zero, "Handed back at shutdown.", countAttempt: false);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            await StopRenewalAsync(stopRenewal, renewal);
            logger.LogWarning("Job {JobId} ({Kind}) lost its lease and was stopped; another instance has it", job.Id, job.Kind);
        }
        catch (Exception e)
        {
            await StopRenewalAsync(stopRenewal, renewal);
            var giveUp = job.Attempts >= Options.MaxAttempts;
            logger.LogError(e, "Job {JobId} ({Kind}) failed on attempt {Attempt}{GiveUp}", job.Id, job.Kind, job.Attempts, giveUp ? "; given up" : "");
            await FinishAsync(job, giveUp ? JobStatus.Failed : JobStatus.Queued, JobOptions.Backoff(job.Attempts), Truncate(e.GetType().Name + ": " + e.Message), countAttempt: true);
        }
    }

    private static async Task StopRenewalAsync(CancellationTokenSource stop, Task renewal)
    {
        await stop.CancelAsync();
        await renewal;
    }

    private async Task RenewAsync(ClaimedJob job, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Options.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(stop);
                await using var command = new NpgsqlCommand(
                    $"UPDATE jobs SET lease_expires_at = now() + @lease WHERE id = @id AND lease_owner = @owner AND status = '{JobStatus.Running}'", connection);
                command.Parameters.AddWithValue("lease", Options.Lease);
                command.Parameters.AddWithValue("id", job.Id);
                command.Parameters.AddWithValue("owner", InstanceId);
                if (await command.ExecuteNonQueryAsync(stop) == 0)
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The lease runs out unless a later renewal succeeds; the handler's own transaction decides.
            logger.LogWarning(e, "Could not renew the lease of job {JobId}", job.Id);
        }
    }

    private async Task FinishAsync(ClaimedJob job, string status, TimeSpan delay, string? error, bool countAttempt)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand(
                $"""
                UPDATE jobs SET status = @status, lease_owner = NULL, lease_expires_at = NULL, last_error = COALESCE(@error, last_error),
                    run_after = CASE WHEN @status <> '{JobStatus.Queued}' THEN run_after
                        WHEN @keepWake AND run_after > @claimedAt THEN LEAST(run_after, now() + @delay)
                        ELSE now() + @delay END,
                    attempts = CASE WHEN @count THEN attempts ELSE attempts - 1 END,
                    finished_at = CASE WHEN @status IN ('{JobStatus.Done}', '{JobStatus.Failed}') THEN now() END
                WHERE id = @id AND lease_owner = @owner
                """, connection);
            command.Parameters.AddWithValue("status", status);
            command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
            command.Parameters.AddWithValue("delay", delay);
            command.Parameters.AddWithValue("count", countAttempt);
            // A wake that came while the job ran (run_after set after the claim) is kept: the next run is not put off past it.
            command.Parameters.AddWithValue("keepWake", status == JobStatus.Queued && countAttempt == false);
            command.Parameters.AddWithValue("claimedAt", job.ClaimedAt);
            command.Parameters.AddWithValue("id", job.Id);
            command.Parameters.AddWithValue("owner", InstanceId);
            await command.ExecuteNonQueryAsync(timeout.Token);
            LogFinished(job.Id, job.Kind, status);
        }
        catch (Exception e)
        {
            // The lease runs out and another instance runs the job again; handlers tolerate that.
            logger.LogError(e, "Could not record the end of job {JobId}", job.Id);
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) started, attempt {Attempt}")]
    private partial void LogStarted(long jobId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) is {Status}")]
    private partial void LogFinished(long jobId, string kind, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) cannot run now: {Reason}")]
    private partial void LogLater(long jobId, string kind, string? reason);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
