namespace Paritrana.Web.Pages.Regions;

/// <summary>
/// One province: its regencies and cities with the branch office covering each, and its branch
/// offices. Everything is read through the user's scope, so a branch officer sees only the
/// regencies of their branch, and a province outside the scope answers 404 as if it did not exist.
/// </summary>
public class ProvinceModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    public sealed record RegencyRow(string Code, string Name, RegencyKind Kind, string? BranchOffice);

    public sealed record BranchRow(string Name, string RegionalOffice, bool IsActive, int Areas);

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public bool IsLimitedToBranch { get; private set; }

    public IReadOnlyList<RegencyRow> RegenciesAndCities { get; private set; } = [];

    public IReadOnlyList<BranchRow> BranchOffices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var province = await db.Provinces.AsNoTracking().InScope(scope)
            .Where(p => p.Code == code)
            .Select(p => new { p.Code, p.Name })
            .FirstOrDefaultAsync(ct);
        if (province is null)
        {
            return NotFound();
        }

        (Code, Name) = (province.Code, province.Name);
        IsLimitedToBranch = scope.IsLimitedToRegencies;

        RegenciesAndCities = await db.RegenciesAndCities.AsNoTracking().InScope(scope)
            .Where(r => r.ProvinceCode == code)
            .OrderBy(r => r.Code)
            .Select(r => new RegencyRow(
                r.Code,
                r.Name,
                r.Kind,
                db.BranchOffices.Where(b => b.Areas.Any(a => a.RegencyCode == r.Code)).Select(b => b.Name).FirstOrDefault()))
            .ToListAsync(ct);

        BranchOffices = await db.BranchOffices.AsNoTracking().InScope(scope)
            .Where(b => b.ProvinceCode == code)
            .OrderBy(b => b.Name)
            .Select(b => new BranchRow(b.Name, b.RegionalOffice!.Name, b.IsActive, b.Areas.Count))
            .ToListAsync(ct);

        return Page();
    }
}
