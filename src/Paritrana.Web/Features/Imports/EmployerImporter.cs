using Microsoft.Extensions.Options;
using Npgsql;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Runs one started import batch as ONE PostgreSQL transaction: the stored file is read again
/// (streaming, checked against its hash and validated again) and its rows staged
/// (<see cref="ImportStaging"/>), then checked and written by a few set-based statements
/// (<see cref="EmployerUpsert"/>): employers by NPP, their coverage figures by as-of date and their
/// latest figures; the counts, the batch's Completed status and the audit event in the same
/// transaction. So an import interrupted at any point (connection lost, process killed) leaves
/// nothing behind; a failure is then recorded on the batch in a separate short transaction.
/// </summary>
public sealed class EmployerImporter(
    IConfiguration configuration,
    ImportStorage storage,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<EmployerImporter> logger) : ImportRunner(configuration, clock, logger)
{
    private protected override async Task<Counts> ImportAsync(NpgsqlConnection connection, string connectionString, ImportBatchRun batch, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging, CancellationToken ct)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        // Room for the hash joins of the staged rows with the employers, for this transaction only.
        await ImportDb.ExecuteAsync(connection, "SET LOCAL work_mem = '64MB'", ct);
        var reference = await ImportReferenceLoader.LoadAsync(connection, batch.BranchOfficeId, Wib.Today(Clock), ct);
        var now = Clock.GetUtcNow();
        await EmployerUpsert.BeginAsync(connection, ct);
        var written = new EmployerUpsert.Tally();
        var chunks = 0;

        // Each staged chunk is written while the next is read (ImportStaging.StageAsync).
        async Task WriteChunkAsync(int stagedRows, CancellationToken token)
        {
            if (chunks++ == 0 && afterStaging is not null)
            {
                await afterStaging(connection, token);
            }

            var dropped = reference.AllowedRegencies is { } allowed
                ? await EmployerUpsert.DropOrRefuseNppsOfOtherAreasAsync(connection, batch, allowed, token)
                : 0;
            await EmployerUpsert.WriteChunkAsync(connection, batch, stagedRows - dropped, now, written, token);
            written.Dropped += dropped;
        }

        var rows = await ImportStaging.StageAsync(connection, connectionString, batch, reference, storage, options.Value.ProgressEvery, options.Value.ChunkRows, WriteChunkAsync, Logger, ct);
        rows = rows with { Staged = rows.Staged - written.Dropped, Skipped = rows.Skipped + written.Dropped };
        Logger.LogInformation("Import batch {BatchId}: {Rows} rows read, validated, staged and written in {Chunks} chunks in {Ms} ms{Fallback}",
            batch.Id, rows.Read, chunks, phase.ElapsedMilliseconds, written.Fallbacks > 0 ? $" ({written.Fallbacks} upserts after a concurrent insert)" : "");
        return await EmployerUpsert.CompleteAsync(connection, batch, rows, now, ct);
    }
}
