using Paritrana.Web.Features.Candidates;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.Candidate;

/// <summary>
/// Sends a representative one of their organisation's own evidence files (uploaded by its
/// representatives to an item addressed to it, <see cref="CandidateArea.Files"/>); anything else is
/// 404. Always an attachment, under its safe name, with the type detected at upload.
/// </summary>
public class FileModel(ParitranaDbContext db, CurrentUser me, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var file = await CandidateArea.Files(db, scope).AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { f.FileName, f.Kind, f.StorageName })
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
