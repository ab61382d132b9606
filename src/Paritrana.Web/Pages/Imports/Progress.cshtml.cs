using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Pages.Imports;

/// <summary>
/// The progress of a running import and, once done, its result. The page polls
/// <c>?handler=Status</c> every second (wwwroot/js/import-progress.js); without JavaScript it
/// refreshes itself. A batch outside the user's scope answers 404.
/// </summary>
[Authorize(Roles = Roles.BranchOfficer + "," + Roles.Administrator)]
public class ProgressModel(ParitranaDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public ImportBatch Batch { get; private set; } = null!;

    public int Percent => Progress(Batch.ProcessedRows, Batch.TotalRows);

    public bool IsRegional => Batch.Kind == ImportKind.RegionalFigures;

    public bool IsDone => Batch.Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled;

    public string ProgressText => ProgressTextOf(Batch);

    /// <summary>What the status handler answers.</summary>
    public sealed record StatusReport(string Status, int Processed, int Total, int Percent, bool Done, string ResultUrl, string Text);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (batch.Status == ImportStatus.Previewed)
        {
            return RedirectToPage(batch.Kind == ImportKind.RegionalFigures ? "/Imports/Regional/Preview" : "/Imports/Preview", new { id });
        }

        Batch = batch;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        Batch = batch;
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new StatusReport(
            batch.Status.ToString(),
            batch.ProcessedRows,
            batch.TotalRows,
            Percent,
            IsDone,
            Url.Page("/Imports/Progress", new { id })!,
            ProgressText));
    }

    private string ProgressTextOf(ImportBatch batch) => batch.Status switch
    {
        ImportStatus.Running when batch.ProcessedRows >= batch.TotalRows && batch.TotalRows > 0 =>
            Formats.Plural(l["Semua {0} baris sudah dibaca; menyimpan ke basis data…"], batch.TotalRows, Formats.Number(batch.TotalRows)),
        ImportStatus.Running when batch.ProcessedRows == 0 => l["Menunggu giliran atau mulai membaca berkas…"],
        ImportStatus.Running => l["{0} dari {1} baris dibaca ({2} %).", batch.ProcessedRows.ToString("N0"), batch.TotalRows.ToString("N0"), Percent],
        ImportStatus.Completed => l["Impor selesai."],
        ImportStatus.Failed => l["Impor gagal."],
        _ => l["Impor dibatalkan."],
    };

    private static int Progress(int processed, int total) => total <= 0 ? 0 : Math.Clamp((int)(100L * processed / total), 0, 100);

    private async Task<ImportBatch?> FindAsync(long id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        return await db.ImportBatches.AsNoTracking().InScope(scope).FirstOrDefaultAsync(b => b.Id == id, ct);
    }
}
