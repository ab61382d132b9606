using Paritrana.Web.Features.Reports;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Reports;

/// <summary>The assessment sheet of one nomination of the user's province: its submitted cards per round, scores and comments.</summary>
[Authorize(Policy = Policies.Committee)]
public class SheetModel(ParitranaDbContext db, CurrentUser me, ReportData reports, RazorHtml razor, ChromiumPdf pdf, IStringLocalizer<SharedResource> l)
    : ReportPage(razor, pdf, l)
{
    private readonly IStringLocalizer<SharedResource> _l = l;

    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

    public Features.Reports.SheetModel? Sheet { get; private set; }

    public override string PartialPath => "/Pages/Reports/_AssessmentSheet.cshtml";

    public override object ReportModel => Sheet!;

    public override string Title => _l["Lembar Penilaian: {0}", Sheet!.Name].Value;

    public override string Reference => Sheet!.Reference;

    public override string LocalTime => Sheet!.LocalTime;

    public override string FileName => $"lembar-penilaian-{Id.ToString(CultureInfo.InvariantCulture)}.pdf";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await LoadAsync(ct) ?? await PdfAsync(ct);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (!await db.Nominations.AsNoTracking().InScope(scope).AnyAsync(n => n.Id == Id, ct))
        {
            return NotFound();
        }

        Sheet = await reports.SheetAsync(Id, me.Viewer(), ct);
        return Sheet is null ? NotFound() : null;
    }
}
