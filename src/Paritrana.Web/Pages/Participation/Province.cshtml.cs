using Paritrana.Web.Features.Participation;

namespace Paritrana.Web.Pages.Participation;

/// <summary>
/// A province's coverage (issue 16): its latest figures with their change against a year earlier,
/// its coverage over time, its regencies and cities ranked with their gap to the province (each a
/// link to candidate discovery of that area) and its employers. The committee sees its province, a
/// branch officer their branch's regencies only (the figures are then those of that area), the
/// administrator any province; a province outside the scope answers 404.
/// </summary>
public class ProvinceModel(CoverageReports reports, ReferenceData reference, ParitranaDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public bool IsLimitedToBranch { get; private set; }

    public bool IsNational { get; private set; }

    public CoverageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (code is null && scope.IsNational)
        {
            return RedirectToPage("/Participation/National");
        }

        var report = await LoadAsync(scope, code ?? scope.ProvinceCode, ct);
        return report is null ? NotFound() : Page();
    }

    /// <summary>The page's figures as CSV: the area and each of its regencies and cities at every period.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? code, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var report = await LoadAsync(scope, code ?? scope.ProvinceCode, ct);
        return report is null
            ? NotFound()
            : CoverageCsv.File(report, Code, View.AreaName, $"cakupan-{Code}{(IsLimitedToBranch ? "-cabang" : "")}.csv");
    }

    /// <summary>The page's employer section as CSV: the area's employers by size class and in all.</summary>
    public async Task<IActionResult> OnGetEmployersCsvAsync(string? code, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var report = await LoadAsync(scope, code ?? scope.ProvinceCode, ct);
        return report is null
            ? NotFound()
            : CoverageCsv.EmployersFile(report.Employers, Code, View.AreaName, $"pemberi-kerja-{Code}{(IsLimitedToBranch ? "-cabang" : "")}.csv");
    }

    private async Task<AreaReport?> LoadAsync(AccessScope scope, string? code, CancellationToken ct)
    {
        var province = code is null ? null : (await reference.ProvincesAsync(db, ct)).InScope(scope).FirstOrDefault(p => p.Code == code);
        if (province is null)
        {
            return null;
        }

        (Code, Name) = (province.Code, province.Name);
        IsLimitedToBranch = scope.IsLimitedToRegencies;
        IsNational = scope.IsNational;
        var areaName = Name;
        if (scope.BranchOfficeId is int branch)
        {
            var office = (await reference.BranchOfficesAsync(db, ct)).FirstOrDefault(b => b.Id == branch);
            areaName = l["Wilayah {0}", office?.Name ?? ""];
        }

        var report = await reports.ProvinceAsync(scope, Code, ct);
        View = new CoverageView(report, areaName, l);
        return report;
    }
}
