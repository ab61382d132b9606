using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Scoring.Rounds;

/// <summary>
/// The scoring rounds of the province in a cycle, with their weights (which should add up to 100)
/// and the cycle's scoring settings. The chair creates the three default rounds with one button,
/// or adds rounds of their own; members see the rounds.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, AuditTrail audit, IStringLocalizer<SharedResource> l) : CyclePageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Rounds { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public decimal WeightSum { get; private set; }

    public ScoringSettings Settings { get; private set; } = new();

    public bool IsChair => me.IsChair;

    /// <summary>The aspects' names by code, for the list (issue 15 saw "ANG, DIG, INO").</summary>
    public IReadOnlyDictionary<string, string> AspectNamesByCode { get; private set; } = new Dictionary<string, string>();

    public sealed record Row(int Id, int SortOrder, string Name, RoundKind Kind, decimal Weight, RoundStatus Status, List<string> AspectCodes, int Assigned, int Submitted, DateOnly? ClosesOn);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not string province)
        {
            return NotFound();
        }

        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        var cycleId = Cycle.Id;
        var rounds = db.ScoringRounds.AsNoTracking().InScope(scope).Where(r => r.CycleId == cycleId && r.ProvinceCode == province);
        WeightSum = await rounds.SumAsync(r => r.Weight, ct);
        Settings = await reference.ScoringSettingsAsync(db, cycleId, ct);
        Rounds = await rounds
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new Row(
                r.Id,
                r.SortOrder,
                r.Name,
                r.Kind,
                r.Weight,
                r.Status,
                r.Aspects.OrderBy(a => a.AspectCode).Select(a => a.AspectCode).ToList(),
                db.Assignments.Count(a => a.RoundId == r.Id),
                db.Scorecards.Count(c => c.RoundId == r.Id && c.Status == ScorecardStatus.Submitted),
                r.ClosesOn))
            .ToPagedListAsync(PageNumber, ct: ct);
        AspectNamesByCode = (await AspectNames.OfCycleAsync(db, cycleId, ct)).ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        return Page();
    }

    /// <summary>The chair creates the default rounds (documents, field visit, interview) in one step.</summary>
    public async Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct)
    {
        if (!me.IsChair)
        {
            return Forbid();
        }

        var scope = await me.GetScopeAsync(ct);
        var cycle = await CycleLookup.ResolveAsync(db, CycleYear, ct);
        if (scope.ProvinceCode is not string province || cycle is null)
        {
            return NotFound();
        }

        var year = cycle.Year.ToString(CultureInfo.InvariantCulture);
        if (cycle.IsClosed)
        {
            return Refuse(l["Siklus {0} sudah ditutup.", year].Value, year);
        }

        if (!await DefaultRounds.AddAsync(db, audit, cycle.Id, province, ct))
        {
            return Refuse(l["Babak bawaan hanya dapat dibuat selama belum ada babak pada siklus ini."].Value, year);
        }

        TempData["StatusMessage"] = l["Tiga babak bawaan telah dibuat: Penilaian Dokumen (40), Kunjungan Lapangan (35) dan Wawancara (25)."].Value;
        return RedirectToPage(new { cycle = year });
    }

    private RedirectToPageResult Refuse(string message, string year) => this.RedirectWithMessage(message, new { cycle = year }, isError: true);
}
