using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// The national rounds of a cycle (<c>/National/Rounds?cycle=YYYY</c>, docs/decisions/043), run by the
/// national secretariat (the administrator) with the provinces' engine: the default rounds
/// (administrative verification, interview) with their weights, opening and closing
/// (<see cref="RoundStatusChange"/>), and the jurors' assignments balanced over the pool
/// (<see cref="AssignmentService"/>: a juror of a candidate's home province, or who declared a
/// conflict, is never assigned). The national criteria are set per category on the criteria page.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class RoundsModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, AuditTrail audit, RoundStatusChange statusChange, AssignmentService assignments, IStringLocalizer<SharedResource> l) : CyclePageModel
{
    public sealed record Row(int Id, string Name, RoundKind Kind, decimal Weight, RoundStatus Status, uint Version, DateOnly? ClosesOn, int Assigned, int Submitted);

    public IReadOnlyList<Row> Rounds { get; private set; } = [];

    public int PoolSize { get; private set; }

    public int Jurors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        var cycleId = Cycle.Id;
        Rounds = await db.ScoringRounds.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ProvinceCode == NationalStage.Code)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Name, r.Kind, r.Weight, r.Status, r.Version, r.ClosesOn,
                db.Assignments.Count(a => a.RoundId == r.Id),
                db.Scorecards.Count(c => c.RoundId == r.Id && c.Status == ScorecardStatus.Submitted)))
            .ToListAsync(ct);
        PoolSize = await Features.National.NationalPool.Of(db, cycleId).CountAsync(ct);
        Jurors = await ScoringLookups.Scorers(db, NationalStage.Code).CountAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct)
    {
        var cycle = await CycleLookup.ResolveAsync(db, CycleYear, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var year = cycle.Year.ToString(CultureInfo.InvariantCulture);
        if (cycle.IsClosed || !await DefaultRounds.AddAsync(db, audit, cycle.Id, NationalStage.Code, ct))
        {
            return this.RedirectWithMessage(l["Babak nasional bawaan hanya dapat dibuat pada siklus yang belum ditutup dan belum mempunyai babak nasional."].Value, new { cycle = year }, isError: true);
        }

        TempData["StatusMessage"] = l["Dua babak nasional bawaan telah dibuat: Verifikasi Administrasi Nasional (60) dan Wawancara Nasional (40)."].Value;
        return RedirectToPage(new { cycle = year });
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, uint version, CancellationToken ct) =>
        await ChangeAsync(id, version, RoundStatus.Draft, RoundStatus.Open, ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, uint version, CancellationToken ct) =>
        await ChangeAsync(id, version, RoundStatus.Open, RoundStatus.Closed, ct);

    /// <summary>Every pool nomination to <paramref name="perNomination"/> jurors, balanced (the engine's AssignmentBalancer).</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, int perNomination, CancellationToken ct)
    {
        var round = await NationalRoundAsync(id, ct);
        if (round is null || me.Id is not Guid admin)
        {
            return NotFound();
        }

        var jurors = await ScoringLookups.Scorers(db, NationalStage.Code).Select(s => s.Id).ToListAsync(ct);
        var outcome = await assignments.BalanceAsync(round.Ref, null, jurors, Math.Clamp(perNomination, 1, 9), int.MaxValue, admin, ct);
        var message = outcome.Notes is { Count: > 0 } notes ? outcome.Message + " " + string.Join(" ", notes) : outcome.Message;
        return this.RedirectWithMessage(message, new { cycle = Year(round.CycleYear) }, isError: !outcome.Done);
    }

    private async Task<IActionResult> ChangeAsync(int id, uint version, RoundStatus from, RoundStatus to, CancellationToken ct)
    {
        var round = await NationalRoundAsync(id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var outcome = await statusChange.ChangeAsync(id, version, from, to, await me.GetScopeAsync(ct), me.Id, "/National/Cards", ct);
        return this.RedirectWithMessage(outcome.Message!, new { cycle = Year(round.CycleYear) }, isError: !outcome.Done);
    }

    /// <summary>A national round (never a province's, though the administrator's scope sees those too).</summary>
    private async Task<RoundInfo?> NationalRoundAsync(int id, CancellationToken ct) =>
        await RoundLookup.FindAsync(db, id, await me.GetScopeAsync(ct), ct) is { } round && NationalStage.IsNational(round.ProvinceCode) ? round : null;

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
