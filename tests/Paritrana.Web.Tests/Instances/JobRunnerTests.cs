using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// The job table with two instances claiming from it at once (docs/decisions/018): every job runs
/// exactly once, however the two race for it.
/// </summary>
public class JobRunnerTests : IAsyncLifetime
{
    private const string Kind = "test.record";
    private string _database = "";
    private readonly List<IAsyncDisposable> _hosts = [];

    /// <summary>Records each run in a table of the test (no unique key: a second run would show as a second row).</summary>
    private sealed class RecordingHandler(IConfiguration configuration) : IJobHandler
    {
        public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Paritrana"));
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("INSERT INTO test_job_runs (n, backend) VALUES (@n, pg_backend_pid())", connection);
            command.Parameters.AddWithValue("n", payload.GetProperty("N").GetInt32());
            await command.ExecuteNonQueryAsync(ct);
            return JobResult.Done;
        }
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("jobs");
        await TestDatabase.ExecuteAsync("CREATE TABLE test_job_runs (n int NOT NULL, backend int NOT NULL)", _database);
        for (var i = 0; i < 2; i++)
        {
            var host = new PortalFactory(_database, settings: new Dictionary<string, string?> { ["Jobs:Workers"] = "3", ["Jobs:PollInterval"] = "00:00:00.200" });
            var configured = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddJobHandler<RecordingHandler>(Kind)));
            configured.StartServer();
            _hosts.Add(configured);
            _hosts.Add(host);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task Two_instances_competing_for_the_same_jobs_run_each_exactly_once()
    {
        for (var round = 0; round < 10; round++)
        {
            // 20 jobs committed at once, one NOTIFY: both instances' six workers wake together.
            var first = round * 20;
            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_database)))
            {
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                for (var n = first; n < first + 20; n++)
                {
                    await JobTable.EnqueueAsync(connection, transaction, Kind, new { N = n }, CancellationToken.None);
                }

                await transaction.CommitAsync();
            }

            await WaitUntilAsync($"SELECT count(*) = 0 FROM jobs WHERE kind = '{Kind}' AND status <> 'done'");
        }

        (await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM test_job_runs")).ShouldBe(200);
        (await TestDatabase.ScalarAsync<long>(_database, "SELECT count(DISTINCT n) FROM test_job_runs")).ShouldBe(200);
        (await TestDatabase.ScalarAsync<string>(_database,
            $"SELECT concat_ws('|', count(*), min(attempts), max(attempts), count(finished_at), count(lease_owner)) FROM jobs WHERE kind = '{Kind}'")).ShouldBe("200|1|1|200|0");
    }

    private async Task WaitUntilAsync(string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await TestDatabase.ScalarAsync<bool>(_database, condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(condition);
            }

            await Task.Delay(50);
        }
    }
}
