namespace Paritrana.Web.Features.FieldWork;

/// <summary>Where the user goes back to after uploading or removing a file: the page of what it is attached to.</summary>
public static class EvidenceTargets
{
    public static RedirectToPageResult Back(PageModel page, EvidenceFile file) =>
        file.VisitId is int visit ? page.RedirectToPage("/FieldWork/Visits/Details", new { id = visit })
        : file.CoachingItemId is int item ? page.RedirectToPage("/FieldWork/Coaching/Item", new { id = item })
        : page.RedirectToPage("/FieldWork/Nomination", new { nominationId = file.NominationId });
}
