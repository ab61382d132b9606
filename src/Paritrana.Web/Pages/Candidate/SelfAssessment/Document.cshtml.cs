using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.Candidate.SelfAssessment;

/// <summary>
/// Sends one of the self-assessment documents of the representative's own organisation (anything
/// else: 404), as an attachment under its safe name, with the content type of the kind detected at upload.
/// </summary>
public class DocumentModel(ParitranaDbContext db, CurrentUser me, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.CandidateOrganisationId is not int organisation)
        {
            return NotFound();
        }

        var file = await db.SelfAssessmentDocuments.AsNoTracking()
            .Where(d => d.Id == id && db.SelfAssessments.Any(s => s.Id == d.SelfAssessmentId && s.OrganisationId == organisation))
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
