namespace Paritrana.Web.Pages.Regions;

/// <summary>
/// The provinces the user may see (the administrator: all 38; everyone else: their one province),
/// each with its regencies, cities and branch offices counted within the user's scope.
/// </summary>
public class IndexModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    public sealed record ProvinceRow(string Code, string Name, int Regencies, int Cities, int BranchOffices)
    {
        public int RegenciesAndCities => Regencies + Cities;
    }

    public IReadOnlyList<ProvinceRow> Provinces { get; private set; } = [];

    public bool IsLimitedToBranch { get; private set; }

    public int TotalRegencies => Provinces.Sum(p => p.Regencies);

    public int TotalCities => Provinces.Sum(p => p.Cities);

    public int TotalRegenciesAndCities => Provinces.Sum(p => p.RegenciesAndCities);

    public int TotalBranchOffices => Provinces.Sum(p => p.BranchOffices);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        IsLimitedToBranch = scope.IsLimitedToRegencies;

        // One statement: the counts are subqueries over the same scoped sets the other region pages list.
        var regencies = db.RegenciesAndCities.InScope(scope);
        var branches = db.BranchOffices.InScope(scope);
        Provinces = await db.Provinces.AsNoTracking().InScope(scope)
            .OrderBy(p => p.Code)
            .Select(p => new ProvinceRow(
                p.Code,
                p.Name,
                regencies.Count(r => r.ProvinceCode == p.Code && r.Kind == RegencyKind.Regency),
                regencies.Count(r => r.ProvinceCode == p.Code && r.Kind == RegencyKind.City),
                branches.Count(b => b.ProvinceCode == p.Code)))
            .ToListAsync(ct);
    }
}
