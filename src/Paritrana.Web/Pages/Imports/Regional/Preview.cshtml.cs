using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Pages.Imports.Regional;

/// <summary>
/// The preview of a regional coverage extract: its counts, its errors and warnings (line, column,
/// reason) and a sample of its rows, with the choices: import everything (only when every row is
/// valid: all or nothing) or cancel. A batch outside the user's scope, or of another kind, answers 404.
/// </summary>
[Authorize(Roles = Roles.BranchOfficer + "," + Roles.Administrator)]
public class PreviewModel(
    ParitranaDbContext db,
    CurrentUser me,
    ImportService imports,
    ImportStorage storage,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ErrorsPerPage = 50;
    public const int WarningsShown = 100;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ImportBatch Batch { get; private set; } = null!;

    public string? BranchName { get; private set; }

    /// <summary>Null when the stored preview is no longer available.</summary>
    public PagedList<ImportError>? Errors { get; private set; }

    public int ErrorCount { get; private set; }

    public int ErrorsKept { get; private set; }

    public int WarningCount { get; private set; }

    public IReadOnlyList<ImportError> Warnings { get; private set; } = [];

    public IReadOnlyList<(RegionalRow Row, string RegencyName)> Sample { get; private set; } = [];

    public bool CanImport => Batch.InvalidRows == 0 && Batch.ValidRows > 0;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (batch.Status != ImportStatus.Previewed)
        {
            return RedirectToPage("/Imports/Progress", new { id });
        }

        Batch = batch;
        BranchName = batch.BranchOfficeId is int branch
            ? await db.BranchOffices.AsNoTracking().Where(b => b.Id == branch).Select(b => b.Name).FirstOrDefaultAsync(ct)
            : null;

        var details = await storage.ReadPreviewAsync<ImportStorage.RegionalPreviewDetails>(id, batch.FileSha256, ct);
        if (details is not null)
        {
            ErrorCount = details.ErrorCount;
            ErrorsKept = details.Errors.Count;
            var pageCount = Math.Max(1, (details.Errors.Count + ErrorsPerPage - 1) / ErrorsPerPage);
            var page = Math.Clamp(PageNumber, 1, pageCount);
            Errors = new PagedList<ImportError>(details.Errors.Skip((page - 1) * ErrorsPerPage).Take(ErrorsPerPage).ToList(), page, ErrorsPerPage, details.Errors.Count);
            WarningCount = details.WarningCount;
            Warnings = details.Warnings.Take(WarningsShown).ToList();
            var codes = details.Sample.Select(r => r.RegencyCode).Distinct().ToArray();
            var names = await db.RegenciesAndCities.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
            Sample = details.Sample.Select(r => (r, names.GetValueOrDefault(r.RegencyCode, r.RegencyCode))).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAllAsync(long id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (batch.Status != ImportStatus.Previewed)
        {
            return Refuse(l["Impor ini sudah dimulai atau dibatalkan."], id);
        }

        if (batch.InvalidRows > 0 || batch.ValidRows == 0)
        {
            return Refuse(l["Berkas ini berisi baris yang tidak valid, jadi tidak dapat diimpor. Perbaiki berkasnya lalu unggah lagi."], id);
        }

        if (!await imports.StartAsync(id, validRowsOnly: false, ct))
        {
            return Refuse(l["Impor ini sudah dimulai atau dibatalkan."], id);
        }

        return RedirectToPage("/Imports/Progress", new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (!await imports.CancelAsync(id, ct))
        {
            return Refuse(l["Impor ini sudah dimulai atau dibatalkan."], id);
        }

        TempData["StatusMessage"] = l["Impor {0} dibatalkan; tidak ada data yang berubah.", batch.FileName].Value;
        return RedirectToPage("/Imports/Regional/Index");
    }

    private RedirectToPageResult Refuse(string message, long id)
    {
        TempData["StatusMessage"] = message;
        TempData["StatusIsError"] = true;
        return RedirectToPage("/Imports/Regional/Preview", new { id });
    }

    private async Task<ImportBatch?> FindAsync(long id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        return await db.ImportBatches.AsNoTracking().InScope(scope).FirstOrDefaultAsync(b => b.Id == id && b.Kind == ImportKind.RegionalFigures, ct);
    }
}
