using Paritrana.Domain.Candidates;
using Paritrana.Web.Features.Candidates;

namespace Paritrana.Web.Pages.Candidate;

/// <summary>
/// The candidate area's start (issue 18, docs/decisions/049): a candidate's representative sees their
/// own organisation and its nominations, and nothing else; the folder's policy admits only them.
/// </summary>
public class IndexModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<Row> Nominations { get; private set; } = [];

    public sealed record Row(int Id, int Year, string CategoryName, CandidateStage Stage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.CandidateOrganisationId is not int organisation)
        {
            return Forbid();
        }

        OrganisationName = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisation).Select(o => o.Name).SingleAsync(ct);
        var rows = await CandidateArea.Nominations(db, scope).AsNoTracking()
            .Join(db.AwardCycles, n => n.CycleId, c => c.Id, (n, c) => new { n, c.Year })
            .OrderByDescending(x => x.Year).ThenBy(x => x.n.Category!.SortOrder)
            .Select(x => new { x.n.Id, x.Year, CategoryName = x.n.Category!.Name, x.n.Status })
            .ToListAsync(ct);
        Nominations = rows.Select(r => new Row(r.Id, r.Year, r.CategoryName, CandidateStages.Of(r.Status))).ToList();
        return Page();
    }
}
