using System.Net.Sockets;
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
    ILogger<EmployerImporter> logger)
{
    // Any fixed number, shared by all instances: with the batch id it names the lock of one batch's run.
    private const int AdvisoryLockClass = 0x494D5054; // "IMPT"

    public enum Outcome
    {
        Completed,
        Failed,
        /// <summary>The batch was not waiting to run (not started, or already finished).</summary>
        Skipped,
        /// <summary>Another run of the batch holds its lock (still running, or its transaction is still open).</summary>
        Busy,
    }

    public sealed record Counts(int Imported, int Skipped, int EmployersInserted, int EmployersUpdated, int FiguresInserted, int FiguresUpdated, int Unchanged);

    public sealed record Result(Outcome Outcome, Counts? Counts = null, ImportFailure? Failure = null);

    /// <param name="afterStaging">
    /// For tests: called with the import's connection after the first chunk of rows is staged and
    /// before anything is written to the real tables (a test cuts the connection there).
    /// </param>
    public async Task<Result> RunAsync(long batchId, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging = null, CancellationToken ct = default)
    {
        var connectionString = PortalServices.ConnectionString(configuration);
        ImportFailure failure;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (!await TryLockAsync(connection, batchId, ct))
            {
                return new Result(Outcome.Busy);
            }

            var batch = await LoadBatchAsync(connection, batchId, ct);
            if (batch is not { Status: ImportStatus.Running })
            {
                return new Result(Outcome.Skipped);
            }

            var counts = await ImportAsync(connection, connectionString, batch, afterStaging, ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Import batch {BatchId} completed: {Counts}", batchId, counts);
            return new Result(Outcome.Completed, counts);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shut down mid-import: rolled back; the batch stays Running and its job is handed back to run again.
            throw;
        }
        catch (ImportAbortException e)
        {
            failure = e.Failure;
        }
        catch (ImportFileException)
        {
            failure = ImportFailure.FileChanged;
        }
        catch (Exception e) when (IsConnectionLost(e))
        {
            logger.LogWarning(e, "Import batch {BatchId} lost its database connection; rolled back", batchId);
            failure = ImportFailure.DatabaseConnectionLost;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import batch {BatchId} failed; rolled back", batchId);
            failure = ImportFailure.Unexpected;
        }

        await MarkFailedAsync(connectionString, batchId, failure);
        return new Result(Outcome.Failed, Failure: failure);
    }

    private async Task<Counts> ImportAsync(NpgsqlConnection connection, string connectionString, ImportBatchRun batch, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging, CancellationToken ct)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        // Room for the hash joins of the staged rows with the employers, for this transaction only.
        await ImportDb.ExecuteAsync(connection, "SET LOCAL work_mem = '64MB'", ct);
        var reference = await ImportReferenceLoader.LoadAsync(connection, batch.BranchOfficeId, Wib.Today(clock), ct);
        var now = clock.GetUtcNow();
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

        var rows = await ImportStaging.StageAsync(connection, connectionString, batch, reference, storage, options.Value.ProgressEvery, options.Value.ChunkRows, WriteChunkAsync, logger, ct);
        rows = rows with { Staged = rows.Staged - written.Dropped, Skipped = rows.Skipped + written.Dropped };
        logger.LogInformation("Import batch {BatchId}: {Rows} rows read, validated, staged and written in {Chunks} chunks in {Ms} ms{Fallback}",
            batch.Id, rows.Read, chunks, phase.ElapsedMilliseconds, written.Fallbacks > 0 ? $" ({written.Fallbacks} upserts after a concurrent insert)" : "");
        return await EmployerUpsert.CompleteAsync(connection, batch, rows, now, ct);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long batchId, CancellationToken ct) =>
        await ImportDb.ScalarAsync<bool>(connection, "SELECT pg_try_advisory_xact_lock(@class, @key)", ct, ("class", AdvisoryLockClass), ("key", (int)(batchId % int.MaxValue)));

    private static async Task<ImportBatchRun?> LoadBatchAsync(NpgsqlConnection connection, long batchId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT b.status, b.file_name, b.file_sha256, b.branch_office_id, o.province_code, b.valid_rows_only, b.user_id, b.user_email
            FROM import_batches b LEFT JOIN branch_offices o ON o.id = b.branch_office_id
            WHERE b.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", batchId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new ImportBatchRun(
            batchId,
            (ImportStatus)reader.GetInt32(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? "" : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetBoolean(5),
            reader.IsDBNull(6) ? null : reader.GetGuid(6),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    /// <summary>Records the failure in its own short transaction (the import's was rolled back).</summary>
    private async Task MarkFailedAsync(string connectionString, long batchId, ImportFailure failure)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var now = clock.GetUtcNow();
            var message = ImportNames.Failure(failure);
            await using var command = new NpgsqlCommand(
                """
                UPDATE import_batches b SET status = @failed, error = @error, completed_at = @now
                WHERE b.id = @id AND b.status = @running
                RETURNING b.file_name, b.user_id, b.user_email, (SELECT o.province_code FROM branch_offices o WHERE o.id = b.branch_office_id)
                """, connection);
            command.Parameters.AddWithValue("failed", (int)ImportStatus.Failed);
            command.Parameters.AddWithValue("running", (int)ImportStatus.Running);
            command.Parameters.AddWithValue("error", message);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("id", batchId);
            string fileName;
            Guid? userId;
            string? email, province;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync())
                {
                    return;
                }

                fileName = reader.GetString(0);
                userId = reader.IsDBNull(1) ? null : reader.GetGuid(1);
                email = reader.IsDBNull(2) ? null : reader.GetString(2);
                province = reader.IsDBNull(3) ? null : reader.GetString(3);
            }

            await ImportDb.AuditAsync(connection, AuditActions.ImportFailed, batchId, userId, email, province, $"file: '{fileName}'; error: {failure}", now, null, CancellationToken.None);
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // The database is still out of reach: the batch stays Running and runs again at the next start.
            logger.LogError(e, "Could not record the failure of import batch {BatchId}", batchId);
        }
    }

    /// <summary>A lost connection: terminated backend, network error, server shutting down.</summary>
    internal static bool IsConnectionLost(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                return pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
            }

            if (e is NpgsqlException { IsTransient: true } or IOException or SocketException or EndOfStreamException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The batch being run, as the importer loaded it under the batch's lock.</summary>
internal sealed record ImportBatchRun(long Id, ImportStatus Status, string FileName, string Sha256, int? BranchOfficeId, string? ProvinceCode, bool ValidRowsOnly, Guid? UserId, string? UserEmail);

/// <summary>Ends an import run with a known failure (rolled back, then recorded on the batch).</summary>
internal sealed class ImportAbortException(ImportFailure failure) : Exception
{
    public ImportFailure Failure { get; } = failure;
}
