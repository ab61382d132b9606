using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Pages.Scoring;

/// <summary>
/// The ranking of one category in the province (<c>?cycle=YYYY&amp;kategori=ID</c>): totals, scores per
/// round, default finalists and ties, with the breakdown per aspect and the disagreements per
/// indicator of the nominations on the page. Every nomination from "ready for scoring" on is ranked.
/// Computed by <see cref="ScoreBoard"/> for the signed-in person (docs/decisions/010: the figures of
/// a candidate they still score, or declared a conflict with, are not shown, nor the category's ranks).
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class RankingModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, ScoreBoard board, ScoreBreakdown breakdown) : CyclePageModel
{
    [BindProperty(SupportsGet = true, Name = "kategori")]
    public int? CategoryId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];

    public string? CategoryName { get; private set; }

    /// <summary>The ranking of the category, as the viewer may see it.</summary>
    public ShortlistData? Result { get; private set; }

    public CategoryShortlist? Category => Result is { Categories.Count: > 0 } r ? r.Categories[0] : null;

    public PagedList<ShortlistRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyDictionary<int, IReadOnlyList<ScoreBreakdown.RoundBreakdown>> Breakdown { get; private set; } = new Dictionary<int, IReadOnlyList<ScoreBreakdown.RoundBreakdown>>();

    /// <summary>The chair's reasons for marking nominations scored while their scoring was incomplete (docs/decisions/015).</summary>
    public IReadOnlyDictionary<int, string> ScoringReasons { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not string province || me.Id is null)
        {
            return NotFound();
        }

        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        var cycleId = Cycle.Id;
        Categories = (await reference.CategoriesAsync(db, cycleId, ct))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (c.Id, c.Name)).ToList();
        if (CategoryId is int asked && Categories.All(c => c.Id != asked))
        {
            return NotFound();
        }

        var category = CategoryId ?? (Categories.Count > 0 ? Categories[0].Id : (int?)null);
        if (category is not int categoryId)
        {
            return Page();
        }

        CategoryId = categoryId;
        CategoryName = Categories.First(c => c.Id == categoryId).Name;
        Result = await board.ComputeAsync(new ScoreBoard.Request(cycleId, province, ScoringEligibility.Ranked, categoryId), me.Viewer(), ct);
        var rows = Category!.Rows;
        var pageCount = Math.Max(1, (rows.Count + Paging.DefaultPageSize - 1) / Paging.DefaultPageSize);
        var page = Math.Clamp(PageNumber, 1, pageCount);
        Rows = new PagedList<ShortlistRow>(rows.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToList(), page, Paging.DefaultPageSize, rows.Count);
        Breakdown = await breakdown.BreakdownAsync(Result, Rows.Items.Where(r => !r.IsHidden).Select(r => r.NominationId).ToList(), ct);
        ScoringReasons = Result.ScoringReasons
            .Where(r => Rows.Items.Any(row => row.NominationId == r.Key && ShortlistQuery.Ranked.Contains(row.Status)))
            .ToDictionary();
        return Page();
    }
}
