using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Pages.Shortlist;

/// <summary>
/// The shortlist of the committee's province: per category the nominations scored, ranked by
/// total, with their round scores, coverage, open coaching items, disagreement and tie flags (and
/// how the tie was broken). The chair decides on the plenary page; members read. Figures the viewer
/// may not see yet are left out (docs/decisions/010).
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, ShortlistQuery shortlist) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    public CycleLookup.CycleRef? Cycle { get; private set; }

    public IReadOnlyList<CycleLookup.CycleRef> Cycles { get; private set; } = [];

    public ShortlistData? Data { get; private set; }

    public bool IsChair => me.IsChair;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not { } province)
        {
            return NotFound();
        }

        Cycles = await reference.CyclesAsync(db, ct);
        Cycle = CycleLookup.Resolve(Cycles, Year);
        if (Cycle is null)
        {
            return Year is null ? Page() : NotFound();
        }

        Data = await shortlist.LoadAsync(Cycle.Id, province, me.Viewer(), ct);
        return Page();
    }
}
