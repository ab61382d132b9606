using Microsoft.Extensions.Options;
using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Pages.Imports.Regional;

/// <summary>
/// Upload of a regional coverage extract (branch officers for their branch's area, administrators
/// for the whole country) and the history of regional import batches in the user's scope. The
/// upload form and its validator are the employer import's (<see cref="Imports.IndexModel.InputModel"/>).
/// </summary>
[Authorize(Roles = Roles.BranchOfficer + "," + Roles.Administrator)]
[ImportUploadLimit]
public class IndexModel(
    ParitranaDbContext db,
    CurrentUser me,
    RegionalImportService imports,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public Imports.IndexModel.InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Batches { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public string MaxFileSize => options.Value.MaxFileSizeText;

    /// <summary>The branch whose area the user imports for; null for an administrator.</summary>
    public string? BranchName { get; private set; }

    public sealed record Row(long Id, DateTimeOffset CreatedAt, string FileName, string? UserEmail, string? BranchName, ImportStatus Status,
        int TotalRows, int InvalidRows, int Inserted, int Replaced, int Unchanged);

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

        RegionalImportService.PreviewOutcome outcome;
        await using (var stream = Input.File!.OpenReadStream())
        {
            outcome = await imports.PreviewAsync(stream, Input.File.FileName, new ImportActor(me.Id, me.Email, scope, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        }

        if (outcome.BatchId is long id)
        {
            return RedirectToPage("/Imports/Regional/Preview", new { id });
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

        Batches = await db.ImportBatches.AsNoTracking().InScope(scope)
            .Where(b => b.Kind == ImportKind.RegionalFigures)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Select(b => new Row(
                b.Id,
                b.CreatedAt,
                b.FileName,
                b.UserEmail,
                db.BranchOffices.Where(o => o.Id == b.BranchOfficeId).Select(o => o.Name).FirstOrDefault(),
                b.Status,
                b.TotalRows,
                b.InvalidRows,
                b.FiguresInserted,
                b.FiguresUpdated,
                b.Unchanged))
            .ToPagedListAsync(PageNumber, ct: ct);
    }
}
