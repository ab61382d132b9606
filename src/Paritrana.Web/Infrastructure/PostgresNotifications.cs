using Npgsql;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// The instance's one <c>LISTEN</c> connection to PostgreSQL, shared by everything that reacts to a
/// <c>NOTIFY</c>: the job runners (<see cref="JobTable.Channel"/>) and the reference data cache
/// (<see cref="ReferenceData.Channel"/>, docs/decisions/032) and the session check's rows
/// (<see cref="Accounts.SessionCache.Channel"/>, docs/decisions/048). A NOTIFY is delivered at the commit
/// of the transaction that sent it, and never when that transaction rolls back.
/// <para>
/// While the connection is down, notifications are lost, so <see cref="Listening"/> is false and
/// <see cref="Reset"/> is raised when it is lost and again when a new connection listens: whoever
/// holds state that a notification would have dropped drops it all then. An idle connection is
/// checked with a <c>SELECT 1</c> every <see cref="CheckInterval"/>, so a connection that died
/// without closing (a half-open TCP connection, a failover) is noticed within that time.
/// </para>
/// </summary>
public sealed class PostgresNotifications(IConfiguration configuration, ILogger<PostgresNotifications> logger) : BackgroundService
{
    /// <summary>The channels listened to on the one connection.</summary>
    public static readonly IReadOnlyList<string> Channels = [JobTable.Channel, ReferenceData.Channel, Accounts.SessionCache.Channel];

    /// <summary>How long the connection may stay silent before it is checked.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private volatile bool _listening;

    /// <summary>A notification arrived: its channel and payload. Runs on the listening loop; keep it short.</summary>
    public event Action<string, string>? Received;

    /// <summary>The connection was lost or a new one started listening: notifications may have been missed.</summary>
    public event Action? Reset;

    /// <summary>True while a connection listens on every channel (notifications are being received).</summary>
    public bool Listening => _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first connection.
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Received?.Invoke(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand(string.Join(' ', Channels.Select(c => $"LISTEN {c};")), connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // From here on every committed NOTIFY reaches this connection; what was cached before may be stale.
                _listening = true;
                Reset?.Invoke();
                failures = 0;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(CheckInterval, stoppingToken))
                    {
                        await using var check = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)CheckInterval.TotalSeconds };
                        await check.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                {
                    logger.LogWarning(e, "Lost the PostgreSQL notification connection; listening again every {Interval}", RetryInterval);
                }
            }
            finally
            {
                if (_listening)
                {
                    _listening = false;
                    Reset?.Invoke();
                }
            }

            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
