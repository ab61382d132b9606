using System.Text.Json;

namespace Paritrana.Web.Infrastructure.Jobs;

/// <summary>
/// Runs the jobs of one kind. A handler is resolved in a scope of its own for each job. It must
/// tolerate running again after an interrupted run (a job whose instance died is run again by
/// another): make the work all-or-nothing in one transaction, or check what is already done.
/// </summary>
public interface IJobHandler
{
    Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct);
}

/// <summary>
/// A kind of job (e.g. <c>import.run</c>) and its handler; <paramref name="Recurring"/>: a job of this
/// kind must always exist once (queued or running), and the runner schedules it at start if missing.
/// </summary>
public sealed record JobKind(string Kind, Type Handler, bool Recurring);

/// <summary>What became of a run: done, to be tried again later (not a failure), or to run again after a while (recurring work).</summary>
public sealed record JobResult(JobResult.Outcome Result, TimeSpan Delay = default, string? Reason = null)
{
    public enum Outcome
    {
        Done,
        /// <summary>Not possible now (e.g. the work is locked by a run still open elsewhere): queued again, attempt not counted.</summary>
        Later,
        /// <summary>Done, and to run again after <see cref="Delay"/>.</summary>
        Repeat,
    }

    public static JobResult Done { get; } = new(Outcome.Done);

    public static JobResult Later(TimeSpan delay, string reason) => new(Outcome.Later, delay, reason);

    public static JobResult RepeatAfter(TimeSpan delay) => new(Outcome.Repeat, delay);
}

/// <summary>Settings of the job runner: <c>Jobs:*</c>.</summary>
public sealed class JobOptions
{
    /// <summary>How often an idle runner looks for due jobs, besides being woken by NOTIFY (<c>Jobs:PollInterval</c>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed job stays with its instance without renewal (<c>Jobs:Lease</c>); renewed every third of it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed runs after which a job is given up (<c>Jobs:MaxAttempts</c>).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Jobs one instance runs at the same time (<c>Jobs:Workers</c>).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>False: this instance runs no jobs (<c>Jobs:Enabled</c>), e.g. the command line.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The wait before the n-th retry after a failure: 10 s, 20 s, 40 s ... at most 10 minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
