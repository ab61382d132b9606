using System.Net.Sockets;
using Npgsql;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The frame of an import batch's run, whatever the file: ONE PostgreSQL transaction under a
/// transaction-level advisory lock on the batch; the batch must still be Running; the kind's own
/// work (<see cref="ImportAsync"/>) writes the rows, the batch's counts and its audit event in that
/// transaction. A failure rolls everything back and is then recorded on the batch (status Failed,
/// its reason, an audit event) in a separate short transaction. Kinds: <see cref="EmployerImporter"/>,
/// <see cref="RegionalImporter"/>.
/// </summary>
public abstract class ImportRunner(IConfiguration configuration, TimeProvider clock, ILogger logger)
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

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

    /// <summary>The kind's work inside the run's transaction: reads the stored file again, writes its rows, completes the batch.</summary>
    private protected abstract Task<Counts> ImportAsync(NpgsqlConnection connection, string connectionString, ImportBatchRun batch, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging, CancellationToken ct);

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
