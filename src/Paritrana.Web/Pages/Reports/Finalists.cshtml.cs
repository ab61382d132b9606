using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Features.Reports;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.Reports;

/// <summary>
/// "Laporan Finalis Penghargaan Paritrana {year}, Provinsi {name}" of the user's province: print
/// preview (GET) and PDF (?handler=Pdf). With <see cref="AllCandidates"/> (the Shortlist page) it
/// is the shortlist report of every ranked candidate instead.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class FinalistsModel(ParitranaDbContext db, CurrentUser me, ReportData reports, RazorHtml razor, ChromiumPdf pdf, IStringLocalizer<SharedResource> l)
    : ReportPage(razor, pdf, l)
{
    private readonly IStringLocalizer<SharedResource> _l = l;

    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    public ReportModel? Report { get; private set; }

    protected virtual bool AllCandidates => false;

    public override string PartialPath => "/Pages/Reports/_FinalistReport.cshtml";

    public override object ReportModel => Report!;

    public override string Title => AllCandidates
        ? _l["Laporan Daftar Pendek Penghargaan Paritrana {0}, Provinsi {1}", Report!.Year.ToString(CultureInfo.InvariantCulture), Report.ProvinceName].Value
        : _l["Laporan Finalis Penghargaan Paritrana {0}, Provinsi {1}", Report!.Year.ToString(CultureInfo.InvariantCulture), Report.ProvinceName].Value;

    public override string Reference => Report!.Reference;

    public override string LocalTime => Report!.LocalTime;

    public override string FileName => $"{(AllCandidates ? "daftar-pendek" : "finalis")}-{Report!.Reference}.pdf";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await LoadAsync(ct) ?? await PdfAsync(ct);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not { } province)
        {
            return NotFound();
        }

        var cycle = await CycleLookup.ResolveAsync(db, Year, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        Report = await reports.BuildAsync(cycle.Id, cycle.Year, province, AllCandidates, me.Viewer(), ct);
        return null;
    }
}
