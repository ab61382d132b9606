using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// A wake (run_after moved and NOTIFY) that arrives while a recurring job runs is kept when the
/// runner queues the job again at the end of the run: the job runs again at once, not after its
/// repeat delay (issue 14; the mail drain lost such wakes). Each step waits for a signal of the
/// handler; nothing depends on timing but the 200 ms poll.
/// </summary>
public class JobWakeTests : IAsyncLifetime
{
    private const string Kind = "test.recurring";
    private static readonly TimeSpan RepeatDelay = TimeSpan.FromHours(1);
    private static readonly Lock Gate = new();
    private static TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int _runs;
    private string _database = "";
    private PortalFactory? _host;
    private WebApplicationFactory<Program>? _configured;

    /// <summary>Says it started, waits to be released, and asks to run again in an hour.</summary>
    private sealed class HeldHandler : IJobHandler
    {
        public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
        {
            Task release;
            lock (Gate)
            {
                _runs++;
                _started.TrySetResult();
                release = _release.Task;
            }

            await release.WaitAsync(ct);
            return JobResult.RepeatAfter(RepeatDelay);
        }
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("wake");
        _host = new PortalFactory(_database, settings: new Dictionary<string, string?> { ["Jobs:Workers"] = "1", ["Jobs:PollInterval"] = "00:00:00.200" });
        var configured = _host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddJobHandler<HeldHandler>(Kind, recurring: true)));
        configured.StartServer();
        _configured = configured;
    }

    public async Task DisposeAsync()
    {
        lock (Gate)
        {
            _release.TrySetResult();
        }

        if (_configured is not null)
        {
            await _configured.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await TestDatabase.DropAsync(_database);
    }

    private static (Task Started, TaskCompletionSource Release) Next()
    {
        lock (Gate)
        {
            var release = _release;
            _started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (_started.Task, release);
        }
    }

    private async Task WakeAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(JobTable.WakeSql(Kind), connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<string?> StateAsync() => TestDatabase.ScalarAsync<string>(_database,
        $"SELECT status || ' ' || CASE WHEN run_after <= now() THEN 'due' WHEN run_after > now() + interval '59 minutes' THEN 'in an hour' ELSE 'soon' END FROM jobs WHERE kind = '{Kind}'");

    private async Task WaitForStateAsync(string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await StateAsync() != state)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"job never reached '{state}', is '{await StateAsync()}'");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_wake_during_a_run_makes_the_job_run_again_at_once_and_without_one_it_waits_its_delay()
    {
        // The first run (scheduled at start-up) is held.
        Task started;
        TaskCompletionSource release;
        lock (Gate)
        {
            started = _started.Task;
        }

        await started.WaitAsync(TimeSpan.FromSeconds(60));
        (await StateAsync()).ShouldBe("running due");

        // Woken while it runs, then released: queued as due, and it runs again without an hour's wait.
        await WakeAsync();
        (started, release) = Next();
        release.SetResult();
        await started.WaitAsync(TimeSpan.FromSeconds(30));
        Volatile.Read(ref _runs).ShouldBe(2);

        // Not woken this time: released, it is queued an hour ahead.
        (_, release) = Next();
        release.SetResult();
        await WaitForStateAsync("queued in an hour");
        Volatile.Read(ref _runs).ShouldBe(2);
    }
}
