using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// A forwarded finalist's national dossier (<c>/National/Dossier/{id}</c>, docs/decisions/043): what
/// its province forwarded, and nothing else: the figures, regulations, budgets and innovations, the
/// visits' findings, the coaching outcome, the evidence files' names (<see cref="ScorecardEvidence"/>),
/// and the provincial plenary's decision on it (its rank and total as decided, the rationale and the
/// decision record's number). A nomination outside the national pool answers 404, whoever asks.
/// </summary>
[Authorize(Policy = Policies.National)]
public class DossierModel(ParitranaDbContext db, CurrentUser me, ScorecardEvidence evidence) : PageModel
{
    public ScorecardEvidence.Evidence Evidence { get; private set; } = null!;

    public string ProvinceName { get; private set; } = "";

    public int CycleYear { get; private set; }

    /// <summary>The provincial plenary's decision on this nomination, as forwarded (null when none was recorded).</summary>
    public ForwardedDecision? Decision { get; private set; }

    public sealed record ForwardedDecision(DateOnly HeldOn, string? DecisionText, int? Rank, decimal? Total, string? Rationale, string? DocumentNumber);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var statuses = NationalStage.PoolStatuses.ToList();
        var head = scope.SeesNationalStage
            ? await db.Nominations.AsNoTracking().Where(n => n.Id == id && statuses.Contains(n.Status))
                .Select(n => new
                {
                    n.CycleId,
                    n.ProvinceCode,
                    Province = db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First(),
                    Year = db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.Year).First(),
                })
                .FirstOrDefaultAsync(ct)
            : null;
        if (head is null || await evidence.LoadAsync(id, scope, ct) is not { } loaded)
        {
            return NotFound();
        }

        Evidence = loaded;
        ProvinceName = head.Province;
        CycleYear = head.Year;
        Decision = await (
                from p in db.Plenaries.AsNoTracking()
                where p.CycleId == head.CycleId && p.ProvinceCode == head.ProvinceCode && p.DecidedAt != null
                from d in db.FinalistDecisions.Where(d => d.PlenaryId == p.Id && d.NominationId == id)
                select new ForwardedDecision(
                    p.HeldOn,
                    p.Decision,
                    d.Rank,
                    d.Total,
                    d.Rationale,
                    db.PlenaryDecisionVersions.Where(v => v.PlenaryId == p.Id && v.SupersededAt == null).Select(v => v.DocumentNumber).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        return Page();
    }
}
