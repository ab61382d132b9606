using Paritrana.Web.Features.Nominations;
using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.Verification;

/// <summary>
/// The branch officer's queue: nominations of the branch's area submitted for verification, oldest
/// first, each beside the employer's latest imported BPJamsostek figures with the differences
/// marked. The officer verifies, or returns with a reason the committee member then sees.
/// </summary>
[Authorize(Policy = Policies.BranchOfficer)]
public class IndexModel(
    ParitranaDbContext db,
    CurrentUser me,
    NominationTransitions transitions,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<QueueItem> Queue { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Nominations this branch returned that the committee has not resubmitted yet.</summary>
    public int AwaitingResubmission { get; private set; }

    public string? TransitionError { get; private set; }

    public int? FailedId { get; private set; }

    public string? FailedReason { get; private set; }

    public NominationAction? FailedAction { get; private set; }

    /// <summary>Whether the refused nomination is on this page of the queue (its error is then shown in its card, else at the top).</summary>
    public bool FailedOnPage => FailedId is int id && Queue.Items.Any(i => i.Id == id);

    public sealed record QueueItem(
        int Id,
        uint Version,
        int CycleYear,
        string OrganisationName,
        string? Npp,
        string CategoryName,
        CategoryKind CategoryKind,
        string? RegencyName,
        DateTimeOffset SubmittedAt,
        Figures Nominated,
        Figures? Imported,
        long? WorkforceBps,
        int? ProtectedPu,
        int? ProtectedBpu)
    {
        public bool IsGovernment => CategoryKind.IsGovernment();

        public decimal? GovernmentCoverage => Coverage.Percentage((long?)ProtectedPu + ProtectedBpu, WorkforceBps);
    }

    /// <summary>The employer figures compared side by side.</summary>
    public sealed record Figures(DateOnly? AsOf, int? Workers, int? ParticipantsPu, int? ParticipantsBpu, Programs Programs, int? ArrearsMonths)
    {
        public decimal? CoveragePercentage => Coverage.Percentage((long?)ParticipantsPu + ParticipantsBpu, Workers);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A refused step comes back here by redirect (post, redirect, get): the address stays the
        // queue's, and the error is shown in the card it concerns.
        if (TempData["VerificationError"] is string error)
        {
            TransitionError = error;
            FailedId = TempData["VerificationFailedId"] as int?;
            FailedReason = TempData["VerificationFailedReason"] as string;
            FailedAction = TempData["VerificationFailedAction"] is int action ? (NominationAction)action : null;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostVerifyAsync(int id, uint version, CancellationToken ct) =>
        await TransitionAsync(id, NominationAction.Verify, null, version, ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, uint version, string? reason, CancellationToken ct) =>
        await TransitionAsync(id, NominationAction.Return, reason, version, ct);

    private async Task<IActionResult> TransitionAsync(int id, NominationAction action, string? reason, uint version, CancellationToken ct)
    {
        var outcome = await transitions.ApplyAsync(new TransitionRequest(id, action, reason, version), ct);
        switch (outcome.Result)
        {
            case TransitionResult.NotFound:
                return NotFound();
            case TransitionResult.Done:
                var name = await db.Nominations.AsNoTracking().Where(n => n.Id == id).Select(n => n.Organisation!.Name).FirstAsync(ct);
                TempData["StatusMessage"] = (action == NominationAction.Verify
                    ? l["Nominasi {0} telah diverifikasi.", name]
                    : l["Nominasi {0} telah dikembalikan kepada tim panitia.", name]).Value;
                return RedirectToPage("/Verification/Index", new { p = PageNumber > 1 ? PageNumber : (int?)null });
            default:
                TempData["VerificationError"] = outcome.Message;
                TempData["VerificationFailedId"] = id;
                TempData["VerificationFailedReason"] = reason;
                TempData["VerificationFailedAction"] = (int)action;
                return RedirectToPage("/Verification/Index", null, new { p = PageNumber > 1 ? PageNumber : (int?)null }, "item-" + id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        AwaitingResubmission = await WorkQueries.AwaitingResubmission(db, scope).CountAsync(ct);
        Queue = await WorkQueries.AwaitingVerification(db, scope).AsNoTracking()
            .OrderBy(n => n.UpdatedAt).ThenBy(n => n.Id)
            .Select(n => new QueueItem(
                n.Id,
                n.Version,
                db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.Year).First(),
                n.Organisation!.Name,
                n.Organisation.Npp,
                n.Category!.Name,
                n.Category.Kind,
                db.RegenciesAndCities.Where(r => r.Code == n.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                n.UpdatedAt,
                new Figures(n.FiguresAsOf, n.Workers, n.ParticipantsPu, n.ParticipantsBpu, n.Programs, n.ArrearsMonths),
                n.Organisation.LatestAsOf == null
                    ? null
                    : new Figures(n.Organisation.LatestAsOf, n.Organisation.LatestWorkers, n.Organisation.LatestParticipantsPu,
                        n.Organisation.LatestParticipantsBpu, n.Organisation.LatestPrograms, n.Organisation.LatestArrearsMonths),
                n.WorkforceBps,
                n.ProtectedPu,
                n.ProtectedBpu))
            .ToPagedListAsync(PageNumber, ct: ct);
    }
}
