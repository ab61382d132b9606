using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Files;

/// <summary>
/// Sends an evidence file to a user who may see its nomination (anyone else: 404), always as an
/// attachment under its safe name, with the content type of the kind detected at upload
/// (X-Content-Type-Options: nosniff is set for every response).
/// </summary>
public class DownloadModel(ParitranaDbContext db, CurrentUser me, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var file = await db.EvidenceFiles.InScope(scope, db.Nominations).AsNoTracking()
            .Where(f => f.Id == id && !f.IsRemoved)
            .Select(f => new { f.FileName, f.Kind, f.StorageName })
            .FirstOrDefaultAsync(ct);
        var stream = file is null ? null : await store.OpenReadAsync(file.StorageName, ct);
        if (file is null || stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        // File(stream, type, name) writes Content-Disposition: attachment with the RFC 6266 filename*.
        return File(stream, FileSignature.ContentType(file.Kind), file.FileName);
    }
}
