using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Pages.Imports;

/// <summary>
/// The preview of an uploaded file: its counts, its errors (line, column, reason) and a sample of
/// its valid rows, with the choices: import everything (only when every row is valid), import the
/// valid rows only (when some are not), or cancel. A batch outside the user's scope answers 404.
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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ImportBatch Batch { get; private set; } = null!;

    public string? BranchName { get; private set; }

    /// <summary>Null when the stored preview is no longer available.</summary>
    public PagedList<ImportError>? Errors { get; private set; }

    /// <summary>All errors of the file; only the first <see cref="ImportSummary.DefaultErrorLimit"/> are kept.</summary>
    public int ErrorCount { get; private set; }

    public int ErrorsKept { get; private set; }

    public IReadOnlyList<SampleRow> Sample { get; private set; } = [];

    public bool CanImportAll => Batch.InvalidRows == 0 && Batch.ValidRows > 0;

    public bool CanImportValidOnly => Batch.InvalidRows > 0 && Batch.ValidRows > 0;

    public sealed record SampleRow(EmployerRow Row, string RegencyName, string BranchName);

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

        var details = await storage.ReadPreviewAsync(id, batch.FileSha256, ct);
        if (details is not null)
        {
            ErrorCount = details.ErrorCount;
            ErrorsKept = details.Errors.Count;
            var pageCount = Math.Max(1, (details.Errors.Count + ErrorsPerPage - 1) / ErrorsPerPage);
            var page = Math.Clamp(PageNumber, 1, pageCount);
            Errors = new PagedList<ImportError>(details.Errors.Skip((page - 1) * ErrorsPerPage).Take(ErrorsPerPage).ToList(), page, ErrorsPerPage, details.Errors.Count);
            Sample = await NameSampleAsync(details.Sample, ct);
        }

        return Page();
    }

    public Task<IActionResult> OnPostImportAllAsync(long id, CancellationToken ct) => StartAsync(id, validRowsOnly: false, ct);

    public Task<IActionResult> OnPostValidOnlyAsync(long id, CancellationToken ct) => StartAsync(id, validRowsOnly: true, ct);

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
        return RedirectToPage("/Imports/Index");
    }

    private async Task<IActionResult> StartAsync(long id, bool validRowsOnly, CancellationToken ct)
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

        if (!validRowsOnly && batch.InvalidRows > 0)
        {
            return Refuse(l["Berkas ini berisi baris yang tidak valid, jadi tidak dapat diimpor seluruhnya. Perbaiki berkasnya lalu unggah lagi, atau pilih Impor baris yang valid saja."], id);
        }

        if (batch.ValidRows == 0)
        {
            return Refuse(l["Tidak ada baris yang valid untuk diimpor."], id);
        }

        if (!await imports.StartAsync(id, validRowsOnly, ct))
        {
            return Refuse(l["Impor ini sudah dimulai atau dibatalkan."], id);
        }

        return RedirectToPage("/Imports/Progress", new { id });
    }

    private RedirectToPageResult Refuse(string message, long id)
    {
        TempData["StatusMessage"] = message;
        TempData["StatusIsError"] = true;
        return RedirectToPage("/Imports/Preview", new { id });
    }

    private async Task<ImportBatch?> FindAsync(long id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        return await db.ImportBatches.AsNoTracking().InScope(scope).FirstOrDefaultAsync(b => b.Id == id && b.Kind == ImportKind.Employers, ct);
    }

    private async Task<IReadOnlyList<SampleRow>> NameSampleAsync(IReadOnlyList<EmployerRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.RegencyCode).Distinct().ToArray();
        var branchIds = rows.Select(r => r.BranchOfficeId).Distinct().ToArray();
        var regencies = await db.RegenciesAndCities.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var branches = await db.BranchOffices.AsNoTracking().Where(b => branchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return rows.Select(r => new SampleRow(r, regencies.GetValueOrDefault(r.RegencyCode, r.RegencyCode), branches.GetValueOrDefault(r.BranchOfficeId, "—"))).ToList();
    }
}
