using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Options;
using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Imports;

/// <summary>
/// Upload of a BPJamsostek employer file (branch officers for their branch's area, administrators
/// for the whole country) and the history of import batches in the user's scope. An upload is
/// stored, validated in one pass and shown on its preview page; nothing is imported yet.
/// </summary>
[Authorize(Roles = Roles.BranchOfficer + "," + Roles.Administrator)]
[ImportUploadLimit]
public class IndexModel(
    ParitranaDbContext db,
    CurrentUser me,
    ImportService imports,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Batches { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public string MaxFileSize => options.Value.MaxFileSizeText;

    /// <summary>The branch whose area the user imports for; null for an administrator.</summary>
    public string? BranchName { get; private set; }

    public sealed record Row(
        long Id,
        DateTimeOffset CreatedAt,
        string FileName,
        string? UserEmail,
        string? BranchName,
        ImportStatus Status,
        bool ValidRowsOnly,
        int TotalRows,
        int ValidRows,
        int InvalidRows,
        int EmployersInserted,
        int EmployersUpdated,
        int FiguresInserted,
        int FiguresUpdated,
        int Unchanged);

    public sealed class InputModel
    {
        [Display(Name = "Berkas CSV")]
        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IOptions<ImportOptions> options, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.File).UploadedFile(l, () => l["Pilih berkas CSV yang akan diimpor."], () => l["Berkas kosong."], options.Value.MaxFileBytes, options.Value.MaxFileSizeText);
        }
    }

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

        ImportService.PreviewOutcome outcome;
        await using (var stream = Input.File!.OpenReadStream())
        {
            outcome = await imports.PreviewAsync(stream, Input.File.FileName, new ImportActor(me.Id, me.Email, scope, HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        }

        if (outcome.BatchId is long id)
        {
            return RedirectToPage("/Imports/Preview", new { id });
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
            .Where(b => b.Kind == ImportKind.Employers)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Select(b => new Row(
                b.Id,
                b.CreatedAt,
                b.FileName,
                b.UserEmail,
                db.BranchOffices.Where(o => o.Id == b.BranchOfficeId).Select(o => o.Name).FirstOrDefault(),
                b.Status,
                b.ValidRowsOnly,
                b.TotalRows,
                b.ValidRows,
                b.InvalidRows,
                b.EmployersInserted,
                b.EmployersUpdated,
                b.FiguresInserted,
                b.FiguresUpdated,
                b.Unchanged))
            .ToPagedListAsync(PageNumber, ct: ct);
    }
}
