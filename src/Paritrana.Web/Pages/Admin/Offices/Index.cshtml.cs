namespace Paritrana.Web.Pages.Admin.Offices;

/// <summary>
/// The BPJamsostek offices: each regional office (Kanwil) with its branch offices and the regencies
/// and cities they cover, and, for a chosen province, the regencies and cities no branch covers yet.
/// Two queries, whatever the number of offices.
/// </summary>
public class IndexModel(ParitranaDbContext db) : PageModel
{
    public sealed record RegionalOfficeRow(int Id, string Name, IReadOnlyList<BranchRow> BranchOffices);

    public sealed record BranchRow(int Id, string Name, string ProvinceCode, string ProvinceName, bool IsActive, IReadOnlyList<string> Areas);

    public sealed record ProvinceCoverage(string Code, string Name, IReadOnlyList<UncoveredRow> Uncovered);

    public sealed record UncoveredRow(string Code, string Name, RegencyKind Kind);

    /// <summary>The province whose uncovered regencies and cities are listed (<c>?province=51</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    public IReadOnlyList<RegionalOfficeRow> RegionalOffices { get; private set; } = [];

    public IReadOnlyList<ProvinceCoverage> Provinces { get; private set; } = [];

    public ProvinceCoverage? Chosen => Provinces.FirstOrDefault(p => p.Code == Province);

    public int UncoveredTotal => Provinces.Sum(p => p.Uncovered.Count);

    public async Task OnGetAsync(CancellationToken ct)
    {
        RegionalOffices = await db.RegionalOffices.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new RegionalOfficeRow(
                o.Id,
                o.Name,
                o.BranchOffices
                    .OrderBy(b => b.Name)
                    .Select(b => new BranchRow(
                        b.Id,
                        b.Name,
                        b.ProvinceCode,
                        b.Province!.Name,
                        b.IsActive,
                        b.Areas.OrderBy(a => a.RegencyCode).Select(a => a.RegencyOrCity!.Name).ToList()))
                    .ToList()))
            .ToListAsync(ct);

        // Every province with what no branch covers: small (at most 514 rows, fewer as coverage grows),
        // and it fills both the province filter (with counts) and the list of the chosen province.
        Provinces = await db.Provinces.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new ProvinceCoverage(
                p.Code,
                p.Name,
                p.RegenciesAndCities
                    .Where(r => !db.BranchOfficeAreas.Any(a => a.RegencyCode == r.Code))
                    .OrderBy(r => r.Code)
                    .Select(r => new UncoveredRow(r.Code, r.Name, r.Kind))
                    .ToList()))
            .ToListAsync(ct);
    }
}
