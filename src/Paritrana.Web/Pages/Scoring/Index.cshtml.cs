using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.Scoring;

/// <summary>
/// "Penilaian saya": the signed-in scorer's outstanding cards (assigned in an open round, not yet
/// submitted, no declared conflict), with links to the scorecards.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class IndexModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Outstanding { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public int Submitted { get; private set; }

    public int Conflicted { get; private set; }

    public sealed record Row(int RoundId, string RoundName, int CycleYear, int NominationId, string Nomination, string Category, ScorecardStatus? CardStatus, DateOnly? ClosesOn);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is null || me.Id is not Guid self)
        {
            return NotFound();
        }

        // Every assigned card of an open round; the conflicted ones are counted apart (WorkQueries leaves them out).
        var assigned =
            from a in db.Assignments.AsNoTracking()
            where a.ScorerId == self
            join r in db.ScoringRounds.AsNoTracking().InScope(scope) on a.RoundId equals r.Id
            where r.Status == RoundStatus.Open
            select a;
        Conflicted = await assigned.CountAsync(a => db.ConflictDeclarations.Any(d => d.NominationId == a.NominationId && d.ScorerId == self), ct);
        var mine = WorkQueries.AssignedCards(db, scope, self).AsNoTracking();
        Submitted = await mine.CountAsync(x => x.CardStatus == ScorecardStatus.Submitted, ct);
        Outstanding = await mine
            .Where(x => x.CardStatus != ScorecardStatus.Submitted)
            .OrderBy(x => x.RoundSortOrder).ThenBy(x => x.Nomination.Organisation!.Name).ThenBy(x => x.NominationId)
            .Select(x => new Row(
                x.RoundId,
                x.RoundName,
                db.AwardCycles.Where(c => c.Id == x.CycleId).Select(c => c.Year).First(),
                x.NominationId,
                x.Nomination.Organisation!.Name,
                x.Nomination.Category!.Name,
                x.CardStatus,
                x.RoundClosesOn))
            .ToPagedListAsync(PageNumber, ct: ct);
        return Page();
    }
}
