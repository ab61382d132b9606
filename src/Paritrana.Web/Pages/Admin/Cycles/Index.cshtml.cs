namespace Paritrana.Web.Pages.Admin.Cycles;

/// <summary>The award cycles, newest first, with their assessment period, state and sizes.</summary>
public class IndexModel(ParitranaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Cycles { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public sealed record Row(int Id, int Year, bool IsCurrent, bool IsClosed, int Categories, int ActiveCategories, int Nominations)
    {
        /// <summary>The assessment period, by the rule of <see cref="AwardCycle"/>.</summary>
        public DateOnly AssessmentStart => new AwardCycle { Year = Year }.AssessmentStart;

        public DateOnly AssessmentEnd => new AwardCycle { Year = Year }.AssessmentEnd;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One statement: the counts are correlated subqueries of the page's rows, not a query per row.
        Cycles = await db.AwardCycles.AsNoTracking()
            .OrderByDescending(c => c.Year)
            .Select(c => new Row(
                c.Id,
                c.Year,
                c.IsCurrent,
                c.IsClosed,
                c.Categories.Count,
                c.Categories.Count(k => k.IsActive),
                db.Nominations.Count(n => n.CycleId == c.Id)))
            .ToPagedListAsync(PageNumber, ct: ct);
    }
}
