using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// An evidence file of a forwarded finalist, for the national jury and the secretariat
/// (<c>/National/DossierFile/{nomination}/{id}</c>, docs/decisions/048): what the province forwarded
/// includes its evidence files, and a juror may open no provincial page (docs/decisions/043), so the
/// dossier's files are sent from here, streamed like <see cref="FieldWork.Files.DownloadModel"/>.
/// The file must be one of the nomination's own, not removed, and the nomination in the national pool
/// (<see cref="NationalStage.PoolStatuses"/>); anything else answers 404, whoever asks.
/// </summary>
[Authorize(Policy = Policies.National)]
public class DossierFileModel(ParitranaDbContext db, CurrentUser me, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int nomination, Guid id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var statuses = NationalStage.PoolStatuses.ToList();
        var file = scope.SeesNationalStage
            ? await db.EvidenceFiles.AsNoTracking()
                .Where(f => f.Id == id && f.NominationId == nomination && !f.IsRemoved
                    && db.Nominations.Any(n => n.Id == nomination && statuses.Contains(n.Status)))
                .Select(f => new { f.FileName, f.Kind, f.StorageName })
                .FirstOrDefaultAsync(ct)
            : null;
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
