namespace Paritrana.Web.Pages.Regions;

/// <summary>One regency or city, with its province and covering branch office; 404 outside the user's scope.</summary>
public class RegencyOrCityModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    public sealed record Details(string Code, string Name, RegencyKind Kind, string ProvinceCode, string ProvinceName, string? BranchOffice);

    public Details Region { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var region = await db.RegenciesAndCities.AsNoTracking().InScope(scope)
            .Where(r => r.Code == code)
            .Select(r => new Details(
                r.Code,
                r.Name,
                r.Kind,
                r.ProvinceCode,
                r.Province!.Name,
                db.BranchOffices.Where(b => b.Areas.Any(a => a.RegencyCode == r.Code)).Select(b => b.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        if (region is null)
        {
            return NotFound();
        }

        Region = region;
        return Page();
    }
}
