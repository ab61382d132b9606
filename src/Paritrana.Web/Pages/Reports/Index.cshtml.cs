using Paritrana.Web.Features.Reports;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Pages.Reports;

/// <summary>The reports and exports of the user's province for a cycle: PDFs and CSVs, with what the user may see of the scores (docs/decisions/010).</summary>
[Authorize(Policy = Policies.Committee)]
public class IndexModel(ParitranaDbContext db, CurrentUser me, ShortlistQuery shortlist, DecisionVersions versions, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    public CycleLookup.CycleRef? Cycle { get; private set; }

    public ShortlistData? Data { get; private set; }

    /// <summary>The official records of the province's plenary decision in the cycle (docs/decisions/011).</summary>
    public IReadOnlyList<DecisionVersionInfo> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (province, missing) = await ResolveAsync(ct);
        if (missing is not null)
        {
            return missing;
        }

        Data = await shortlist.LoadAsync(Cycle!.Id, province!, me.Viewer(), ct);
        Versions = await versions.ListAsync(Cycle.Id, province!, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetRankingsCsvAsync(CancellationToken ct)
    {
        var (province, missing) = await ResolveAsync(ct);
        if (missing is not null)
        {
            return missing;
        }

        var data = await shortlist.LoadAsync(Cycle!.Id, province!, me.Viewer(), ct);
        return File(RankingCsv.Rankings(data, l), "text/csv; charset=utf-8", RankingCsv.FileName("peringkat", Cycle.Year, province!));
    }

    public async Task<IActionResult> OnGetScoresCsvAsync(CancellationToken ct)
    {
        var (province, missing) = await ResolveAsync(ct);
        if (missing is not null)
        {
            return missing;
        }

        var visibility = await ScoreVisibilityQuery.ForAsync(db, me.Viewer(), Cycle!.Id, province!, ct);
        var bytes = await RankingCsv.RawScoresAsync(db, Cycle.Id, province!, visibility, l, ct);
        return File(bytes, "text/csv; charset=utf-8", RankingCsv.FileName("nilai", Cycle.Year, province!));
    }

    private async Task<(string? Province, IActionResult? Missing)> ResolveAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not { } province)
        {
            return (null, NotFound());
        }

        Cycle = await CycleLookup.ResolveAsync(db, Year, ct);
        return Cycle is null ? (null, NotFound()) : (province, null);
    }

    public string YearText => Cycle?.Year.ToString(CultureInfo.InvariantCulture) ?? "";
}
