using Paritrana.Web.Features.Reports;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Reports;

/// <summary>
/// "Laporan Finalis Penghargaan Paritrana {year}, Provinsi {name}" of the user's province: print
/// preview (GET) and PDF (?handler=Pdf). Of a decided plenary it is the official document, rendered
/// from the decision's snapshot (?version=N for an earlier, superseded version); before the decision
/// a live draft (docs/decisions/011). With <see cref="AllCandidates"/> (the Shortlist page) it is
/// the live shortlist report of every ranked candidate instead.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class FinalistsModel(ParitranaDbContext db, CurrentUser me, ReportData reports, RazorHtml razor, ChromiumPdf pdf, IStringLocalizer<SharedResource> l)
    : ReportPage(razor, pdf, l)
{
    private readonly IStringLocalizer<SharedResource> _l = l;

    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    /// <summary>A version of the decision's official record (1, 2, ...); none: the one in force, else the draft.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public int? Version { get; set; }

    public ReportModel? Report { get; private set; }

    protected virtual bool AllCandidates => false;

    public override string PartialPath => "/Pages/Reports/_FinalistReport.cshtml";

    public override object ReportModel => Report!;

    public override string Title => AllCandidates
        ? _l["Laporan Daftar Pendek Penghargaan Paritrana {0}, Provinsi {1}", Report!.Year.ToString(CultureInfo.InvariantCulture), Report.ProvinceName].Value
        : _l["Laporan Finalis Penghargaan Paritrana {0}, Provinsi {1}", Report!.Year.ToString(CultureInfo.InvariantCulture), Report.ProvinceName].Value;

    public override string Reference => Report!.Reference;

    public override string LocalTime => Report!.LocalTime;

    /// <summary>Every page of an official document names it, its verification code and, once superseded, says so.</summary>
    public override string FooterLeft => Report!.Official switch
    {
        null => base.FooterLeft,
        { Superseded: { } superseded } o => _l["{0} · DIGANTIKAN ({1}) · kode verifikasi {2}", o.Number, superseded.SuccessorNumber ?? _l["Dibuka kembali"].Value, o.VerificationCode].Value,
        var o => _l["{0} · ditetapkan {1} · kode verifikasi {2}", o.Number, Report.LocalTime, o.VerificationCode].Value,
    };

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

        Report = await reports.BuildAsync(cycle.Id, cycle.Year, province, AllCandidates, AllCandidates ? null : Version, me.Viewer(), ct);
        return Report is null ? NotFound() : null;
    }
}
