using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Pages.Plenary;

/// <summary>The administrator's national results: every finalist forwarded by a province, winner (with the award) or not.</summary>
[Authorize(Policy = Policies.Administrator)]
public class NationalModel(ParitranaDbContext db, PlenaryDecisions decisions, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    public CycleLookup.CycleRef? Cycle { get; private set; }

    public PagedList<Row> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public sealed record Row(int DecisionId, int NominationId, uint Version, string ProvinceName, string CategoryName, string Name, decimal? Total, NominationStatus Status, string? AwardName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Cycle = await CycleLookup.ResolveAsync(db, Year, ct);
        if (Cycle is null)
        {
            return Year is null ? Page() : NotFound();
        }

        var cycleId = Cycle.Id;
        Rows = await db.FinalistDecisions.AsNoTracking()
            .Where(d => d.IsFinalist)
            .Join(db.Nominations, d => d.NominationId, n => n.Id, (d, n) => new { d, n })
            .Where(x => x.n.CycleId == cycleId && (x.n.Status == NominationStatus.ForwardedToNational || x.n.Status == NominationStatus.Winner || x.n.Status == NominationStatus.NotWinner))
            .OrderBy(x => x.n.ProvinceCode).ThenBy(x => x.n.Category!.SortOrder).ThenBy(x => x.d.Rank)
            .Select(x => new Row(
                x.d.Id, x.n.Id, x.n.Version,
                db.Provinces.Where(p => p.Code == x.n.ProvinceCode).Select(p => p.Name).First(),
                x.n.Category!.Name, x.n.Organisation!.Name, x.d.Total, x.n.Status, x.d.NationalAwardName))
            .ToPagedListAsync(PageNumber, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int decision, uint version, bool winner, string? award, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A forged value ("winner=abc"): the form's own values are always readable.
            return BadRequest();
        }

        if (award is { Length: > 300 })
        {
            TempData["StatusMessage"] = l["Nama penghargaan paling banyak {0} karakter.", 300].Value;
            return RedirectToPage(new { cycle = Year, p = PageNumber });
        }

        var outcome = await decisions.RecordNationalResultAsync(decision, winner, award, version, ct);
        TempData["StatusMessage"] = outcome.Done ? l["Hasil tingkat nasional dicatat."].Value : outcome.Message;
        return RedirectToPage(new { cycle = Year, p = PageNumber });
    }
}
