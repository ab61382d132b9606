using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Paritrana.Web.Features.Reports;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Health endpoints for operators and load balancers (docs/operations.md, docs/decisions/017):
/// <list type="bullet">
/// <item><c>/health/live</c>: the process answers; runs no check, touches no database.</item>
/// <item><c>/health/ready</c>: the database answers, no migration is pending, Chromium is there
/// and executable. The answer is the overall status and one line per check (name and status),
/// never a reason or an exception: those go to the log.</item>
/// <item><c>/health</c>: the same checks as ready, answering only the overall status, as it did
/// before ready existed (scripts and older compose files call it).</item>
/// </list>
/// All answer anonymously, before authentication (no session check), 200 or 503, never cached.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    public const string Legacy = "/health";

    /// <summary>Each check gives up after this; they run side by side, so ready answers within it.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private const string ReadyTag = "ready";

    public static void AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<ChromiumHealthCheck>("chromium", tags: [ReadyTag]);
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations)
            {
                registration.Timeout = CheckTimeout;
            }
        });
    }

    public static void MapPortalHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, Live, _ => false, StatusOnlyAsync);
        Map(endpoints, Ready, r => r.Tags.Contains(ReadyTag), StatusPerCheckAsync);
        Map(endpoints, Legacy, r => r.Tags.Contains(ReadyTag), StatusOnlyAsync);
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<HealthCheckRegistration, bool> predicate, Func<HttpContext, HealthReport, Task> writer) =>
        endpoints.MapHealthChecks(path, new HealthCheckOptions
            {
                Predicate = predicate,
                ResponseWriter = writer,
                AllowCachingResponses = false,
            })
            .AllowAnonymous()
            // Answered by routing itself: no rate limit, culture, cookie or session check runs first.
            .ShortCircuit();

    private static Task StatusOnlyAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Word(report.Status));
    }

    private static Task StatusPerCheckAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Describe(report));
    }

    /// <summary>"Healthy" then "name: Status" per check, one a line (names in registration order).</summary>
    public static string Describe(HealthReport report)
    {
        var text = new StringBuilder(Word(report.Status)).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(Word(entry.Status)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The check's own DbContext (a scope per check) gets connect and command timeouts of
    /// <see cref="CheckTimeout"/>: Npgsql does not give up opening a connection to a server that
    /// accepted it and went silent when the check's token is cancelled, only at its own Timeout.
    /// (The different connection string also gives the checks a small pool of their own.)
    /// </summary>
    internal static void WithShortTimeouts(DbContext db)
    {
        var seconds = (int)CheckTimeout.TotalSeconds;
        db.Database.SetConnectionString(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Timeout = seconds, CommandTimeout = seconds }.ConnectionString);
        db.Database.SetCommandTimeout(seconds);
    }

    private static string Word(HealthStatus status) => status == HealthStatus.Healthy ? "Healthy" : "Unhealthy";
}

/// <summary>Unhealthy when the database does not answer a query within the check timeout.</summary>
public sealed class DatabaseHealthCheck(ParitranaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        HealthEndpoints.WithShortTimeouts(db);
        // A query, not just an open: a pooled connection that the server or the network dropped
        // opens without complaint.
        await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Unhealthy while a migration of this build is not applied to the database (or it cannot be read).</summary>
public sealed class MigrationsHealthCheck(ParitranaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        HealthEndpoints.WithShortTimeouts(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
    }
}

/// <summary>Unhealthy when <c>Reports:ChromiumPath</c> is missing or not executable: no PDF report could be made.</summary>
public sealed class ChromiumHealthCheck(IOptions<PdfOptions> options) : IHealthCheck
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.ChromiumPath;
        var result = !File.Exists(path) ? HealthCheckResult.Unhealthy($"Chromium not found at {path}.")
            : !IsExecutable(path) ? HealthCheckResult.Unhealthy($"Chromium at {path} is not executable.")
            : HealthCheckResult.Healthy();
        return Task.FromResult(result);
    }

    /// <summary>Any execute bit (File.GetUnixFileMode follows a symbolic link to its target).</summary>
    internal static bool IsExecutable(string path) => OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0;
}
