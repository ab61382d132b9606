using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// One nomination as everyone in its scope sees it: the candidate, its figures and government
/// efforts, the latest return reason, the status history, and the workflow steps the user may take
/// (each a POST carrying the version the page was read at).
/// </summary>
public class DetailsModel(
    ParitranaDbContext db,
    CurrentUser me,
    NominationTransitions transitions,
    TimeProvider clock,
    Features.Participation.CandidateTrends trends,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Nomination Nomination { get; private set; } = null!;

    public string ProvinceName { get; private set; } = "";

    public string? RegencyName { get; private set; }

    public string? BranchName { get; private set; }

    public int CycleYear { get; private set; }

    public bool CycleEditable { get; private set; }

    public string? VerifiedByName { get; private set; }

    /// <summary>Visits, coaching items and files of the nomination (issue 4), summarised.</summary>
    public Features.FieldWork.NominationFieldWork? FieldWork { get; private set; }

    /// <summary>What happens next, whose turn it is and since when (null once the nomination is finished).</summary>
    public NextStepView? NextStep { get; private set; }

    /// <summary>Whether the coverage figures needed for submitting are there (else "Ajukan" says so beside it).</summary>
    public bool HasCoverageFigures { get; private set; }

    public IReadOnlyList<NominationWorkflow.Transition> Actions { get; private set; } = [];

    /// <summary>For the committee: how many representatives of the candidate were invited (docs/decisions/050); null for others.</summary>
    public int? CandidateRepresentatives { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>The committee opens the candidate's self-assessment from here (docs/decisions/051).</summary>
    public bool SeesSelfAssessment { get; private set; }

    /// <summary>
    /// The candidate's own trend (issue 16): an employer's figures over its imports; a regency or
    /// city government's regency over the regional figures; null for other candidates.
    /// </summary>
    public ChartSpec? Trend { get; private set; }

    public bool ShowsTrend { get; private set; }

    public bool IsGovernment => Nomination.Category!.Kind.IsGovernment();

    /// <summary>Why the step just asked for was refused (the page is shown again, nothing changed).</summary>
    public string? TransitionError { get; private set; }

    public NominationAction? FailedAction { get; private set; }

    public string? FailedReason { get; private set; }

    /// <summary>While "Sudah dinilai" is offered: the rounds whose scoring is not complete (a reason is then required).</summary>
    public IReadOnlyList<Domain.Scoring.MissingRound> MissingRounds { get; private set; } = [];

    /// <summary>The chair's reason for marking the nomination scored while its scoring was incomplete.</summary>
    public string? IncompleteScoringReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(int id, NominationAction action, string? reason, uint version, CancellationToken ct)
    {
        var outcome = await transitions.ApplyAsync(new TransitionRequest(id, action, reason, version), ct);
        switch (outcome.Result)
        {
            case TransitionResult.NotFound:
                return NotFound();
            case TransitionResult.Done:
                TempData["StatusMessage"] = l["Status nominasi diubah dari {0} menjadi {1}.", l[NominationNames.Status(outcome.From)], l[NominationNames.Status(outcome.To)]].Value;
                return RedirectToPage("/Nominations/Details", new { id });
            default:
                TransitionError = outcome.Message;
                FailedAction = action;
                FailedReason = reason;
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var nomination = await db.Nominations.AsNoTracking().InScope(scope)
            .Include(n => n.Organisation)
            .Include(n => n.Category)
            .Include(n => n.Regulations.OrderBy(r => r.Year).ThenBy(r => r.Id))
            .Include(n => n.Budgets.OrderBy(b => b.Year).ThenBy(b => b.Id))
            .Include(n => n.Innovations.OrderBy(i => i.Id))
            .Include(n => n.StatusChanges.OrderBy(c => c.At).ThenBy(c => c.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(n => n.Id == id, ct);
        if (nomination is null)
        {
            return false;
        }

        Nomination = nomination;
        FieldWork = await Features.FieldWork.NominationFieldWork.LoadAsync(db, nomination.Id, me.Role, clock, ct);
        if (Roles.IsCommittee(me.Role ?? ""))
        {
            // The committee invites and follows the candidate's representatives (docs/decisions/050).
            CandidateRepresentatives = await db.Users.AsNoTracking().CountAsync(u => u.OrganisationId == nomination.OrganisationId, ct);
        }

        var names = await db.Provinces.AsNoTracking()
            .Where(p => p.Code == nomination.ProvinceCode)
            .Select(p => new
            {
                Province = p.Name,
                Regency = db.RegenciesAndCities.Where(r => r.Code == nomination.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                Branch = db.BranchOffices.Where(b => b.Id == nomination.BranchOfficeId).Select(b => b.Name).FirstOrDefault(),
                VerifiedBy = db.Users.Where(u => u.Id == nomination.VerifiedBy).Select(u => u.FullName).FirstOrDefault(),
            })
            .FirstAsync(ct);
        (ProvinceName, RegencyName, BranchName, VerifiedByName) = (names.Province, names.Regency, names.Branch, names.VerifiedBy);
        var cycle = await db.AwardCycles.AsNoTracking().FirstAsync(c => c.Id == nomination.CycleId, ct);
        CycleYear = cycle.Year;
        CycleEditable = cycle.IsEditableBy(me.Role ?? "");

        var role = me.Role;
        Actions = CycleEditable
            ? NominationWorkflow.ActionsFor(nomination.Status, role).Select(a => NominationWorkflow.Transitions.Single(t => t.Action == a)).ToList()
            : [];
        if (Actions.Any(a => a.Action == NominationAction.MarkScored))
        {
            MissingRounds = await Features.Scoring.ScoringCompletenessQuery.MissingAsync(db, nomination.Id, nomination.CycleId, nomination.ProvinceCode, ct);
        }

        IncompleteScoringReason = (await Features.Scoring.ScoringCompletenessQuery.ReasonsAsync(db, [nomination.Id], ct)).GetValueOrDefault(nomination.Id);
        NextStep = NextStepView.Of(
            nomination.Id, nomination.Status, nomination.CreatedAt, nomination.StatusChanges.Count == 0 ? null : nomination.StatusChanges.Max(c => c.At),
            nomination.ProvinceCode, BranchName, role, clock, l);
        var organisation = nomination.Organisation!;
        if (organisation.Type == OrganisationType.Employer)
        {
            ShowsTrend = true;
            Trend = Pages.Participation.TrendCharts.Employer(await trends.EmployerAsync(organisation.Id, ct), organisation.Name, l);
        }
        else if (organisation.GovernmentLevel == GovernmentLevel.RegencyOrCity && organisation.RegencyCode is { } regency)
        {
            ShowsTrend = true;
            Trend = Pages.Participation.TrendCharts.Area("regency-trend", await trends.RegencyAsync(regency, ct), RegencyName ?? regency, l);
        }

        HasCoverageFigures = NominationReadiness.HasCoverageFigures(nomination, nomination.Category!.Kind);
        CanEdit = CycleEditable && Roles.IsCommittee(role ?? "") && NominationWorkflow.FiguresEditable(nomination.Status);
        SeesSelfAssessment = Roles.IsCommittee(role ?? "");
        return true;
    }
}
