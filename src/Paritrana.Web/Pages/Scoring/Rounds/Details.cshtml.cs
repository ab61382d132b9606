using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Scoring.Rounds;

/// <summary>
/// One round: what it scores, its state, and its progress per scorer. The chair opens it (scorers
/// may then enter scores) and closes it (everything becomes read-only; a closed round is not
/// opened again).
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class DetailsModel(ParitranaDbContext db, CurrentUser me, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l, RoundStatusChange statusChange) : PageModel
{
    public RoundInfo Round { get; private set; } = null!;

    public IReadOnlyList<(string Code, string? Name)> Aspects { get; private set; } = [];

    public IReadOnlyList<ProgressRow> Progress { get; private set; } = [];

    public bool IsChair => me.IsChair;

    /// <summary>Categories of the nominations to score that lack usable criteria (the round cannot be opened, nor scorers assigned for them).</summary>
    public IReadOnlyList<CategoryLack> LackingCriteria { get; private set; } = [];

    public sealed record ProgressRow(Guid ScorerId, string Name, int Assigned, int Draft, int Submitted)
    {
        public int Outstanding => Assigned - Submitted;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var round = await RoundLookup.FindAsync(db, id, scope, ct);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        var codes = await db.RoundAspects.AsNoTracking().Where(a => a.RoundId == id).OrderBy(a => a.AspectCode).Select(a => a.AspectCode).ToListAsync(ct);
        var cycleId = round.CycleId;
        var names = await db.Aspects.AsNoTracking()
            .Where(a => codes.Contains(a.Code) && db.CriteriaSets.Any(s => s.Id == a.CriteriaSetId && s.CycleId == cycleId && s.Stage == ScoringStage.Provincial && s.IsCurrent))
            .Select(a => new { a.Code, a.Name })
            .ToListAsync(ct);
        Aspects = codes.Select(c => (c, names.FirstOrDefault(n => n.Code == c)?.Name)).ToList();
        if (round.Status != RoundStatus.Closed)
        {
            LackingCriteria = await RoundCriteria.LackingAsync(db, id, await RoundCriteria.ScoredCategoryIdsAsync(db, round.CycleId, round.ProvinceCode, ct), ct);
        }

        Progress = (await ProgressQuery.PerScorerAsync(db, [id], ct))
            .Select(r => new ProgressRow(r.ScorerId, r.Name, r.Assigned, r.Draft, r.Submitted))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, uint version, CancellationToken ct) =>
        await ChangeStatusAsync(id, version, RoundStatus.Draft, RoundStatus.Open, ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, uint version, CancellationToken ct) =>
        await ChangeStatusAsync(id, version, RoundStatus.Open, RoundStatus.Closed, ct);

    private async Task<IActionResult> ChangeStatusAsync(int id, uint version, RoundStatus from, RoundStatus to, CancellationToken ct)
    {
        if (!me.IsChair)
        {
            return Forbid();
        }

        var outcome = await statusChange.ChangeAsync(id, version, from, to, await me.GetScopeAsync(ct), me.Id, "/Scoring", ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (!outcome.Done)
        {
            return Refuse(id, outcome.Message!);
        }

        TempData["StatusMessage"] = outcome.Message;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The chair sets or moves the closing date of a round not yet closed (also an open one, whose
    /// form is no longer editable), and whether cards are refused after it. The round is locked for
    /// update, so a card being submitted meanwhile is judged by the dates it read (decisions/029).
    /// </summary>
    public async Task<IActionResult> OnPostDeadlineAsync(int id, DateOnly? closesOn, bool refuseLateCards, uint version, CancellationToken ct)
    {
        if (!me.IsChair)
        {
            return Forbid();
        }

        var scope = await me.GetScopeAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RoundLock.ForUpdateAsync(db, id, ct);
        var round = await db.ScoringRounds.InScope(scope).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        if (round.Status == RoundStatus.Closed)
        {
            return Refuse(id, l["Babak yang sudah ditutup tidak dapat diubah."].Value);
        }

        // Each error beside its own field: the date, or the checkbox (a forged value other than yes or no).
        var errors = new Dictionary<string, string>();
        if (ModelState.GetFieldValidationState(nameof(refuseLateCards)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            errors[nameof(refuseLateCards)] = l["Nilai '{0}' tidak valid untuk {1}.", ModelState[nameof(refuseLateCards)]?.AttemptedValue ?? "", l["Tolak kartu nilai yang dikirim setelah tanggal penutupan"]].Value;
        }

        if (ModelState.GetFieldValidationState(nameof(closesOn)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            errors[nameof(closesOn)] = l["Tanggal penutupan tidak valid."].Value;
        }
        else if (closesOn is DateOnly closes && closes != round.ClosesOn && closes < Wib.Today(clock))
        {
            errors[nameof(closesOn)] = l["Tanggal penutupan tidak boleh sebelum hari ini."].Value;
        }
        else if (errors.Count == 0 && refuseLateCards && closesOn is null)
        {
            errors[nameof(closesOn)] = l["Isi tanggal penutupan bila kartu nilai setelahnya hendak ditolak."].Value;
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            ModelState.Clear();
            foreach (var (field, error) in errors)
            {
                ModelState.AddModelError(field, error);
            }

            return await OnGetAsync(id, ct);
        }

        var before = Deadline(round.ClosesOn, round.RefuseLateCards);
        round.ClosesOn = closesOn;
        round.RefuseLateCards = refuseLateCards;
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        audit.Record(AuditActions.RoundUpdated, "scoring-round", id.ToString(CultureInfo.InvariantCulture), round.ProvinceCode,
            AuditDetails.Of(("round", round.Name), ("closing date", $"{before} -> {Deadline(closesOn, refuseLateCards)}")));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refuse(id, l["Babak ini baru saja diubah oleh orang lain. Periksa keadaannya, lalu ulangi bila masih perlu."].Value);
        }

        TempData["StatusMessage"] = l["Tanggal penutupan babak {0} telah disimpan.", round.Name].Value;
        return RedirectToPage(new { id });
    }

    private static string Deadline(DateOnly? closesOn, bool refuse) =>
        closesOn is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (refuse ? " (late cards refused)" : "") : "-";

    private RedirectToPageResult Refuse(int id, string message) => this.RedirectWithMessage(message, new { id }, isError: true);
}
