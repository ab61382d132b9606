using System.Text.Json;
using Npgsql;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// The recurring job that deletes sign-in attempt windows older than an hour (<see cref="SignInRateLimit"/>);
/// it runs once an hour on one instance.
/// </summary>
public sealed class SignInAttemptPruning(IConfiguration configuration, TimeProvider clock) : IJobHandler
{
    public const string Kind = "sign-in-attempts.prune";

    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("DELETE FROM sign_in_attempts WHERE window_start < @before", connection);
        command.Parameters.AddWithValue("before", SignInRateLimit.WindowOf(clock.GetUtcNow()) - Every);
        await command.ExecuteNonQueryAsync(ct);
        return JobResult.RepeatAfter(Every);
    }
}
