using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// Sends a document of a submitted self-assessment to the committee of its province (anyone else, or
/// a draft's document: 404), as an attachment under its safe name.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class SelfAssessmentDocumentModel(ParitranaDbContext db, CurrentUser me, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var file = await db.SelfAssessmentDocuments.AsNoTracking()
            .Where(d => d.Id == id && db.SelfAssessments.InScope(scope)
                .Any(s => s.Id == d.SelfAssessmentId && s.Status != Domain.Candidates.SelfAssessmentStatus.Draft))
            .Select(d => new { d.FileName, d.Kind, d.StorageName })
            .FirstOrDefaultAsync(ct);
        var stream = file is null ? null : await store.OpenReadAsync(file.StorageName, ct);
        if (file is null || stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(stream, FileSignature.ContentType(file.Kind), file.FileName);
    }
}
