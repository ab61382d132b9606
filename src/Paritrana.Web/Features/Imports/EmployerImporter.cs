using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Imports;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Runs one started import batch as ONE PostgreSQL transaction: the stored file is read again
/// (streaming, checked against its hash and validated again), its rows go by binary COPY into a
/// temporary staging table, and a few set-based statements upsert the employers by NPP, their
/// coverage figures by as-of date and their latest figures; the counts, the batch's Completed
/// status and the audit event are written in the same transaction. So an import interrupted at any
/// point (connection lost, process killed) leaves nothing behind; a failure is then recorded on the
/// batch in a separate short transaction. Progress is written every few thousand rows from a
/// second connection, committed at once, so the progress page sees it while the import runs.
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

    private sealed record Batch(long Id, ImportStatus Status, string FileName, string Sha256, int? BranchOfficeId, string? ProvinceCode, bool ValidRowsOnly, Guid? UserId, string? UserEmail);

    private sealed class AbortException(ImportFailure failure) : Exception
    {
        public ImportFailure Failure { get; } = failure;
    }

    /// <param name="afterStaging">
    /// For tests: called with the import's connection after the rows are staged and before anything
    /// is written to the real tables (a test cuts the connection there).
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
        catch (AbortException e)
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

    private async Task<Counts> ImportAsync(NpgsqlConnection connection, string connectionString, Batch batch, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging, CancellationToken ct)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        // Room for the hash joins of 100,000 staged rows with the employers, for this transaction only.
        await ImportDb.ExecuteAsync(connection, "SET LOCAL work_mem = '64MB'", ct);
        var reference = await ImportReferenceLoader.LoadAsync(connection, batch.BranchOfficeId, Wib.Today(clock), ct);
        await ImportDb.ExecuteAsync(connection, Sql.CreateStaging, ct);

        int read = 0, staged = 0, skipped = 0;
        await using (var progress = new ProgressWriter(connectionString, batch.Id, logger))
        {
            await using var file = await storage.OpenReadAsync(batch.Sha256, ct) ?? throw new AbortException(ImportFailure.FileMissing);
            using var hashing = new HashingStream(file);
            await using (var writer = await connection.BeginBinaryImportAsync(Sql.CopyIntoStaging, ct))
            {
                var every = options.Value.ProgressEvery;
                foreach (var result in new EmployerFileReader(reference).Read(hashing))
                {
                    read++;
                    if (result.Row is { } row)
                    {
                        await WriteAsync(writer, row, ct);
                        staged++;
                    }
                    else if (batch.ValidRowsOnly)
                    {
                        skipped++;
                    }
                    else
                    {
                        throw new AbortException(ImportFailure.RowsNoLongerValid);
                    }

                    if (read % every == 0)
                    {
                        await progress.ReportAsync(read, ct);
                    }
                }

                await writer.CompleteAsync(ct);
            }

            if (hashing.HashHex() != batch.Sha256)
            {
                throw new AbortException(ImportFailure.FileChanged);
            }

            await progress.ReportAsync(read, ct);
        }

        await ImportDb.ExecuteAsync(connection, "ANALYZE import_staging", ct);
        logger.LogInformation("Import batch {BatchId}: {Rows} rows read, validated and staged in {Ms} ms", batch.Id, read, phase.ElapsedMilliseconds);
        if (afterStaging is not null)
        {
            await afterStaging(connection, ct);
        }

        if (reference.AllowedRegencies is { } allowed)
        {
            // A branch officer may not take over an employer of another area by naming its NPP.
            if (batch.ValidRowsOnly)
            {
                var removed = await ImportDb.ExecuteAsync(connection, Sql.DropNppsOfOtherAreas, ct, ("allowed", allowed.ToArray()));
                staged -= removed;
                skipped += removed;
            }
            else if (await ImportDb.ScalarAsync<long>(connection, Sql.CountNppsOfOtherAreas, ct, ("allowed", allowed.ToArray())) > 0)
            {
                throw new AbortException(ImportFailure.NppOfAnotherArea);
            }
        }

        var now = clock.GetUtcNow();
        await ImportDb.ExecuteAsync(connection, Sql.CreateChanges, ct);
        phase.Restart();
        await ImportDb.ExecuteAsync(connection, Sql.UpsertOrganisations, ct, ("now", now));
        logger.LogInformation("Import batch {BatchId}: employers upserted in {Ms} ms", batch.Id, phase.ElapsedMilliseconds);
        phase.Restart();
        await ImportDb.ExecuteAsync(connection, Sql.UpsertCoverageFigures, ct, ("now", now), ("batch", batch.Id));
        logger.LogInformation("Import batch {BatchId}: coverage figures upserted in {Ms} ms", batch.Id, phase.ElapsedMilliseconds);
        phase.Restart();
        await ImportDb.ExecuteAsync(connection, Sql.UpdateLatestFigures, ct, ("now", now));
        logger.LogInformation("Import batch {BatchId}: latest figures updated in {Ms} ms", batch.Id, phase.ElapsedMilliseconds);

        Counts counts;
        await using (var command = new NpgsqlCommand(Sql.CountChanges, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            var changedRows = (int)reader.GetInt64(4);
            counts = new Counts(staged, skipped, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), staged - changedRows);
        }

        await ImportDb.ExecuteAsync(connection, Sql.CompleteBatch, ct,
            ("id", batch.Id), ("read", read), ("valid", staged), ("invalid", skipped),
            ("ei", counts.EmployersInserted), ("eu", counts.EmployersUpdated), ("fi", counts.FiguresInserted), ("fu", counts.FiguresUpdated),
            ("unchanged", counts.Unchanged), ("now", now));
        await ImportDb.AuditAsync(connection, AuditActions.ImportCompleted, batch.Id, batch.UserId, batch.UserEmail, batch.ProvinceCode,
            $"file: '{batch.FileName}'; valid rows only: {(batch.ValidRowsOnly ? "yes" : "no")}; imported: {counts.Imported}; skipped: {counts.Skipped}; " +
            $"employers inserted: {counts.EmployersInserted}; employers updated: {counts.EmployersUpdated}; figures inserted: {counts.FiguresInserted}; " +
            $"figures updated: {counts.FiguresUpdated}; unchanged: {counts.Unchanged}", now, null, ct);
        return counts;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, EmployerRow row, CancellationToken ct)
    {
        await writer.StartRowAsync(ct);
        await writer.WriteAsync(row.Line, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(row.Npp, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(row.Name, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(row.ProvinceCode, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(row.RegencyCode, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(row.BranchOfficeId, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync((int)row.SizeClass, NpgsqlDbType.Integer, ct);
        if (row.Sector is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(row.Sector, NpgsqlDbType.Text, ct);
        }

        await writer.WriteAsync(row.Workers, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(row.ParticipantsPu, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(row.ParticipantsBpu, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync((int)row.Programs, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(row.ArrearsMonths, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(row.AsOf, NpgsqlDbType.Date, ct);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long batchId, CancellationToken ct) =>
        await ImportDb.ScalarAsync<bool>(connection, "SELECT pg_try_advisory_xact_lock(@class, @key)", ct, ("class", AdvisoryLockClass), ("key", (int)(batchId % int.MaxValue)));

    private static async Task<Batch?> LoadBatchAsync(NpgsqlConnection connection, long batchId, CancellationToken ct)
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

        return new Batch(
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

    /// <summary>The statements of the import, in the order they run.</summary>
    private static class Sql
    {
        public const string CreateStaging =
            """
            CREATE TEMP TABLE import_staging (
                line integer NOT NULL,
                npp text NOT NULL,
                name text NOT NULL,
                province_code text NOT NULL,
                regency_code text NOT NULL,
                branch_office_id integer NOT NULL,
                size_class integer NOT NULL,
                sector text,
                workers integer NOT NULL,
                participants_pu integer NOT NULL,
                participants_bpu integer NOT NULL,
                programs integer NOT NULL,
                arrears_months integer NOT NULL,
                as_of date NOT NULL
            ) ON COMMIT DROP
            """;

        public const string CopyIntoStaging =
            "COPY import_staging (line, npp, name, province_code, regency_code, branch_office_id, size_class, sector, workers, participants_pu, participants_bpu, programs, arrears_months, as_of) FROM STDIN (FORMAT BINARY)";

        private const string NppsOfOtherAreas =
            "FROM organisations o WHERE o.npp = s.npp AND (o.regency_code IS NULL OR NOT (o.regency_code = ANY(@allowed)))";

        public const string CountNppsOfOtherAreas = "SELECT count(*) FROM import_staging s WHERE EXISTS (SELECT 1 " + NppsOfOtherAreas + ")";

        public const string DropNppsOfOtherAreas = "DELETE FROM import_staging s WHERE EXISTS (SELECT 1 " + NppsOfOtherAreas + ")";

        /// <summary>What changed, per organisation: 1 employer inserted, 2 updated, 3 figures inserted, 4 updated.</summary>
        public const string CreateChanges = "CREATE TEMP TABLE import_changes (organisation_id integer NOT NULL, kind smallint NOT NULL) ON COMMIT DROP";

        /// <summary>
        /// Employers by NPP: new ones inserted (with the row's figures as their latest), existing
        /// ones updated only where their own data differs (an identical row is not touched, so its
        /// version and updated_at stay); their latest figures are the next statement's business.
        /// </summary>
        public const string UpsertOrganisations =
            """
            WITH changed AS (
                INSERT INTO organisations AS o (type, name, province_code, regency_code, npp, branch_office_id, size_class, sector,
                    latest_as_of, latest_workers, latest_participants_pu, latest_participants_bpu, latest_programs, latest_arrears_months,
                    is_demo, created_at, updated_at)
                SELECT 2, s.name, s.province_code, s.regency_code, s.npp, s.branch_office_id, s.size_class, s.sector,
                    s.as_of, s.workers, s.participants_pu, s.participants_bpu, s.programs, s.arrears_months,
                    false, @now, @now
                FROM import_staging s
                ON CONFLICT (npp) DO UPDATE SET
                    type = 2, name = EXCLUDED.name, province_code = EXCLUDED.province_code, regency_code = EXCLUDED.regency_code,
                    branch_office_id = EXCLUDED.branch_office_id, size_class = EXCLUDED.size_class, sector = EXCLUDED.sector,
                    is_demo = false, updated_at = EXCLUDED.updated_at
                WHERE (o.type, o.name, o.province_code, o.regency_code, o.branch_office_id, o.size_class, o.sector, o.is_demo)
                      IS DISTINCT FROM (2, EXCLUDED.name, EXCLUDED.province_code, EXCLUDED.regency_code, EXCLUDED.branch_office_id, EXCLUDED.size_class, EXCLUDED.sector, false)
                RETURNING o.id, (o.xmax = 0) AS inserted
            )
            INSERT INTO import_changes (organisation_id, kind) SELECT id, CASE WHEN inserted THEN 1 ELSE 2 END FROM changed
            """;

        /// <summary>Figures by employer and as-of date: a new date adds history, changed values of a date are updated, identical ones left alone.</summary>
        public const string UpsertCoverageFigures =
            """
            WITH changed AS (
                INSERT INTO coverage_figures AS f (organisation_id, as_of, workers, participants_pu, participants_bpu, programs, arrears_months, import_batch_id, recorded_at)
                SELECT o.id, s.as_of, s.workers, s.participants_pu, s.participants_bpu, s.programs, s.arrears_months, @batch, @now
                FROM import_staging s JOIN organisations o ON o.npp = s.npp
                ON CONFLICT (organisation_id, as_of) DO UPDATE SET
                    workers = EXCLUDED.workers, participants_pu = EXCLUDED.participants_pu, participants_bpu = EXCLUDED.participants_bpu,
                    programs = EXCLUDED.programs, arrears_months = EXCLUDED.arrears_months,
                    import_batch_id = EXCLUDED.import_batch_id, recorded_at = EXCLUDED.recorded_at
                WHERE (f.workers, f.participants_pu, f.participants_bpu, f.programs, f.arrears_months)
                      IS DISTINCT FROM (EXCLUDED.workers, EXCLUDED.participants_pu, EXCLUDED.participants_bpu, EXCLUDED.programs, EXCLUDED.arrears_months)
                RETURNING f.organisation_id, (f.xmax = 0) AS inserted
            )
            INSERT INTO import_changes (organisation_id, kind) SELECT organisation_id, CASE WHEN inserted THEN 3 ELSE 4 END FROM changed
            """;

        /// <summary>
        /// The latest figures on the employer (for discovery's filters) follow the newest as-of
        /// date: a row of the file at or after the stored latest date becomes the latest; an older
        /// date only adds history. New employers already have theirs, so they are not written again.
        /// </summary>
        public const string UpdateLatestFigures =
            """
            UPDATE organisations o SET
                latest_as_of = s.as_of, latest_workers = s.workers, latest_participants_pu = s.participants_pu,
                latest_participants_bpu = s.participants_bpu, latest_programs = s.programs, latest_arrears_months = s.arrears_months,
                updated_at = @now
            FROM import_staging s
            WHERE o.npp = s.npp
              AND (o.latest_as_of IS NULL OR s.as_of >= o.latest_as_of)
              AND (o.latest_as_of, o.latest_workers, o.latest_participants_pu, o.latest_participants_bpu, o.latest_programs, o.latest_arrears_months)
                  IS DISTINCT FROM (s.as_of, s.workers, s.participants_pu, s.participants_bpu, s.programs, s.arrears_months)
            """;

        public const string CountChanges =
            """
            SELECT count(*) FILTER (WHERE kind = 1), count(*) FILTER (WHERE kind = 2),
                   count(*) FILTER (WHERE kind = 3), count(*) FILTER (WHERE kind = 4),
                   count(DISTINCT organisation_id)
            FROM import_changes
            """;

        public const string CompleteBatch =
            """
            UPDATE import_batches SET
                status = 3, processed_rows = @read, valid_rows = @valid, invalid_rows = @invalid,
                employers_inserted = @ei, employers_updated = @eu, figures_inserted = @fi, figures_updated = @fu,
                unchanged = @unchanged, error = NULL, completed_at = @now
            WHERE id = @id
            """;
    }

    /// <summary>Writes the number of rows read so far from its own connection, committed at once.</summary>
    private sealed class ProgressWriter(string connectionString, long batchId, ILogger logger) : IAsyncDisposable
    {
        private NpgsqlConnection? _connection;
        private bool _broken;

        public async Task ReportAsync(int processed, CancellationToken ct)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                if (_connection is null)
                {
                    _connection = new NpgsqlConnection(connectionString);
                    await _connection.OpenAsync(ct);
                }

                await ImportDb.ExecuteAsync(_connection, "UPDATE import_batches SET processed_rows = @n WHERE id = @id AND status = 2", ct, ("n", processed), ("id", batchId));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Progress is only shown; the import itself goes on (and fails by itself if the database is gone).
                logger.LogWarning(e, "Could not write the progress of import batch {BatchId}", batchId);
                _broken = true;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
    }

    /// <summary>A read-only stream that hashes what passes through it (SHA-256).</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _hash.AppendData(buffer[..n]);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
