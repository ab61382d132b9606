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

    /// <summary>What the chunks of one import did so far.</summary>
    public sealed class Tally
    {
        /// <summary>Rows dropped from the staging as NPPs of another area ("valid rows only").</summary>
        public int Dropped { get; set; }

        /// <summary>Statements that fell back to the upsert after a concurrent insert.</summary>
        public int Fallbacks { get; set; }
    }

    /// <summary>The table of what changed, filled by every chunk and counted at the end.</summary>
    public static Task BeginAsync(NpgsqlConnection connection, CancellationToken ct) => ImportDb.ExecuteAsync(connection, Sql.CreateChanges, ct);

    /// <summary>Writes the rows staged now (one chunk of the file): employers, their figures, their latest figures.</summary>
    public static async Task WriteChunkAsync(NpgsqlConnection connection, ImportBatchRun batch, int staged, DateTimeOffset now, Tally tally, CancellationToken ct)
    {
        // When every staged row was new, nothing is left to update (the first import of a file).
        var employersInserted = await InsertOrUpsertAsync(connection, Sql.InsertNewOrganisations, Sql.UpsertOrganisations, ct, ("now", now));
        if (employersInserted is null)
        {
            tally.Fallbacks++;
        }
        else if (employersInserted != staged)
        {
            await ImportDb.ExecuteAsync(connection, Sql.UpdateKnownOrganisations, ct, ("now", now));
        }

        var figuresInserted = await InsertOrUpsertAsync(connection, Sql.InsertNewCoverageFigures, Sql.UpsertCoverageFigures, ct, ("now", now), ("batch", batch.Id));
        if (figuresInserted is null)
        {
            tally.Fallbacks++;
        }
        else if (figuresInserted != staged)
        {
            await ImportDb.ExecuteAsync(connection, Sql.UpdateChangedCoverageFigures, ct, ("now", now), ("batch", batch.Id));
        }

        await ImportDb.ExecuteAsync(connection, Sql.UpdateLatestFigures, ct, ("now", now));
    }

    /// <summary>After the last chunk: the counts, the batch's Completed status and its audit event.</summary>
    public static async Task<EmployerImporter.Counts> CompleteAsync(NpgsqlConnection connection, ImportBatchRun batch, ImportStaging.Counts rows, DateTimeOffset now, CancellationToken ct)
    {
        EmployerImporter.Counts counts;
        await using (var command = new NpgsqlCommand(Sql.CountChanges, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            var changedRows = (int)reader.GetInt64(4);
            counts = new EmployerImporter.Counts(rows.Staged, rows.Skipped, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), rows.Staged - changedRows);
        }

        await ImportDb.CompleteBatchAsync(connection, batch, rows.Read, rows.Skipped, counts,
            $"file: '{batch.FileName}'; valid rows only: {(batch.ValidRowsOnly ? "yes" : "no")}; imported: {counts.Imported}; skipped: {counts.Skipped}; " +
            $"employers inserted: {counts.EmployersInserted}; employers updated: {counts.EmployersUpdated}; figures inserted: {counts.FiguresInserted}; " +
            $"figures updated: {counts.FiguresUpdated}; unchanged: {counts.Unchanged}", now, ct);
        return counts;
    }

    /// <summary>
    /// Runs the plain INSERT of the rows not stored yet in a savepoint and returns how many it
    /// inserted. Another transaction (a second import, a page, the seeder) may insert the same key
    /// after this statement's snapshot was taken: the INSERT then waits for it and fails with a
    /// unique violation once it commits. Then the savepoint is rolled back and the <c>ON CONFLICT</c>
    /// upsert runs instead, which updates what the other transaction inserted (returns null).
    /// Without such a race the cheaper INSERT is all (docs/decisions/033).
    /// </summary>
    private static async Task<int?> InsertOrUpsertAsync(NpgsqlConnection connection, string insert, string upsert, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await ImportDb.ExecuteAsync(connection, "SAVEPOINT import_insert", ct);
        try
        {
            var inserted = await ImportDb.ExecuteAsync(connection, insert, ct, parameters);
            await ImportDb.ExecuteAsync(connection, "RELEASE SAVEPOINT import_insert", ct);
            return inserted;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ImportDb.ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT import_insert", ct);
            await ImportDb.ExecuteAsync(connection, upsert, ct, parameters);
            await ImportDb.ExecuteAsync(connection, "RELEASE SAVEPOINT import_insert", ct);
            return null;
        }
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

        /// <summary>The columns of a new employer and their values from a staged row <c>s</c>.</summary>
        private const string NewOrganisation =
            """
            (type, name, province_code, regency_code, npp, branch_office_id, size_class, sector,
                latest_as_of, latest_workers, latest_participants_pu, latest_participants_bpu, latest_programs, latest_arrears_months,
                is_demo, created_at, updated_at)
            SELECT 2, s.name, s.province_code, s.regency_code, s.npp, s.branch_office_id, s.size_class, s.sector,
                s.as_of, s.workers, s.participants_pu, s.participants_bpu, s.programs, s.arrears_months,
                false, @now, @now
            FROM import_staging s
            """;

        /// <summary>The columns of new figures and their values from a staged row <c>s</c> and its employer <c>o</c>.</summary>
        private const string NewFigures =
            """
            (organisation_id, as_of, workers, participants_pu, participants_bpu, programs, arrears_months, import_batch_id, recorded_at)
            SELECT o.id, s.as_of, s.workers, s.participants_pu, s.participants_bpu, s.programs, s.arrears_months, @batch, @now
            FROM import_staging s JOIN organisations o ON o.npp = s.npp
            """;

        /// <summary>
        /// New employers (NPPs not stored yet), with the row's figures as their latest: a plain
        /// INSERT, in NPP order (two imports inserting the same new NPPs wait for each other in the
        /// same order rather than deadlock). It runs before the update of the known ones, so an NPP
        /// another transaction commits in between is updated by the next statement, not lost.
        /// </summary>
        public const string InsertNewOrganisations =
            "WITH changed AS (INSERT INTO organisations " + NewOrganisation +
            """

                WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.npp = s.npp)
                ORDER BY s.npp
                RETURNING id
            )
            INSERT INTO import_changes (organisation_id, kind) SELECT id, 1 FROM changed
            """;

        /// <summary>
        /// Known employers whose own data differs from the file's (an identical row, including one
        /// the previous statement has just inserted, is not touched: its version and updated_at
        /// stay); their latest figures are the business of <see cref="UpdateLatestFigures"/>.
        /// </summary>
        public const string UpdateKnownOrganisations =
            """
            WITH changed AS (
                UPDATE organisations o SET
                    type = 2, name = s.name, province_code = s.province_code, regency_code = s.regency_code,
                    branch_office_id = s.branch_office_id, size_class = s.size_class, sector = s.sector,
                    is_demo = false, updated_at = @now
                FROM import_staging s
                WHERE o.npp = s.npp
                  AND (o.type, o.name, o.province_code, o.regency_code, o.branch_office_id, o.size_class, o.sector, o.is_demo)
                      IS DISTINCT FROM (2, s.name, s.province_code, s.regency_code, s.branch_office_id, s.size_class, s.sector, false)
                RETURNING o.id
            )
            INSERT INTO import_changes (organisation_id, kind) SELECT id, 2 FROM changed
            """;

        /// <summary>Figures of an employer and as-of date not stored yet (a new date adds history): a plain INSERT, in key order.</summary>
        public const string InsertNewCoverageFigures =
            "WITH changed AS (INSERT INTO coverage_figures " + NewFigures +
            """

                WHERE NOT EXISTS (SELECT 1 FROM coverage_figures f WHERE f.organisation_id = o.id AND f.as_of = s.as_of)
                ORDER BY o.id, s.as_of
                RETURNING organisation_id
            )
            INSERT INTO import_changes (organisation_id, kind) SELECT organisation_id, 3 FROM changed
            """;

        /// <summary>Changed values of a stored date are updated (with this batch as their source); identical ones are left alone.</summary>
        public const string UpdateChangedCoverageFigures =
            """
            WITH changed AS (
                UPDATE coverage_figures f SET
                    workers = s.workers, participants_pu = s.participants_pu, participants_bpu = s.participants_bpu,
                    programs = s.programs, arrears_months = s.arrears_months, import_batch_id = @batch, recorded_at = @now
                FROM import_staging s JOIN organisations o ON o.npp = s.npp
                WHERE f.organisation_id = o.id AND f.as_of = s.as_of
                  AND (f.workers, f.participants_pu, f.participants_bpu, f.programs, f.arrears_months)
                      IS DISTINCT FROM (s.workers, s.participants_pu, s.participants_bpu, s.programs, s.arrears_months)
                RETURNING f.organisation_id
            )
            INSERT INTO import_changes (organisation_id, kind) SELECT organisation_id, 4 FROM changed
            """;

        /// <summary>
        /// The fallback of the two statements above when another transaction inserted one of the
        /// new NPPs meanwhile: employers by NPP, new ones inserted, existing ones updated only where
        /// their own data differs.
        /// </summary>
        public const string UpsertOrganisations =
            "WITH changed AS (INSERT INTO organisations AS o " + NewOrganisation +
            """

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

        /// <summary>The fallback of the two figure statements above when another transaction inserted figures of the same employer and date meanwhile.</summary>
        public const string UpsertCoverageFigures =
            "WITH changed AS (INSERT INTO coverage_figures AS f " + NewFigures +
            """

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
    }
}
