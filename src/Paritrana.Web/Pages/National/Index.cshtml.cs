using Paritrana.Web.Features.National;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// The national pool of a cycle (<c>/National?cycle=YYYY</c>, docs/decisions/043): the provinces'
/// forwarded finalists per category with their province and national status, ranked by the national
/// rounds through the provinces' engine (<see cref="ScoreBoard"/> over <see cref="NationalStage.Code"/>),
/// as the reader may see the figures (a juror's own unsent card or declared conflict hides them,
/// docs/decisions/010). The administrator (national secretariat) and the national jurors only.
/// </summary>
[Authorize(Policy = Policies.National)]
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, ScoreBoard board) : CyclePageModel
{
    public ShortlistData? Result { get; private set; }

    /// <summary>The province of each nomination of the pool, by nomination.</summary>
    public IReadOnlyDictionary<int, string> Provinces { get; private set; } = new Dictionary<int, string>();

    public bool IsAdministrator => me.IsAdministrator;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        var cycleId = Cycle.Id;
        Provinces = await NationalPool.InScope(db, scope, cycleId).AsNoTracking()
            .Select(n => new { n.Id, Province = db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First() })
            .ToDictionaryAsync(n => n.Id, n => n.Province, ct);
        Result = await board.ComputeAsync(new ScoreBoard.Request(cycleId, NationalStage.Code, NationalStage.PoolStatuses), me.Viewer(), ct);
        return Page();
    }
}
