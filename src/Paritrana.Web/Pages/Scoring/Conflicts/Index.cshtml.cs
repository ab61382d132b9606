namespace Paritrana.Web.Pages.Scoring.Conflicts;

/// <summary>Declared conflicts of interest: the chair sees every declaration of the province, a member their own.</summary>
[Authorize(Policy = Policies.Committee)]
public class IndexModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Declarations { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public bool IsChair => me.IsChair;

    public sealed record Row(int NominationId, string Nomination, string Category, int CycleYear, string Scorer, string Reason, DateTimeOffset DeclaredAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is null || me.Id is not Guid self)
        {
            return NotFound();
        }

        var query =
            from d in db.ConflictDeclarations.AsNoTracking()
            join n in db.Nominations.AsNoTracking().InScope(scope) on d.NominationId equals n.Id
            join u in db.Users on d.ScorerId equals u.Id
            select new { d, n, u };
        if (!me.IsChair)
        {
            query = query.Where(x => x.d.ScorerId == self);
        }

        Declarations = await query
            .OrderByDescending(x => x.d.DeclaredAt).ThenByDescending(x => x.d.Id)
            .Select(x => new Row(x.n.Id, x.n.Organisation!.Name, x.n.Category!.Name, x.n.Category.Cycle!.Year, x.u.FullName, x.d.Reason, x.d.DeclaredAt))
            .ToPagedListAsync(PageNumber, ct: ct);
        return Page();
    }
}
