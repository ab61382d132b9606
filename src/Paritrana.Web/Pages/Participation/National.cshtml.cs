using Paritrana.Web.Features.Participation;

namespace Paritrana.Web.Pages.Participation;

/// <summary>
/// The country's coverage (issue 16, the administrator): the latest national figures and their
/// change, coverage over time, the 38 provinces ranked (a bar chart, a table and a tile map) each
/// with its gap to the country and a link to its province page, and the country's employers.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class NationalModel(CoverageReports reports, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public CoverageView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The page's figures as CSV: the country and each province at every period.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var report = await LoadAsync(ct);
        return CoverageCsv.File(report, "ID", View.AreaName, "cakupan-nasional.csv");
    }

    /// <summary>The page's employer section as CSV: the country's employers by size class and in all.</summary>
    public async Task<IActionResult> OnGetEmployersCsvAsync(CancellationToken ct)
    {
        var report = await LoadAsync(ct);
        return CoverageCsv.EmployersFile(report.Employers, "ID", View.AreaName, "pemberi-kerja-nasional.csv");
    }

    private async Task<AreaReport> LoadAsync(CancellationToken ct)
    {
        var report = await reports.NationalAsync(await me.GetScopeAsync(ct), ct);
        View = new CoverageView(report, l["Indonesia"], l);
        return report;
    }
}
