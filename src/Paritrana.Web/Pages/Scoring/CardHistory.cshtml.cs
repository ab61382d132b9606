using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Scoring;

/// <summary>
/// The chair's view of one scorecard: its current scores and every change (who, when, old, new,
/// the card's state), and reopening a submitted card with a reason while its round is open. Another
/// scorer's values, comments and history are shown only as the rule allows (docs/decisions/010: not
/// while the chair's own card for the same nomination and round is unfinished); reopening still works.
/// </summary>
[Authorize(Policy = Policies.Chair)]
public class CardHistoryModel(
    ParitranaDbContext db,
    CurrentUser me,
    ScorecardService cards,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Header Card { get; private set; } = null!;

    public IReadOnlyList<ScoreRow> Scores { get; private set; } = [];

    public PagedList<ChangeRow> Changes { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Why this card's values are not shown to the chair; None when they are.</summary>
    public HiddenReason Hidden { get; private set; }

    public sealed record Header(int Id, int RoundId, string RoundName, RoundStatus RoundStatus, int NominationId, string NominationName, string ScorerName,
        ScorecardStatus Status, decimal? Total, DateTimeOffset? SubmittedAt, string? ReopenReason, int CriteriaVersion, uint Version);

    public sealed record ScoreRow(string Code, string Name, decimal? Value, string? Comment);

    public sealed record ChangeRow(long Id, DateTimeOffset At, string UserName, string Event, ScorecardStatus CardStatus, string? IndicatorCode, decimal? OldValue, decimal? NewValue, string? OldComment, string? NewComment);

    public sealed class InputModel
    {
        [Display(Name = "Alasan membuka kembali")]
        public string? Reason { get; set => field = value?.Trim(); }

        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Alasan membuka kembali wajib diisi."])
                .MaximumLength(2000).WithMessage(_ => l["Alasan paling banyak {0} karakter.", 2000]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = Card.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = await me.GetScopeAsync(ct);
        var result = await cards.ReopenAsync(id, Input.Version, Input.Reason!, me.Id!.Value, scope, ct);
        if (result.Status != ScorecardService.SaveStatus.Saved)
        {
            // Shown with the card and its round as they are now (the round may have been closed meanwhile).
            ModelState.AddModelError("", result.Message ?? "");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData["StatusMessage"] = l["Kartu nilai {0} untuk {1} telah dibuka kembali; penilai dapat mengubah dan mengirimnya lagi.", Card.ScorerName, Card.NominationName].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var found = await db.Scorecards.AsNoTracking().InScope(scope)
            .Where(c => c.Id == id)
            .Select(c => new { c.ScorerId, CycleId = db.ScoringRounds.Where(r => r.Id == c.RoundId).Select(r => r.CycleId).First(), c.ProvinceCode, Header = new Header(
                c.Id,
                c.RoundId,
                db.ScoringRounds.Where(r => r.Id == c.RoundId).Select(r => r.Name).First(),
                db.ScoringRounds.Where(r => r.Id == c.RoundId).Select(r => r.Status).First(),
                c.NominationId,
                db.Nominations.Where(n => n.Id == c.NominationId).Select(n => n.Organisation!.Name).First(),
                db.Users.Where(u => u.Id == c.ScorerId).Select(u => u.FullName).First(),
                c.Status,
                c.Total,
                c.SubmittedAt,
                c.ReopenReason,
                db.CriteriaSets.Where(s => s.Id == c.CriteriaSetId).Select(s => s.VersionNumber).First(),
                c.Version) })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }

        var visibility = await ScoreVisibilityQuery.ForAsync(db, me.Viewer(), found.CycleId, found.ProvinceCode, ct);
        Hidden = visibility.SeesCard(found.Header.RoundId, found.Header.NominationId, found.ScorerId)
            ? HiddenReason.None
            : visibility.Round(found.Header.RoundId, found.Header.NominationId);
        Card = Hidden == HiddenReason.None ? found.Header : found.Header with { Total = null };
        if (Hidden != HiddenReason.None)
        {
            return true;
        }

        Scores = await (
                from s in db.Scores.AsNoTracking()
                where s.ScorecardId == id
                join i in db.Indicators on s.IndicatorId equals i.Id
                join a in db.Aspects on i.AspectId equals a.Id
                orderby a.SortOrder, i.SortOrder
                select new ScoreRow(i.Code, i.Name, s.Value, s.Comment))
            .ToListAsync(ct);
        Changes = await db.ScoreChanges.AsNoTracking()
            .Where(c => c.ScorecardId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new ChangeRow(
                c.Id,
                c.At,
                db.Users.Where(u => u.Id == c.UserId).Select(u => u.FullName).FirstOrDefault() ?? "",
                c.Event,
                c.CardStatus,
                db.Indicators.Where(i => i.Id == c.IndicatorId).Select(i => i.Code).FirstOrDefault(),
                c.OldValue,
                c.NewValue,
                c.OldComment,
                c.NewComment))
            .ToPagedListAsync(PageNumber, ct: ct);
        return true;
    }
}
