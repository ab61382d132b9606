using System.Text.Json;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The job that runs one started import batch (payload <c>{"batchId": N}</c>), enqueued in the
/// transaction that marks the batch Running (<see cref="ImportService.StartAsync"/>); one job kind
/// per kind of file (<see cref="ImportJob"/>, <see cref="RegionalImportJob"/>).
/// The import is one transaction holding a transaction-level advisory lock on its batch
/// (<see cref="ImportRunner"/>): while the run of an instance that died is still open in
/// PostgreSQL, a takeover finds the batch locked and tries again a little later; once PostgreSQL
/// has rolled it back, the takeover runs the batch from the start. A batch no longer Running
/// (completed, failed) is done.
/// </summary>
public abstract class BatchImportJob(ImportRunner importer) : IJobHandler
{
    /// <summary>How long a takeover waits before trying a batch whose lock is still held.</summary>
    public static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(2);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Payload(long BatchId);

    public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
    {
        var batchId = payload.Deserialize<Payload>(Json)!.BatchId;
        var result = await importer.RunAsync(batchId, ct: ct);
        return result.Outcome == ImportRunner.Outcome.Busy
            ? JobResult.Later(BusyRetry, $"import batch {batchId} is locked by a run still open")
            : JobResult.Done;
    }
}

/// <summary>Runs an employer import batch (<c>import.run</c>).</summary>
public sealed class ImportJob(EmployerImporter importer) : BatchImportJob(importer)
{
    public const string Kind = "import.run";
}

/// <summary>Runs a regional coverage import batch (<c>import.regional</c>).</summary>
public sealed class RegionalImportJob(RegionalImporter importer) : BatchImportJob(importer)
{
    public const string Kind = "import.regional";
}
