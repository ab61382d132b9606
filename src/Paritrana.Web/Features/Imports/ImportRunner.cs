using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Data;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Runs started import batches in the background, one at a time, in the order they were started:
/// the confirm button only queues the batch id and sends the user to the progress page. Batches
/// left Running by a stopped process (their transaction was rolled back) are queued again at start.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ILogger<ImportRunner> logger) : BackgroundService
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long batchId) => _queue.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueInterruptedAsync(stoppingToken);
        await foreach (var batchId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EmployerImporter>().RunAsync(batchId, ct: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Import batch {BatchId} could not be run", batchId);
            }
        }
    }

    private async Task RequeueInterruptedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            var interrupted = await db.ImportBatches.AsNoTracking()
                .Where(b => b.Status == ImportStatus.Running)
                .OrderBy(b => b.Id)
                .Select(b => b.Id)
                .ToListAsync(ct);
            foreach (var id in interrupted)
            {
                logger.LogInformation("Import batch {BatchId} was interrupted; running it again", id);
                Enqueue(id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not look for interrupted imports");
        }
    }
}
