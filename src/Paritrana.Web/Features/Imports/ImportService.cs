using Microsoft.Extensions.Options;
using Npgsql;
using Paritrana.Domain.Imports;
using Paritrana.Web.Infrastructure.Files;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Features.Imports;

/// <summary>Who asks for an import: a signed-in user of the portal, or the command line (no user, national).</summary>
public sealed record ImportActor(Guid? UserId, string? Email, AccessScope Scope, string? IpAddress = null)
{
    public static ImportActor CommandLine { get; } = new(null, null, AccessScope.National());
}

/// <summary>
/// The steps of an employer import before and around the run itself: the upload is stored and
/// validated in one streaming pass into an <see cref="ImportBatch"/> (status Previewed) with its
/// preview; the user then starts it (status Running, run as an <see cref="ImportJob"/> or by the
/// command line through <see cref="EmployerImporter"/>) or cancels it. Like the import itself it
/// writes with Npgsql (see <see cref="ImportDb"/>); the pages read batches through the DbContext.
/// </summary>
public sealed class ImportService(
    IConfiguration configuration,
    IOptions<ImportOptions> options,
    TimeProvider clock)
{
    private string ConnectionString => PortalServices.ConnectionString(configuration);

    /// <summary>A preview: the new batch and its summary, or why the file was refused as a whole.</summary>
    public sealed record PreviewOutcome(long? BatchId, ImportSummary? Summary, ImportError? FileError, bool TooLarge)
    {
        public bool Accepted => BatchId is not null;
    }

    /// <summary>May this scope import at all: an administrator, or an officer with a branch.</summary>
    public static bool CanImport(AccessScope scope) => scope.IsNational || scope.BranchOfficeId is not null;

    /// <param name="maxBytes">The largest file accepted; the setting <c>Imports:MaxFileBytes</c> when null.</param>
    public async Task<PreviewOutcome> PreviewAsync(Stream content, string fileName, ImportActor actor, CancellationToken ct, long? maxBytes = null)
    {
        var (batchId, summary, fileError, tooLarge) = await PreviewAsync<EmployerRow, ImportSummary, ImportStorage.PreviewDetails>(content, fileName, actor, ImportKind.Employers, maxBytes, ValidateAsync,
            (sha, s) => new ImportStorage.PreviewDetails(sha, s.ErrorCount, s.Errors, s.Sample), ct);
        return new PreviewOutcome(batchId, summary, fileError, tooLarge);
    }

    /// <summary>
    /// The steps of every kind's preview: the upload is staged (refused when too large or empty),
    /// checked against the reference data of the actor's area by <paramref name="validate"/> (which
    /// throws <see cref="ImportFileException"/> for a file that is not one), and kept with its batch.
    /// </summary>
    internal async Task<(long? BatchId, TSummary? Summary, ImportError? FileError, bool TooLarge)> PreviewAsync<TRow, TSummary, TPreview>(
        Stream content, string fileName, ImportActor actor, ImportKind kind, long? maxBytes,
        Func<Stream, NpgsqlConnection, ImportReference, CancellationToken, Task<TSummary>> validate,
        Func<string, TSummary, TPreview> preview, CancellationToken ct)
        where TRow : class, IImportRow
        where TSummary : ImportSummary<TRow>
        where TPreview : ImportStorage.IPreview
    {
        if (!CanImport(actor.Scope))
        {
            throw new InvalidOperationException("Only an administrator or a branch officer with a branch office may import.");
        }

        await using var upload = await StagedUpload.StageAsync(content, maxBytes ?? options.Value.MaxFileBytes, ct);
        if (upload.TooLarge)
        {
            return (null, null, null, true);
        }

        if (upload.Size == 0)
        {
            return (null, null, ImportError.File(ImportErrorCode.EmptyFile), false);
        }

        TSummary summary;
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            var branch = actor.Scope.IsNational ? null : actor.Scope.BranchOfficeId;
            var reference = await ImportReferenceLoader.LoadAsync(connection, branch, Wib.Today(clock), ct);
            try
            {
                await using var file = upload.OpenRead();
                summary = await validate(file, connection, reference, ct);
            }
            catch (ImportFileException e)
            {
                return (null, null, e.Error, false);
            }
        }

        var batchId = await CreateBatchAsync(upload, fileName, actor, kind, summary, preview(upload.Sha256, summary), ct);
        return (batchId, summary, null, false);
    }

    private static async Task<ImportSummary> ValidateAsync(Stream file, NpgsqlConnection connection, ImportReference reference, CancellationToken ct)
    {
        var summary = new ImportSummary();
        var valid = reference.IsUnrestricted ? null : new List<(string Npp, int Line)>();
        foreach (var result in new EmployerFileReader(reference).Read(file))
        {
            summary.Add(result);
            if (result.Row is { } row)
            {
                valid?.Add((row.Npp, row.Line));
            }
        }

        if (valid is { Count: > 0 })
        {
            var others = await ImportReferenceLoader.NppsOfOtherAreasAsync(connection, valid.Select(v => v.Npp).ToList(), reference.AllowedRegencies!, ct);
            summary.Reject(valid
                .Where(v => others.ContainsKey(v.Npp))
                .Select(v => new ImportError(v.Line, EmployerColumns.Npp, ImportErrorCode.NppOfAnotherArea, [v.Npp, others[v.Npp]]))
                .ToList());
        }

        return summary;
    }

    /// <summary>The batch of a checked upload (status Previewed), its audit event, its preview and the file's bytes, of any kind.</summary>
    internal async Task<long> CreateBatchAsync<TRow, TPreview>(StagedUpload upload, string fileName, ImportActor actor, ImportKind kind, ImportSummary<TRow> summary, TPreview preview, CancellationToken ct)
        where TRow : class, IImportRow
        where TPreview : ImportStorage.IPreview
    {
        // The batch, its audit event, its preview and the file's bytes stand or fall together: one
        // transaction, so a batch never lacks either.
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var name = SafeFileName(fileName);
        var batchId = await ImportDb.ScalarAsync<long>(connection,
            """
            INSERT INTO import_batches (kind, file_name, file_size, file_sha256, user_id, user_email, branch_office_id, status, valid_rows_only,
                total_rows, valid_rows, invalid_rows, processed_rows, employers_inserted, employers_updated, figures_inserted, figures_updated,
                unchanged, created_at)
            VALUES (@kind, @name, @size, @sha, @user, @email, @branch, @status, false, @total, @valid, @invalid, 0, 0, 0, 0, 0, 0, @now)
            RETURNING id
            """, ct,
            ("kind", (int)kind), ("name", name), ("size", upload.Size), ("sha", upload.Sha256), ("user", actor.UserId), ("email", actor.Email),
            ("branch", actor.Scope.IsNational ? null : actor.Scope.BranchOfficeId), ("status", (int)ImportStatus.Previewed),
            ("total", summary.TotalRows), ("valid", summary.ValidRows), ("invalid", summary.InvalidRows), ("now", now));
        await ImportDb.AuditAsync(connection, AuditActions.ImportPreviewed, batchId, actor.UserId, actor.Email, actor.Scope.ProvinceCode,
            $"{(kind == ImportKind.RegionalFigures ? "regional figures; " : "")}file: '{name}'; rows: {summary.TotalRows}; valid: {summary.ValidRows}; invalid: {summary.InvalidRows}{(actor.UserId is null ? "; via command line" : "")}",
            now, actor.IpAddress, ct);
        await ImportStorage.KeepAsync(connection, transaction, upload, batchId, preview, ct);
        await transaction.CommitAsync(ct);
        return batchId;
    }

    /// <summary>The name shown in the history: the last path segment, without control characters, at most 255 characters.</summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "berkas.csv";
        }

        return clean.Length <= 255 ? clean : clean[..255];
    }

    /// <summary>
    /// Marks a previewed batch to be imported (all rows, allowed only without invalid rows; or the
    /// valid rows only, when there are some, for an employer file only: a regional extract is all or
    /// nothing) and queues the job of its kind. False when the batch was not in that state: already
    /// started, cancelled, or the choice is not allowed for it.
    /// </summary>
    /// <param name="runAsJob">False when the caller runs the import itself (the command line).</param>
    public async Task<bool> StartAsync(long batchId, bool validRowsOnly, CancellationToken ct, bool runAsJob = true)
    {
        // The batch becomes Running and its job is queued in one transaction: no Running batch
        // without a job, no job for a batch that did not start.
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var kind = await ImportDb.ScalarAsync<object?>(connection,
            """
            UPDATE import_batches SET status = @running, valid_rows_only = @validOnly, processed_rows = 0
            WHERE id = @id AND status = @previewed AND valid_rows > 0
              AND (invalid_rows = 0 OR (@validOnly AND kind = @employers))
            RETURNING kind
            """, ct,
            ("running", (int)ImportStatus.Running), ("validOnly", validRowsOnly), ("id", batchId), ("previewed", (int)ImportStatus.Previewed),
            ("employers", (int)ImportKind.Employers));
        if (kind is not int started)
        {
            return false;
        }

        if (runAsJob)
        {
            var job = (ImportKind)started == ImportKind.RegionalFigures ? RegionalImportJob.Kind : ImportJob.Kind;
            await JobTable.EnqueueAsync(connection, transaction, job, new ImportJob.Payload(batchId), ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Cancels a batch that has not started; false when it already has.</summary>
    public async Task<bool> CancelAsync(long batchId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return await ImportDb.ExecuteAsync(connection,
            "UPDATE import_batches SET status = @cancelled, completed_at = @now WHERE id = @id AND status = @previewed", ct,
            ("cancelled", (int)ImportStatus.Cancelled), ("now", clock.GetUtcNow()), ("id", batchId), ("previewed", (int)ImportStatus.Previewed)) == 1;
    }
}
