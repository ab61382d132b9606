using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Pages.FieldWork.Coaching;

/// <summary>
/// One coaching item, for everyone who may see its nomination: what was found, what should be done,
/// by when (overdue days counted in the province's own calendar), its evidence and its history.
/// The committee moves it here: start, resolve (with a note), waive (the chair, with a reason),
/// reopen (the chair). Every step is decided by <see cref="CoachingRules.Decide"/>, checked against
/// the version the page was read at, and audited.
/// </summary>
public class ItemModel(
    ParitranaDbContext db,
    CurrentUser me,
    IAuthorizationService authorization,
    FieldWorkService fieldWork,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public CoachingItem Item { get; private set; } = null!;

    public string? VisitText { get; private set; }

    public IReadOnlyList<EvidenceRow> Files { get; private set; } = [];

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public int DaysOverdue { get; private set; }

    public bool CanChange { get; private set; }

    public bool IsChair => me.IsChair;

    /// <summary>The candidate's answer awaits the committee (docs/decisions/050).</summary>
    public bool AwaitsCommittee => CandidateCoachingRules.AwaitsCommittee(Item);

    /// <summary>Who of the candidate answered last.</summary>
    public string? AnsweredByName { get; private set; }

    /// <summary>Why the item cannot be reopened now (the nomination is past the coaching gate); null when it can.</summary>
    public string? ReopenRefusal { get; private set; }

    public sealed record HistoryRow(DateTimeOffset At, string What, string? Who, string? Text);

    public sealed class InputModel
    {
        [Display(Name = "Catatan penyelesaian")]
        public string? ResolutionNote { get; set; }

        [Display(Name = "Alasan pengesampingan")]
        public string? WaiverReason { get; set; }

        /// <summary>Why the candidate's answer is sent back: shown to the candidate (docs/decisions/050).</summary>
        [Display(Name = "Alasan pengembalian jawaban (dibaca kandidat)")]
        public string? ReturnReason { get; set; }

        public uint Version { get; set; }
    }

    /// <summary>Only lengths: whether a note or reason is needed is the domain's rule (CoachingRules.Decide).</summary>
    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ResolutionNote).MaximumLength(4000).WithMessage(_ => l["Catatan penyelesaian paling banyak {0} karakter.", 4000.ToString("N0")]);
            RuleFor(x => x.WaiverReason).MaximumLength(2000).WithMessage(_ => l["Alasan pengesampingan paling banyak {0} karakter.", 2000.ToString("N0")]);
            RuleFor(x => x.ReturnReason).MaximumLength(2000).WithMessage(_ => l["Alasan pengembalian paling banyak {0} karakter.", 2000.ToString("N0")]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct))
        {
            return NotFound();
        }

        Input.Version = Item.Version;
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct) => ActAsync(id, CoachingAction.Start, ct);

    public Task<IActionResult> OnPostResolveAsync(int id, CancellationToken ct) => ActAsync(id, CoachingAction.Resolve, ct);

    public Task<IActionResult> OnPostWaiveAsync(int id, CancellationToken ct) => ActAsync(id, CoachingAction.Waive, ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) => ActAsync(id, CoachingAction.Reopen, ct);

    /// <summary>Addresses the item to the candidate (docs/decisions/050): shown in its area, where its representatives answer it.</summary>
    public Task<IActionResult> OnPostShareAsync(int id, CancellationToken ct) => ShareAsync(id, true, ct);

    /// <summary>Stops addressing the item to the candidate.</summary>
    public Task<IActionResult> OnPostUnshareAsync(int id, CancellationToken ct) => ShareAsync(id, false, ct);

    /// <summary>Sends the candidate's answer back with a reason the candidate reads; the item stays open.</summary>
    public async Task<IActionResult> OnPostReturnAnswerAsync(int id, CancellationToken ct)
    {
        if (await CommitteeLoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var reason = Input.ReturnReason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError("Input.ReturnReason", l["Tuliskan apa yang masih perlu diperbaiki kandidat."]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, ct);
        }

        switch (await fieldWork.ReturnAnswerAsync(Item, reason!, Input.Version, ct))
        {
            case null:
                ModelState.AddModelError("", Stale());
                return await ShowAgainAsync(id, ct);
            case false:
                ModelState.AddModelError("", l["Tidak ada jawaban kandidat yang menunggu tanggapan panitia."]);
                return await ShowAgainAsync(id, ct);
        }

        TempData["StatusMessage"] = l["Jawaban kandidat dikembalikan dengan alasan Anda; kandidat diberi tahu dan dapat menjawab lagi."].Value;
        return RedirectToPage("/FieldWork/Coaching/Item", new { id });
    }

    private async Task<IActionResult> ShareAsync(int id, bool shared, CancellationToken ct)
    {
        if (await CommitteeLoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var done = await fieldWork.ShareAsync(Item, shared, Input.Version, ct);
        if (done is null)
        {
            ModelState.AddModelError("", Stale());
            return await ShowAgainAsync(id, ct);
        }

        TempData["StatusMessage"] = shared
            ? l["Butir pembinaan ini sekarang ditujukan kepada kandidat: perwakilannya melihatnya di Area Kandidat dan dapat menjawabnya."].Value
            : l["Butir pembinaan ini tidak lagi ditampilkan kepada kandidat."].Value;
        return RedirectToPage("/FieldWork/Coaching/Item", new { id });
    }

    /// <summary>The committee's own steps: the item tracked in scope, the nomination still changeable; else the answer to give.</summary>
    private async Task<IActionResult?> CommitteeLoadAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Committee)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, tracked: true, ct))
        {
            return NotFound();
        }

        if (Nomination.ChangeRefusal(l, me.Role) is string refusal)
        {
            ModelState.AddModelError("", refusal);
            return await ShowAgainAsync(id, ct);
        }

        return null;
    }

    private async Task<IActionResult> ActAsync(int id, CoachingAction action, CancellationToken ct)
    {
        // Reading is for everyone who sees the nomination; changing is the committee's.
        if (!(await authorization.AuthorizeAsync(User, Policies.Committee)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, tracked: true, ct))
        {
            return NotFound();
        }

        var text = action switch
        {
            CoachingAction.Resolve => Input.ResolutionNote?.Trim(),
            CoachingAction.Waive => Input.WaiverReason?.Trim(),
            _ => null,
        };
        if (Nomination.ChangeRefusal(l, me.Role) is string refusal)
        {
            ModelState.AddModelError("", refusal);
            return await ShowAgainAsync(id, ct);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, ct);
        }

        var step = await fieldWork.ChangeCoachingAsync(Item, action, text, Input.Version, ct);
        if (!step.Done)
        {
            ModelState.AddModelError("", step.Stale ? Stale() : step.Refusal!);
            return await ShowAgainAsync(id, ct);
        }

        TempData["StatusMessage"] = l["Status butir pembinaan diubah dari {0} menjadi {1}.", l[FieldWorkNames.Coaching(step.From)].Value, l[FieldWorkNames.Coaching(step.To)].Value].Value;
        return RedirectToPage("/FieldWork/Coaching/Item", new { id });
    }

    private string Stale() =>
        l["Butir pembinaan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi langkah Anda."].Value;

    /// <summary>The page again after a refused step: nothing changed, the texts typed are kept.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(id, tracked: false, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var items = db.CoachingItems.InScope(scope, db.Nominations);
        var item = await (tracked ? items : items.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, ct);
        var nomination = item is null ? null : await NominationRef.LoadAsync(db, scope, item.NominationId, ct);
        if (item is null || nomination is null)
        {
            return false;
        }

        (Item, Nomination) = (item, nomination);
        CanChange = nomination.CanChange(me.Role);
        ReopenRefusal = nomination.CoachingRefusal(l);
        DaysOverdue = CoachingRules.DaysOverdue(item.Status, item.DueDate, LocalTime.Today(clock, item.ProvinceCode));
        if (item.VisitId is int visitId)
        {
            var visit = await db.Visits.AsNoTracking().Where(v => v.Id == visitId).Select(v => new { v.PlannedAt, v.Place }).FirstOrDefaultAsync(ct);
            VisitText = visit is null ? null : $"{LocalTime.Format(visit.PlannedAt, item.ProvinceCode)} — {visit.Place}";
        }

        AnsweredByName = item.CandidateAnsweredBy is Guid by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.FullName).FirstOrDefaultAsync(ct)
            : null;
        Files = await EvidenceRow.ListAsync(db, f => f.CoachingItemId == id, ct);
        History = await HistoryAsync(item, ct);
        return true;
    }

    private async Task<IReadOnlyList<HistoryRow>> HistoryAsync(CoachingItem item, CancellationToken ct)
    {
        var key = item.Id.ToString(CultureInfo.InvariantCulture);
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == NominationTimeline.CoachingEntity && a.EntityId == key)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.At,
                a.Action,
                a.Details,
                Who = db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault() ?? a.UserEmail,
            })
            .ToListAsync(ct);
        return rows.Select(r =>
            {
                if (r.Action == AuditActions.CoachingCreated)
                {
                    return new HistoryRow(r.At, l[FieldWorkNames.Event(TimelineEvent.CoachingCreated), LocalTime.FormatDate(item.DueDate)], r.Who, null);
                }

                // The nomination's timeline tells the same events the same way.
                var (kind, detail) = NominationTimeline.CoachingEvent(r.Action);
                return new HistoryRow(r.At, l[FieldWorkNames.Event(kind)], r.Who, detail is null ? null : r.Details?[detail]);
            })
            .ToList();
    }
}
