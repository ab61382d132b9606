using Microsoft.Extensions.Options;
using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Pages.Imports;

/// <summary>
/// What the two upload pages share (employer extracts on /Imports, regional coverage extracts on
/// /Imports/Regional): who may import, the upload form and its validator
/// (<see cref="IndexModel.InputModel"/>), the preview of an upload with its refusal shown beside
/// the field, the user's branch and the paged history of the page's kind of batch.
/// </summary>
public abstract class ImportUploadPageModel<TRow>(
    ParitranaDbContext db,
    CurrentUser me,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public IndexModel.InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<TRow> Batches { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public string MaxFileSize => options.Value.MaxFileSizeText;

    /// <summary>The branch whose area the user imports for; null for an administrator.</summary>
    public string? BranchName { get; private set; }

    /// <summary>The page a new batch's preview is on.</summary>
    protected abstract string PreviewPage { get; }

    /// <summary>Stores and checks an upload; the new batch, or why the file was refused.</summary>
    protected abstract Task<(long? BatchId, ImportError? FileError, bool TooLarge)> PreviewAsync(Stream content, string fileName, ImportActor actor, CancellationToken ct);

    /// <summary>The page's batches (of its kind, in the user's scope), newest first, with their branch's name from <paramref name="offices"/>.</summary>
    protected abstract IQueryable<TRow> History(IQueryable<ImportBatch> batches, IQueryable<BranchOffice> offices);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!ImportService.CanImport(scope))
        {
            return Forbid();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!ImportService.CanImport(scope))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(scope, ct);
            return Page();
        }

        (long? BatchId, ImportError? FileError, bool TooLarge) outcome;
        await using (var stream = Input.File!.OpenReadStream())
        {
            outcome = await PreviewAsync(stream, Input.File.FileName, new ImportActor(me.Id, me.Email, scope, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        }

        if (outcome.BatchId is long id)
        {
            return RedirectToPage(PreviewPage, new { id });
        }

        ModelState.AddModelError("Input.File", outcome.TooLarge
            ? l["Berkas lebih besar dari batas {0}.", MaxFileSize]
            : l[ImportMessages.Template(outcome.FileError!.Code), outcome.FileError.Args.Cast<object>().ToArray()]);
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(AccessScope scope, CancellationToken ct)
    {
        if (scope.BranchOfficeId is int branch)
        {
            BranchName = await db.BranchOffices.AsNoTracking().Where(b => b.Id == branch).Select(b => b.Name).FirstOrDefaultAsync(ct);
        }

        Batches = await History(db.ImportBatches.AsNoTracking().InScope(scope), db.BranchOffices).ToPagedListAsync(PageNumber, ct: ct);
    }
}
