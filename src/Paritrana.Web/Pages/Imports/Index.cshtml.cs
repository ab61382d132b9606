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
    IStringLocalizer<SharedResource> l) : ImportUploadPageModel<IndexModel.Row>(db, me, options, l)
{
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

    protected override string PreviewPage => "/Imports/Preview";

    protected override async Task<(long? BatchId, ImportError? FileError, bool TooLarge)> PreviewAsync(Stream content, string fileName, ImportActor actor, CancellationToken ct)
    {
        var outcome = await imports.PreviewAsync(content, fileName, actor, ct);
        return (outcome.BatchId, outcome.FileError, outcome.TooLarge);
    }

    protected override IQueryable<Row> History(IQueryable<ImportBatch> batches, IQueryable<BranchOffice> offices) => batches
        .Where(b => b.Kind == ImportKind.Employers)
        .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
        .Select(b => new Row(
            b.Id,
            b.CreatedAt,
            b.FileName,
            b.UserEmail,
            offices.Where(o => o.Id == b.BranchOfficeId).Select(o => o.Name).FirstOrDefault(),
            b.Status,
            b.ValidRowsOnly,
            b.TotalRows,
            b.ValidRows,
            b.InvalidRows,
            b.EmployersInserted,
            b.EmployersUpdated,
            b.FiguresInserted,
            b.FiguresUpdated,
            b.Unchanged));
}
