using Paritrana.Web.Features.Reports;

namespace Paritrana.Web.Pages.Reports;

/// <summary>The shortlist report: every ranked candidate of the province, not only the finalists.</summary>
[Authorize(Policy = Policies.Committee)]
public class ShortlistModel(ParitranaDbContext db, CurrentUser me, ReportData reports, RazorHtml razor, ChromiumPdf pdf, IStringLocalizer<SharedResource> l)
    : FinalistsModel(db, me, reports, razor, pdf, l)
{
    protected override bool AllCandidates => true;
}
