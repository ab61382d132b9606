using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

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

    public sealed record Row(int RoundId, string RoundName, int CycleYear, int NominationId, string Nomination, string Category, ScorecardStatus? CardStatus);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is null || me.Id is not Guid self)
        {
            return NotFound();
        }

        var mine =
            from a in db.Assignments.AsNoTracking()
            where a.ScorerId == self
            join r in db.ScoringRounds.AsNoTracking().InScope(scope) on a.RoundId equals r.Id
            where r.Status == RoundStatus.Open
            join n in db.Nominations.AsNoTracking().InScope(scope) on a.NominationId equals n.Id
            let status = db.Scorecards.Where(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == self).Select(c => (ScorecardStatus?)c.Status).FirstOrDefault()
            let conflicted = db.ConflictDeclarations.Any(d => d.NominationId == a.NominationId && d.ScorerId == self)
            select new { a, r, n, status, conflicted };

        Submitted = await mine.CountAsync(x => x.status == ScorecardStatus.Submitted, ct);
        Conflicted = await mine.CountAsync(x => x.conflicted, ct);
        Outstanding = await mine
            .Where(x => x.status != ScorecardStatus.Submitted && !x.conflicted)
            .OrderBy(x => x.r.SortOrder).ThenBy(x => x.n.Organisation!.Name).ThenBy(x => x.n.Id)
            .Select(x => new Row(
                x.r.Id,
                x.r.Name,
                db.AwardCycles.Where(c => c.Id == x.r.CycleId).Select(c => c.Year).First(),
                x.n.Id,
                x.n.Organisation!.Name,
                x.n.Category!.Name,
                x.status))
            .ToPagedListAsync(PageNumber, ct: ct);
        return Page();
    }
}
