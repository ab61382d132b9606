using Paritrana.Web.Features.Reports;
using Paritrana.Web.Features.Shortlist;
using Paritrana.Web.Pages.Reports;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// "Laporan Penghargaan Paritrana {year} Tingkat Nasional" (<c>/National/Report?cycle=YYYY</c>,
/// docs/decisions/047): the national plenary's official document, rendered from the decision's
/// stored snapshot alone (?version=N for an earlier, superseded version): cover, the jury, the
/// ranking per category, a section per winner, the plenary and the signatures; print preview (GET)
/// and PDF (?handler=Pdf) printed by Chromium like the provincial finalist report. Before the
/// national plenary decides there is no such document (404). The secretariat and the jurors only.
/// </summary>
[Authorize(Policy = Policies.National)]
public class NationalReportModel(ParitranaDbContext db, ReferenceData reference, DecisionVersions versions, RazorHtml razor, ChromiumPdf pdf, IStringLocalizer<SharedResource> l)
    : ReportPage(razor, pdf, l)
{
    private readonly IStringLocalizer<SharedResource> _l = l;

    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "version")]
    public int? Version { get; set; }

    public DecisionDocumentRecord? Document { get; private set; }

    public override string PartialPath => "/Pages/National/_NationalReport.cshtml";

    public override object ReportModel => Document!;

    public override string Title => _l["Laporan Penghargaan Paritrana {0} Tingkat Nasional", Document!.Snapshot.Year.ToString(CultureInfo.InvariantCulture)].Value;

    public override string Reference => Document!.Snapshot.DocumentNumber;

    public override string LocalTime => ReportData.LocalTimeText(Document!.Snapshot.DecidedAt, NationalStage.Code);

    public override string FooterLeft => Document!.Version.IsSuperseded
        ? _l["{0} · DIGANTIKAN ({1}) · kode verifikasi {2}", Reference, Document.Successor?.DocumentNumber ?? _l["Dibuka kembali"].Value, DecisionDocument.FormatCode(Document.Version.VerificationCode)].Value
        : _l["{0} · ditetapkan {1} · kode verifikasi {2}", Reference, LocalTime, DecisionDocument.FormatCode(Document.Version.VerificationCode)].Value;

    public override string FileName => $"nasional-{Reference}.pdf";

    public override string BackPath => "/National";

    public override string BackText => "Kembali ke tahap nasional";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await LoadAsync(ct) ?? await PdfAsync(ct);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var cycle = CycleLookup.Resolve(await reference.CyclesAsync(db, ct), Year);
        if (cycle is null)
        {
            return NotFound();
        }

        Document = await versions.LoadAsync(cycle.Id, NationalStage.Code, Version, ct);
        return Document is null ? NotFound() : null;
    }
}
