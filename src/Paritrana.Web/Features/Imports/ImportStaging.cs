using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The read side of an import run: the stored file is read again (streaming, hashed as it passes),
/// every row validated again against today's reference data, and the valid rows go by binary COPY,
/// a chunk at a time, into the temporary table <c>import_staging</c> of the import's transaction. Progress is written
/// every few thousand rows from a second connection, committed at once, so the progress page sees it.
/// </summary>
internal static class ImportStaging
{
    /// <summary>What was read: all data rows, the rows staged, the invalid rows skipped.</summary>
    public sealed record Counts(int Read, int Staged, int Skipped);

    /// <summary>
    /// Reads, validates and stages the file in chunks of <paramref name="chunkRows"/> rows and hands
    /// each staged chunk to <paramref name="writeStaged"/> (with its number of rows) without waiting
    /// for it: PostgreSQL writes one chunk while the next is read and validated here, and the next
    /// COPY waits until the writes of the chunk before are done (one connection, one transaction;
    /// docs/decisions/033). Nothing is committed here: a file that changed, or a row no longer valid,
    /// fails the whole import after the writes in flight have finished.
    /// </summary>
    public static async Task<Counts> StageAsync(
        NpgsqlConnection connection, string connectionString, ImportBatchRun batch, ImportReference reference,
        ImportStorage storage, int progressEvery, int chunkRows, Func<int, CancellationToken, Task> writeStaged, ILogger logger, CancellationToken ct)
    {
        await ImportDb.ExecuteAsync(connection, CreateStaging, ct);
        int read = 0, staged = 0, skipped = 0;
        var chunk = new List<EmployerRow>(chunkRows);
        var writing = Task.CompletedTask;
        try
        {
            await using var progress = new ProgressWriter(connectionString, batch.Id, logger);
            await using (var file = await storage.OpenReadAsync(batch.Sha256, ct) ?? throw new ImportAbortException(ImportFailure.FileMissing))
            {
                using var hashing = new HashingStream(file);
                foreach (var result in new EmployerFileReader(reference).Read(hashing))
                {
                    read++;
                    if (result.Row is { } row)
                    {
                        chunk.Add(row);
                        staged++;
                    }
                    else if (batch.ValidRowsOnly)
                    {
                        skipped++;
                    }
                    else
                    {
                        throw new ImportAbortException(ImportFailure.RowsNoLongerValid);
                    }

                    if (chunk.Count == chunkRows)
                    {
                        writing = await HandOverAsync(connection, chunk, writing, writeStaged, ct);
                        chunk.Clear();
                    }

                    if (read % progressEvery == 0)
                    {
                        await progress.ReportAsync(read, ct);
                    }
                }

                if (hashing.HashHex() != batch.Sha256)
                {
                    throw new ImportAbortException(ImportFailure.FileChanged);
                }
            }

            if (chunk.Count > 0 || staged == 0)
            {
                writing = await HandOverAsync(connection, chunk, writing, writeStaged, ct);
            }

            await writing;
            await progress.ReportAsync(read, ct);
            return new Counts(read, staged, skipped);
        }
        catch
        {
            // The connection must be idle before the caller rolls back: let the writes in flight end.
            try
            {
                await writing;
            }
            catch (Exception) when (!writing.IsCompletedSuccessfully)
            {
                // Rolled back with the rest; the first failure is the one reported.
            }

            throw;
        }
    }

    /// <summary>Waits for the writes of the chunk before, stages this one (binary COPY) and starts its writes.</summary>
    private static async Task<Task> HandOverAsync(NpgsqlConnection connection, List<EmployerRow> rows, Task previous, Func<int, CancellationToken, Task> writeStaged, CancellationToken ct)
    {
        await previous;
        await ImportDb.ExecuteAsync(connection, "TRUNCATE import_staging", ct);
        await using (var writer = await connection.BeginBinaryImportAsync(CopyIntoStaging, ct))
        {
            foreach (var row in rows)
            {
                Write(writer, row);
            }

            await writer.CompleteAsync(ct);
        }

        await ImportDb.ExecuteAsync(connection, "ANALYZE import_staging", ct);
        return writeStaged(rows.Count, ct);
    }

    private const string CreateStaging =
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

    private const string CopyIntoStaging =
        "COPY import_staging (line, npp, name, province_code, regency_code, branch_office_id, size_class, sector, workers, participants_pu, participants_bpu, programs, arrears_months, as_of) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// One row into the COPY, written synchronously: the importer buffers and sends a full buffer at
    /// a time, so nearly every call returns at once, and an awaited call per value cost the staging
    /// about a third of its time (docs/benchmarks.md, "Employer import"). The import runs as a
    /// background job, never on a request's thread.
    /// </summary>
    private static void Write(NpgsqlBinaryImporter writer, EmployerRow row)
    {
        writer.StartRow();
        writer.Write(row.Line, NpgsqlDbType.Integer);
        writer.Write(row.Npp, NpgsqlDbType.Text);
        writer.Write(row.Name, NpgsqlDbType.Text);
        writer.Write(row.ProvinceCode, NpgsqlDbType.Text);
        writer.Write(row.RegencyCode, NpgsqlDbType.Text);
        writer.Write(row.BranchOfficeId, NpgsqlDbType.Integer);
        writer.Write((int)row.SizeClass, NpgsqlDbType.Integer);
        if (row.Sector is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(row.Sector, NpgsqlDbType.Text);
        }

        writer.Write(row.Workers, NpgsqlDbType.Integer);
        writer.Write(row.ParticipantsPu, NpgsqlDbType.Integer);
        writer.Write(row.ParticipantsBpu, NpgsqlDbType.Integer);
        writer.Write((int)row.Programs, NpgsqlDbType.Integer);
        writer.Write(row.ArrearsMonths, NpgsqlDbType.Integer);
        writer.Write(row.AsOf, NpgsqlDbType.Date);
    }

    /// <summary>Writes the number of rows read so far from its own connection, committed at once.</summary>
    internal sealed class ProgressWriter(string connectionString, long batchId, ILogger logger) : IAsyncDisposable
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
    internal sealed class HashingStream(Stream inner) : Stream
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
