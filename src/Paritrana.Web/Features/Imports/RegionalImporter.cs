using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Runs a started regional coverage batch inside <see cref="ImportRunner"/>'s one transaction: the
/// stored file is read again (hashed as it passes, every row validated again against today's
/// reference data; one invalid row fails the whole import), its rows go by binary COPY into a
/// temporary table, and one upsert writes them to <c>regional_figures</c> by regency and period:
/// a pair not stored yet is inserted, a stored pair with other figures is replaced, a pair with
/// the same figures is left alone (counted unchanged). Rows of other regencies or periods are
/// never touched. So the same file twice changes nothing the second time.
/// </summary>
public sealed class RegionalImporter(
    IConfiguration configuration,
    ImportStorage storage,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<RegionalImporter> logger) : ImportRunner(configuration, clock, logger)
{
    private protected override async Task<Counts> ImportAsync(NpgsqlConnection connection, string connectionString, ImportBatchRun batch, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging, CancellationToken ct)
    {
        var reference = await ImportReferenceLoader.LoadAsync(connection, batch.BranchOfficeId, Wib.Today(Clock), ct);
        var now = Clock.GetUtcNow();
        await ImportDb.ExecuteAsync(connection, Sql.CreateStaging, ct);
        var read = 0;
        await using (var progress = new ImportStaging.ProgressWriter(connectionString, batch.Id, Logger))
        await using (var file = await storage.OpenReadAsync(batch.Sha256, ct) ?? throw new ImportAbortException(ImportFailure.FileMissing))
        {
            using var hashing = new ImportStaging.HashingStream(file);
            await using (var writer = await connection.BeginBinaryImportAsync(Sql.Copy, ct))
            {
                foreach (var result in new RegionalFileReader(reference).Read(hashing))
                {
                    // All or nothing: a row that became invalid since the preview fails the import.
                    var row = result.Row ?? throw new ImportAbortException(ImportFailure.RowsNoLongerValid);
                    Write(writer, row);
                    if (++read % options.Value.ProgressEvery == 0)
                    {
                        await progress.ReportAsync(read, ct);
                    }
                }

                await writer.CompleteAsync(ct);
            }

            if (hashing.HashHex() != batch.Sha256)
            {
                throw new ImportAbortException(ImportFailure.FileChanged);
            }
        }

        if (afterStaging is not null)
        {
            await afterStaging(connection, ct);
        }

        int inserted = 0, updated = 0;
        await using (var command = new NpgsqlCommand(Sql.Upsert, connection) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("batch", batch.Id);
            command.Parameters.AddWithValue("now", now);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            inserted = (int)reader.GetInt64(0);
            updated = (int)reader.GetInt64(1);
        }

        var counts = new Counts(read, 0, 0, 0, inserted, updated, read - inserted - updated);
        await ImportDb.CompleteBatchAsync(connection, batch, read, 0, counts,
            $"regional figures; file: '{batch.FileName}'; rows: {read}; inserted: {inserted}; replaced: {updated}; unchanged: {counts.Unchanged}", now, ct);
        return counts;
    }

    private static void Write(NpgsqlBinaryImporter writer, RegionalRow row)
    {
        writer.StartRow();
        writer.Write(row.RegencyCode, NpgsqlDbType.Text);
        writer.Write(row.Period, NpgsqlDbType.Date);
        writer.Write((long)row.FormalWorkers, NpgsqlDbType.Bigint);
        writer.Write((long)row.InformalWorkers, NpgsqlDbType.Bigint);
        writer.Write((long)row.ParticipantsPu, NpgsqlDbType.Bigint);
        writer.Write((long)row.ParticipantsBpu, NpgsqlDbType.Bigint);
        writer.Write((long)row.ActiveEmployers, NpgsqlDbType.Bigint);
        if (row.AwareVillages is int villages)
        {
            writer.Write(villages, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static class Sql
    {
        public const string CreateStaging =
            """
            CREATE TEMP TABLE regional_staging (
                regency_code text NOT NULL, period date NOT NULL, formal_workers bigint NOT NULL, informal_workers bigint NOT NULL,
                participants_pu bigint NOT NULL, participants_bpu bigint NOT NULL, active_employers bigint NOT NULL, aware_villages integer
            ) ON COMMIT DROP
            """;

        public const string Copy =
            "COPY regional_staging (regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu, active_employers, aware_villages) FROM STDIN (FORMAT BINARY)";

        /// <summary>
        /// Insert or replace by regency and period; a stored row with the same figures is not
        /// written (nor its batch and time changed), so it counts as unchanged.
        /// </summary>
        public const string Upsert =
            """
            WITH written AS (
                INSERT INTO regional_figures AS f (regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu,
                    active_employers, aware_villages, import_batch_id, recorded_at)
                SELECT regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu, active_employers, aware_villages, @batch, @now
                FROM regional_staging
                ON CONFLICT (regency_code, period) DO UPDATE SET
                    formal_workers = EXCLUDED.formal_workers, informal_workers = EXCLUDED.informal_workers,
                    participants_pu = EXCLUDED.participants_pu, participants_bpu = EXCLUDED.participants_bpu,
                    active_employers = EXCLUDED.active_employers, aware_villages = EXCLUDED.aware_villages,
                    import_batch_id = EXCLUDED.import_batch_id, recorded_at = EXCLUDED.recorded_at
                WHERE (f.formal_workers, f.informal_workers, f.participants_pu, f.participants_bpu, f.active_employers, f.aware_villages)
                      IS DISTINCT FROM (EXCLUDED.formal_workers, EXCLUDED.informal_workers, EXCLUDED.participants_pu, EXCLUDED.participants_bpu,
                                        EXCLUDED.active_employers, EXCLUDED.aware_villages)
                RETURNING (f.xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """;
    }
}
