using System.ComponentModel.DataAnnotations;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Scoring;

/// <summary>
/// A scorer's scorecard of one nomination in one round (<c>/Scoring/Card?round=..&amp;nomination=..</c>):
/// the nomination's evidence beside the round's aspects with their indicators, rubric and evidence
/// guidance (each indicator linking to its evidence), a score and a comment per indicator and the
/// candidate's strengths. Indicators computed from the figures are offered on an empty card (a
/// changed one needs a note; docs/decisions/035). "Simpan dan berikutnya" saves and opens the
/// scorer's next unsent card of the round. Only the assigned scorer opens it (anyone else:
/// 404). Save keeps a draft; Submit checks that every indicator is scored, stores the total and
/// locks the card. The card's version travels in the form: a save from another tab or device
/// that came first makes this one refused, with the stored values shown (nothing of it is saved).
/// </summary>
[Authorize(Policy = Policies.Scorer)]
public class CardModel(ScorecardService cards, ScorecardEvidence evidence, NextCard next, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ScorecardService.CardContext Card { get; private set; } = null!;

    /// <summary>The nomination's evidence shown beside the card (not read for a save).</summary>
    public ScorecardEvidence.Evidence? Evidence { get; private set; }

    /// <summary>After a refused stale save: what this form had typed, per indicator, where it differs from what is stored.</summary>
    public IReadOnlyDictionary<int, string> Unsaved { get; private set; } = new Dictionary<int, string>();

    /// <summary>
    /// The confirmation step of "Kirim kartu nilai": the total the posted card would have. The page
    /// then shows what submitting means and posts the same values again with <see cref="InputModel.Confirmed"/>.
    /// </summary>
    public decimal? ConfirmTotal { get; private set; }

    public sealed class InputModel
    {
        /// <summary>The card's row version (0 before its first save).</summary>
        public uint Version { get; set; }

        public int? CriteriaSetId { get; set; }

        /// <summary>Set by the confirmation step: only then does "Kirim kartu nilai" submit.</summary>
        public bool Confirmed { get; set; }

        [Display(Name = "Kekuatan kandidat")]
        public string? Strengths { get; set; }

        public List<ScoreInput> Scores { get; set; } = [];
    }

    public sealed class ScoreInput
    {
        public int IndicatorId { get; set; }

        public string? Value { get; set; }

        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int round, int nomination, CancellationToken ct)
    {
        if (!await LoadAsync(round, nomination, ct))
        {
            return NotFound();
        }

        FillFromCard();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int round, int nomination, CancellationToken ct) => await SaveAsync(round, nomination, submit: false, ct);

    public async Task<IActionResult> OnPostSubmitAsync(int round, int nomination, CancellationToken ct) => await SaveAsync(round, nomination, submit: true, ct);

    /// <summary>"Simpan dan berikutnya": saves the draft, then opens the scorer's next unsent card of the round (or says there is none).</summary>
    public async Task<IActionResult> OnPostSaveNextAsync(int round, int nomination, CancellationToken ct) => await SaveAsync(round, nomination, submit: false, ct, thenNext: true);

    private async Task<IActionResult> SaveAsync(int round, int nomination, bool submit, CancellationToken ct, bool thenNext = false)
    {
        if (!await LoadAsync(round, nomination, ct, forSave: true))
        {
            return NotFound();
        }

        var input = new ScorecardService.CardInput(
            Input.Version,
            Input.CriteriaSetId,
            Input.Strengths,
            Input.Scores.Select(s => new ScorecardService.ScoreEntry(s.IndicatorId, s.Value, s.Comment)).ToList());
        var result = await cards.SaveAsync(Card, input, submit, ct, preview: submit && !Input.Confirmed);
        switch (result.Status)
        {
            case ScorecardService.SaveStatus.ReadyToSubmit:
                // Nothing was written: the confirmation step, with the posted values carried along.
                if (!await LoadAsync(round, nomination, ct))
                {
                    return NotFound();
                }

                AlignPostedScores();
                ConfirmTotal = result.Total;
                ModelState.Clear();
                return Page();
            case ScorecardService.SaveStatus.Saved or ScorecardService.SaveStatus.NothingChanged when thenNext:
                return await NextAsync(round, nomination, result.Status == ScorecardService.SaveStatus.Saved ? l["Draf kartu nilai tersimpan."].Value : result.Message!, ct);
            case ScorecardService.SaveStatus.Saved:
                TempData["StatusMessage"] = l["Draf kartu nilai tersimpan."].Value;
                return RedirectToPage(new { round, nomination });
            case ScorecardService.SaveStatus.Submitted:
                TempData["StatusMessage"] = l["Kartu nilai telah dikirim. Total: {0}.", ScoringMath.Round2(result.Total!.Value).ToString("N2")].Value;
                return RedirectToPage(new { round, nomination });
            case ScorecardService.SaveStatus.NothingChanged:
                TempData["StatusMessage"] = result.Message;
                return RedirectToPage(new { round, nomination });
            case ScorecardService.SaveStatus.Invalid:
                // The whole page again (with the other scorers' cards when allowed), with the posted values.
                if (!await LoadAsync(round, nomination, ct))
                {
                    return NotFound();
                }

                AlignPostedScores();
                var index = Input.Scores.Select((s, i) => (s.IndicatorId, i)).ToDictionary(x => x.IndicatorId, x => x.i);
                foreach (var (indicatorId, message) in result.IndicatorErrors ?? new Dictionary<int, string>())
                {
                    ModelState.AddModelError($"Input.Scores[{index[indicatorId]}].Value", message);
                }

                if (result.StrengthsError is not null)
                {
                    ModelState.AddModelError("Input.Strengths", result.StrengthsError);
                }

                ModelState.AddModelError("", result.Message!);
                return Page();
            case ScorecardService.SaveStatus.Stale:
                // Show what is stored now; keep what this form typed beside it, saved nowhere.
                var typed = Input.Scores.ToDictionary(s => s.IndicatorId, s => s.Value?.Trim() ?? "");
                if (!await LoadAsync(round, nomination, ct))
                {
                    return NotFound();
                }

                FillFromCard();
                Unsaved = Input.Scores
                    .Where(s => typed.TryGetValue(s.IndicatorId, out var t) && t != (s.Value ?? "") && !(ScoreText.TryParse(t, out var a) && ScoreText.TryParse(s.Value, out var b) && a == b))
                    .ToDictionary(s => s.IndicatorId, s => typed[s.IndicatorId]);
                ModelState.Clear();
                ModelState.AddModelError("", result.Message!);
                return Page();
            default:
                TempData["StatusMessage"] = result.Message;
                TempData["StatusIsError"] = true;
                return RedirectToPage(new { round, nomination });
        }
    }

    private async Task<IActionResult> NextAsync(int round, int nomination, string saved, CancellationToken ct)
    {
        var target = await next.AfterAsync(round, nomination, Card.ScorerId, await me.GetScopeAsync(ct), ct);
        if (target is null)
        {
            TempData["StatusMessage"] = saved + " " + l["Tidak ada kartu nilai lain di babak ini yang belum Anda kirim."].Value;
            return RedirectToPage(new { round, nomination });
        }

        TempData["StatusMessage"] = saved + " " + l["Berikutnya: {0}.", target.NominationName].Value;
        return RedirectToPage(new { round = target.RoundId, nomination = target.NominationId });
    }

    private async Task<bool> LoadAsync(int round, int nomination, CancellationToken ct, bool forSave = false)
    {
        if (me.Id is not Guid scorer)
        {
            return false;
        }

        var scope = await me.GetScopeAsync(ct);
        var card = await cards.LoadAsync(round, nomination, scorer, scope, ct, forSave);
        if (card is null)
        {
            return false;
        }

        Card = card;
        Evidence = forSave || card.ConflictReason is not null ? null : await evidence.LoadAsync(nomination, scope, ct);
        return true;
    }

    private void FillFromCard()
    {
        Input = new InputModel
        {
            Version = Card.Version,
            CriteriaSetId = Card.CriteriaSetId,
            Strengths = Card.Strengths,
            Scores = Card.Indicators.Select(i => new ScoreInput
            {
                IndicatorId = i.Id,
                // An indicator computed from the figures is offered while the card has no value for it (docs/decisions/035).
                Value = Card.Scores.GetValueOrDefault(i.Id)?.Value is decimal v ? ScoreText.ForInput(v)
                    : Card.CanEdit && Card.Computed.TryGetValue(i.Id, out var computed) ? ScoreText.ForInput(computed.Value) : null,
                Comment = Card.Scores.GetValueOrDefault(i.Id)?.Comment,
            }).ToList(),
        };
    }

    /// <summary>Puts the posted scores in the order of the card's indicators (one entry each).</summary>
    private void AlignPostedScores()
    {
        var posted = Input.Scores.GroupBy(s => s.IndicatorId).ToDictionary(g => g.Key, g => g.Last());
        Input.Scores = Card.Indicators.Select(i => posted.GetValueOrDefault(i.Id) ?? new ScoreInput { IndicatorId = i.Id }).ToList();
    }
}
