using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Pages.FieldWork.Coaching;

/// <summary>
/// Records a coaching item on a nomination (<c>?nomination=ID</c>, optionally <c>&amp;visit=ID</c>):
/// what was found, what the candidate should do, who is responsible there, and by when. Only
/// before the coaching gate (CoachingRules.AcceptsOpenItems), checked under the nomination's
/// share lock so that a concurrent "ready for scoring" cannot let an open item through.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class CreateModel(
    ParitranaDbContext db,
    CurrentUser me,
    FieldWorkService fieldWork,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Visits { get; private set; } = [];

    public string? Refusal { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Temuan")]
        public string? Finding { get; set => field = value?.Trim(); }

        [Display(Name = "Rekomendasi perbaikan")]
        public string? Recommendation { get; set => field = value?.Trim(); }

        [Display(Name = "Penanggung jawab di pihak kandidat")]
        public string? ResponsiblePerson { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        [Display(Name = "Tenggat")]
        public DateOnly? DueDate { get; set; }

        [Display(Name = "Dari kunjungan")]
        public int? VisitId { get; set; }

        /// <summary>Addressed to the candidate: shown in its area, where its representatives answer it (docs/decisions/050).</summary>
        [Display(Name = "Tujukan kepada kandidat")]
        public bool SharedWithCandidate { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Finding).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Temuan wajib diisi."])
                .MaximumLength(4000).WithMessage(_ => l["Temuan paling banyak {0} karakter.", 4000.ToString("N0")]);
            RuleFor(x => x.Recommendation).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Rekomendasi perbaikan wajib diisi."])
                .MaximumLength(4000).WithMessage(_ => l["Rekomendasi perbaikan paling banyak {0} karakter.", 4000.ToString("N0")]);
            RuleFor(x => x.ResponsiblePerson)
                .MaximumLength(200).WithMessage(_ => l["Penanggung jawab paling banyak {0} karakter.", 200]);
            // The due date against today in the nomination's province, and the visit against its
            // visits, are checked by the handler on what it loaded (decisions/019).
            RuleFor(x => x.DueDate).NotNull().WithMessage(_ => l["Tenggat wajib diisi."]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int nomination, int? visit, CancellationToken ct)
    {
        if (!await LoadAsync(nomination, ct))
        {
            return NotFound();
        }

        Input.VisitId = visit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int nomination, CancellationToken ct)
    {
        if (this.NotFoundOrRefused(await LoadAsync(nomination, ct), Refusal) is { } stop)
        {
            return stop;
        }

        var today = LocalTime.Today(clock, Nomination.ProvinceCode);
        if (Input.DueDate < today)
        {
            ModelState.AddModelError("Input.DueDate", l["Tenggat tidak boleh sebelum hari ini ({0}).", LocalTime.FormatDate(today)]);
        }
        else if (Input.DueDate > today.AddYears(2))
        {
            ModelState.AddModelError("Input.DueDate", l["Tenggat paling lambat dua tahun dari hari ini."]);
        }

        if (Input.VisitId is int visitId && !Visits.Any(v => v.Value == visitId.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.VisitId", l["Kunjungan yang dipilih bukan kunjungan ke nominasi ini."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The coaching gate is checked again under the nomination's lock (FieldWorkService).
        var (item, gate) = await fieldWork.AddCoachingItemAsync(
            Nomination, new CoachingEntry(Input.VisitId, Input.Finding!, Input.Recommendation!, Input.ResponsiblePerson, Input.DueDate!.Value, Input.SharedWithCandidate), ct);
        if (gate is not null)
        {
            // Nothing is saved; the page is shown again with what was typed and why.
            Refusal = gate;
            ModelState.AddModelError("", Refusal);
            return Page();
        }

        if (item is null)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = l["Butir pembinaan telah dicatat dengan tenggat {0}.", LocalTime.FormatDate(item.DueDate)].Value;
        return RedirectToPage("/FieldWork/Coaching/Item", new { id = item.Id });
    }

    private async Task<bool> LoadAsync(int nominationId, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var nomination = await NominationRef.LoadAsync(db, scope, nominationId, ct);
        if (nomination is null)
        {
            return false;
        }

        Nomination = nomination;
        Refusal = nomination.ChangeRefusal(l, me.Role) ?? nomination.CoachingRefusal(l);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.NominationId == nominationId && v.Status != VisitStatus.Cancelled)
            .OrderByDescending(v => v.PlannedAt)
            .Select(v => new { v.Id, v.PlannedAt, v.Place })
            .ToListAsync(ct);
        Visits = visits.Select(v => new SelectListItem(
                $"{LocalTime.Format(v.PlannedAt, nomination.ProvinceCode)} — {v.Place}",
                v.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return true;
    }
}
