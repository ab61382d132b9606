using Microsoft.Extensions.Options;
using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Pages.Imports.Regional;

/// <summary>
/// Upload of a regional coverage extract (branch officers for their branch's area, administrators
/// for the whole country) and the history of regional import batches in the user's scope. The
/// upload form, its validator and the page's steps are the employer import's (<see cref="ImportUploadPageModel{TRow}"/>).
/// </summary>
[Authorize(Roles = Roles.BranchOfficer + "," + Roles.Administrator)]
[ImportUploadLimit]
public class IndexModel(
    ParitranaDbContext db,
    CurrentUser me,
    RegionalImportService imports,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l) : ImportUploadPageModel<IndexModel.Row>(db, me, options, l)
{
    public sealed record Row(long Id, DateTimeOffset CreatedAt, string FileName, string? UserEmail, string? BranchName, ImportStatus Status,
        int TotalRows, int InvalidRows, int Inserted, int Replaced, int Unchanged);

    protected override string PreviewPage => "/Imports/Regional/Preview";

    protected override async Task<(long? BatchId, ImportError? FileError, bool TooLarge)> PreviewAsync(Stream content, string fileName, ImportActor actor, CancellationToken ct)
    {
        var outcome = await imports.PreviewAsync(content, fileName, actor, ct);
        return (outcome.BatchId, outcome.FileError, outcome.TooLarge);
    }

    protected override IQueryable<Row> History(IQueryable<ImportBatch> batches, IQueryable<BranchOffice> offices) => batches
        .Where(b => b.Kind == ImportKind.RegionalFigures)
        .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
        .Select(b => new Row(
            b.Id,
            b.CreatedAt,
            b.FileName,
            b.UserEmail,
            offices.Where(o => o.Id == b.BranchOfficeId).Select(o => o.Name).FirstOrDefault(),
            b.Status,
            b.TotalRows,
            b.InvalidRows,
            b.FiguresInserted,
            b.FiguresUpdated,
            b.Unchanged));
}
