using Npgsql;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The write side of an import run, on the rows staged in <c>import_staging</c>: a branch officer's
/// file may not name an NPP stored outside the branch's area; then a few set-based statements
/// upsert the employers by NPP, their coverage figures by as-of date and their latest figures, and
/// the counts, the batch's Completed status and its audit event are written, all in the import's
/// one transaction.
/// </summary>
internal static class EmployerUpsert
{
    /// <summary>
    /// A branch officer may not take over an employer of another area by naming its NPP: with
    /// "valid rows only" such rows are dropped from the staging table (returned: how many),
    /// otherwise the import fails.
    /// </summary>
    public static async Task<int> DropOrRefuseNppsOfOtherAreasAsync(NpgsqlConnection connection, ImportBatchRun batch, IReadOnlySet<string> allowedRegencies, CancellationToken ct)
    {
        var allowed = ("allowed", (object?)allowedRegencies.ToArray());
        if (batch.ValidRowsOnly)
        {
            return await ImportDb.ExecuteAsync(connection, Sql.DropNppsOfOtherAreas, ct, allowed);
        }

        if (await ImportDb.ScalarAsync<long>(connection, Sql.CountNppsOfOtherAreas, ct, allowed) > 0)
        {
            throw new ImportAbortException(ImportFailure.NppOfAnotherArea);
        }

        return 0;
    }

    public static async Task<EmployerImporter.Counts> WriteAsync(NpgsqlConnection connection, ImportBatchRun batch, ImportStaging.Counts rows, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        await ImportDb.ExecuteAsync(connection, Sql.CreateChanges, ct);
        await ImportDb.ExecuteAsync(connection, Sql.UpsertOrganisations, ct, ("now", now));
        logger.LogInformation("Import batch {BatchId}: employers upserted in {Ms} ms", batch.Id, phase.ElapsedMilliseconds);
        phase.Restart();
        await ImportDb.ExecuteAsync(connection, Sql.UpsertCoverageFigures, ct, ("now", now), ("batch", batch.Id));
        logger.LogInformation("Import batch {BatchId}: coverage figures upserted in {Ms} ms", batch.Id, phase.ElapsedMilliseconds);
        phase.Restart();
        await ImportDb.ExecuteAsync(connection, Sql.UpdateLatestFigures, ct, ("now", now));
        logger.LogInformation("Import batch {BatchId}: latest figures updated in {Ms} ms", batch.Id, phase.ElapsedMilliseconds);

        EmployerImporter.Counts counts;
        await using (var command = new NpgsqlCommand(Sql.CountChanges, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            var changedRows = (int)reader.GetInt64(4);
            counts = new EmployerImporter.Counts(rows.Staged, rows.Skipped, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), rows.Staged - changedRows);
        }

        await ImportDb.ExecuteAsync(connection, Sql.CompleteBatch, ct,
            ("id", batch.Id), ("read", rows.Read), ("valid", rows.Staged), ("invalid", rows.Skipped),
            ("ei", counts.EmployersInserted), ("eu", counts.EmployersUpdated), ("fi", counts.FiguresInserted), ("fu", counts.FiguresUpdated),
            ("unchanged", counts.Unchanged), ("now", now));
        await ImportDb.AuditAsync(connection, AuditActions.ImportCompleted, batch.Id, batch.UserId, batch.UserEmail, batch.ProvinceCode,
            $"file: '{batch.FileName}'; valid rows only: {(batch.ValidRowsOnly ? "yes" : "no")}; imported: {counts.Imported}; skipped: {counts.Skipped}; " +
            $"employers inserted: {counts.EmployersInserted}; employers updated: {counts.EmployersUpdated}; figures inserted: {counts.FiguresInserted}; " +
            $"figures updated: {counts.FiguresUpdated}; unchanged: {counts.Unchanged}", now, null, ct);
        return counts;
    }

    /// <summary>The statements of the write side, in the order they run.</summary>
    private static class Sql
    {
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
}
