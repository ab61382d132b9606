using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Scoring;

/// <summary>
/// The chair's progress dashboard: per scorer and round of the cycle, how many cards are assigned,
/// in draft and submitted, and how many are outstanding, in one grouped query.
/// </summary>
[Authorize(Policy = Policies.Chair)]
public class ProgressModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me) : CyclePageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name, RoundStatus Status)> Rounds { get; private set; } = [];

    public PagedList<ScorerRow> Scorers { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public sealed record ScorerRow(Guid Id, string Name, IReadOnlyDictionary<int, ProgressQuery.Cell> Cells)
    {
        public int Outstanding => Cells.Values.Sum(c => c.Assigned - c.Submitted);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not string province)
        {
            return NotFound();
        }

        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        var cycleId = Cycle.Id;
        Rounds = (await db.ScoringRounds.AsNoTracking().InScope(scope).Where(r => r.CycleId == cycleId && r.ProvinceCode == province)
                .OrderBy(r => r.SortOrder).ThenBy(r => r.Id).Select(r => new { r.Id, r.Name, r.Status }).ToListAsync(ct))
            .Select(r => (r.Id, r.Name, r.Status)).ToList();
        var cells = await ProgressQuery.PerScorerAndRoundAsync(db, Rounds.Select(r => r.Id).ToList(), ct);
        var scorers = await ScoringLookups.Scorers(db, province).ToListAsync(ct);
        var rows = scorers.Select(s => (s.Id, s.FullName))
            .Concat(cells.Select(c => (Id: c.ScorerId, FullName: c.Name)))
            .DistinctBy(s => s.Id)
            .Select(s => new ScorerRow(s.Id, s.FullName, cells.Where(c => c.ScorerId == s.Id).ToDictionary(c => c.RoundId)))
            .OrderByDescending(r => r.Outstanding).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var pageCount = Math.Max(1, (rows.Count + Paging.DefaultPageSize - 1) / Paging.DefaultPageSize);
        var page = Math.Clamp(PageNumber, 1, pageCount);
        Scorers = new PagedList<ScorerRow>(rows.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToList(), page, Paging.DefaultPageSize, rows.Count);
        return Page();
    }
}
