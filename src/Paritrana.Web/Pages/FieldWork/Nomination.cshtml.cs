using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Pages.FieldWork;

/// <summary>
/// The field work of one nomination: its visits, all its coaching items (open ones first, overdue
/// marked), the evidence of its government regulations, and whether the coaching gate still holds it
/// back from scoring. A nomination has a handful of each, so these lists are not paged. Past the
/// gate no item is recorded or reopened; the page says so, and offers the chair "Kembalikan ke
/// penilaian lapangan" (with a reason) right there, the same workflow step as on the nomination's
/// details page (decisions/014).
/// </summary>
public class NominationModel(ParitranaDbContext db, CurrentUser me, NominationTransitions transitions, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public NominationRef Nomination { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public IReadOnlyList<RegulationRow> Regulations { get; private set; } = [];

    public IReadOnlyList<EvidenceRow> RegulationFiles { get; private set; } = [];

    public int OpenItems { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the nomination may not be marked ready for scoring yet; null when the gate is open.</summary>
    public string? GateExplanation { get; private set; }

    /// <summary>Why no coaching item can be recorded or reopened now (past the gate); null before it.</summary>
    public string? CoachingRefusal { get; private set; }

    /// <summary>Whether the user may send the nomination back to field assessment here (the chair, ready for scoring).</summary>
    public bool CanSendBack { get; private set; }

    /// <summary>The nomination's row version, carried by the send-back form.</summary>
    public uint NominationVersion { get; private set; }

    /// <summary>What happens next, whose turn it is and since when (null once the nomination is finished).</summary>
    public NextStepView? NextStep { get; private set; }

    /// <summary>All coaching items are done and the user may mark the nomination ready for scoring: the button is offered here, beside the gate.</summary>
    public bool CanMarkReady { get; private set; }

    /// <summary>The reason typed into a refused send-back, shown again.</summary>
    public string? SendBackReason { get; private set; }

    public sealed record VisitRow(int Id, DateTimeOffset PlannedAt, DateTimeOffset? DoneAt, string Place, VisitStatus Status, int Files)
    {
        /// <summary>When it was done, once recorded; else when it is planned.</summary>
        public DateTimeOffset ShownAt => VisitRules.ShownAt(Status, PlannedAt, DoneAt);
    }

    public sealed record ItemRow(int Id, string Finding, string? ResponsiblePerson, DateOnly DueDate, CoachingStatus Status, int DaysOverdue, int Files, bool Shared = false, bool Answered = false);

    public sealed record RegulationRow(int Id, RegulationType Type, string Number, int Year, string Title);

    public async Task<IActionResult> OnGetAsync(int nominationId, CancellationToken ct) =>
        await LoadAsync(nominationId, ct) ? Page() : NotFound();

    /// <summary>"Kembalikan ke penilaian lapangan": the chair's workflow step, through the one transition service.</summary>
    public async Task<IActionResult> OnPostSendBackAsync(int nominationId, string? reason, uint version, CancellationToken ct)
    {
        if (!me.IsChair)
        {
            return Forbid();
        }

        var outcome = await transitions.ApplyAsync(new TransitionRequest(nominationId, NominationAction.ReturnToFieldAssessment, reason, version), ct);
        switch (outcome.Result)
        {
            case TransitionResult.NotFound:
                return NotFound();
            case TransitionResult.Done:
                TempData["StatusMessage"] = l["Nominasi telah dikembalikan ke penilaian lapangan; butir pembinaan kini dapat dicatat atau dibuka kembali."].Value;
                return RedirectToPage(new { nominationId });
            default:
                db.ChangeTracker.Clear();
                ModelState.AddModelError("reason", outcome.Message ?? "");
                SendBackReason = reason;
                return await LoadAsync(nominationId, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int nominationId, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var nomination = await NominationRef.LoadAsync(db, scope, nominationId, ct);
        if (nomination is null)
        {
            return false;
        }

        Nomination = nomination;
        CanChange = nomination.CanChange(me.Role);
        CoachingRefusal = nomination.CoachingRefusal(l);
        CanSendBack = CanChange && NominationWorkflow.ActionsFor(nomination.Status, me.Role).Contains(NominationAction.ReturnToFieldAssessment);
        NominationVersion = await db.Nominations.AsNoTracking().Where(n => n.Id == nominationId).Select(n => n.Version).FirstAsync(ct);
        var today = LocalTime.Today(clock, nomination.ProvinceCode);
        Now = clock.GetUtcNow();

        Visits = await db.Visits.AsNoTracking()
            .Where(v => v.NominationId == nominationId)
            .OrderByDescending(VisitRules.ShownAtExpression).ThenByDescending(v => v.Id)
            .Select(v => new VisitRow(v.Id, v.PlannedAt, v.DoneAt, v.Place, v.Status, db.EvidenceFiles.Count(f => f.VisitId == v.Id && !f.IsRemoved)))
            .ToListAsync(ct);
        var items = await db.CoachingItems.AsNoTracking()
            .Where(c => c.NominationId == nominationId)
            .OrderBy(c => c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress ? 0 : 1)
            .ThenBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Finding, c.ResponsiblePerson, c.DueDate, c.Status, Files = db.EvidenceFiles.Count(f => f.CoachingItemId == c.Id && !f.IsRemoved), c.SharedWithCandidate, Answered = c.CandidateAnsweredAt != null })
            .ToListAsync(ct);
        Items = items.Select(c => new ItemRow(c.Id, c.Finding, c.ResponsiblePerson, c.DueDate, c.Status, CoachingRules.DaysOverdue(c.Status, c.DueDate, today), c.Files, c.SharedWithCandidate, c.SharedWithCandidate && c.Answered && CoachingRules.IsOpen(c.Status))).ToList();
        OpenItems = items.Count(c => CoachingRules.IsOpen(c.Status));
        GateExplanation = CoachingGate.Explanation(l, OpenItems);
        NextStep = await NextStepView.LoadAsync(db, scope, nominationId, me.Role, clock, l, ct);
        CanMarkReady = CanChange && OpenItems == 0 && NominationWorkflow.ActionsFor(nomination.Status, me.Role).Contains(NominationAction.MarkReadyForScoring);

        Regulations = await db.GovernmentRegulations.AsNoTracking()
            .Where(r => r.NominationId == nominationId)
            .OrderBy(r => r.Year).ThenBy(r => r.Id)
            .Select(r => new RegulationRow(r.Id, r.Type, r.Number, r.Year, r.Title))
            .ToListAsync(ct);
        RegulationFiles = Regulations.Count == 0 ? [] : await EvidenceRow.ListAsync(db, f => f.NominationId == nominationId && f.RegulationId != null, ct);
        return true;
    }

    public IReadOnlyList<EvidenceRow> FilesOf(int regulationId) => RegulationFiles.Where(f => f.RegulationId == regulationId).ToList();
}
