using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>
/// Plans a committee visit to a nominated candidate (<c>?nomination=ID</c>): when (typed in the
/// province's local time, stored in UTC), where, who of the committee goes, who comes from outside
/// (union, employers' association, experts) and why.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class PlanModel(
    ParitranaDbContext db,
    ReferenceData reference,
    CurrentUser me,
    FieldWorkService fieldWork,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public IReadOnlyList<CommitteeMembers.Member> Members { get; private set; } = [];

    /// <summary>Why the committee may not plan a visit now (closed cycle, finished nomination); null when it may.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The day is outside the field-assessment period: the form asks for confirmation beside the field.</summary>
    public bool AskOutsidePeriod { get; private set; }

    public string ZoneLabel => ProvinceTime.LabelOf(Nomination.ProvinceCode);

    public sealed class InputModel
    {
        [Display(Name = "Tanggal dan jam kunjungan")]
        public DateTime? PlannedAt { get; set; }

        [Display(Name = "Tempat")]
        public string? Place { get; set => field = value?.Trim(); }

        [Display(Name = "Tujuan kunjungan")]
        public string? Purpose { get; set => field = value?.Trim(); }

        [Display(Name = "Peserta dari luar tim (serikat pekerja, asosiasi pengusaha, pakar)")]
        public string? ExternalParticipants { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        /// <summary>The member confirms a day outside the field-assessment period (asked only when it is outside).</summary>
        public bool OutsidePeriodConfirmed { get; set; }

        [Display(Name = "Anggota tim yang berangkat")]
        public List<Guid> MemberIds { get; set => field = value.Distinct().ToList(); } = [];
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.PlannedAt).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Tanggal dan jam kunjungan wajib diisi."])
                .Must(d => d!.Value.Year is >= 2000 and <= 2100).WithMessage(_ => l["Tanggal kunjungan tidak valid."]);
            RuleFor(x => x.Place).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Tempat kunjungan wajib diisi."])
                .MaximumLength(300).WithMessage(_ => l["Tempat paling banyak {0} karakter.", 300]);
            RuleFor(x => x.Purpose).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Tujuan kunjungan wajib diisi."])
                .MaximumLength(1000).WithMessage(_ => l["Tujuan kunjungan paling banyak {0} karakter.", 1000]);
            RuleFor(x => x.ExternalParticipants)
                .MaximumLength(1000).WithMessage(_ => l["Peserta dari luar tim paling banyak {0} karakter.", 1000]);
            RuleFor(x => x.MemberIds).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Pilih sekurang-kurangnya satu anggota tim yang berangkat."]);
            // That each is a member of the province's committee is checked by the handler on the
            // members it loaded (decisions/019).
        }
    }

    public async Task<IActionResult> OnGetAsync(int nomination, CancellationToken ct)
    {
        if (!await LoadAsync(nomination, ct))
        {
            return NotFound();
        }

        if (me.Id is Guid self && Members.Any(m => m.Id == self))
        {
            Input.MemberIds = [self];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int nomination, CancellationToken ct)
    {
        if (this.NotFoundOrRefused(await LoadAsync(nomination, ct), Refusal) is { } stop)
        {
            return stop;
        }

        if (!Input.MemberIds.All(id => Members.Any(m => m.Id == id)))
        {
            ModelState.AddModelError("Input.MemberIds", l["Yang dipilih bukan anggota tim panitia provinsi ini."]);
        }

        if (ModelState.IsValid && !Input.OutsidePeriodConfirmed)
        {
            var period = await VisitPeriodCheck.PeriodAsync(db, reference, await me.GetScopeAsync(ct), Nomination.Id, ct);
            if (VisitPeriodCheck.Outside(l, period, DateOnly.FromDateTime(Input.PlannedAt!.Value), Nomination.CycleYear) is { } outside)
            {
                ModelState.AddModelError("Input.PlannedAt", outside);
                AskOutsidePeriod = true;
            }
        }

        if (!ModelState.IsValid)
        {
            AskOutsidePeriod |= Input.OutsidePeriodConfirmed;
            return Page();
        }

        var visit = await fieldWork.PlanVisitAsync(
            Nomination,
            new VisitPlan(ProvinceTime.FromLocal(Input.PlannedAt!.Value, Nomination.ProvinceCode), Input.Place!, Input.Purpose!, Input.ExternalParticipants, Input.MemberIds),
            ct);

        TempData["StatusMessage"] = l["Kunjungan ke {0} pada {1} telah direncanakan.", Nomination.OrganisationName, LocalTime.Format(visit.PlannedAt, visit.ProvinceCode)].Value;
        return RedirectToPage("/FieldWork/Visits/Details", new { id = visit.Id });
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
        Refusal = nomination.ChangeRefusal(l, me.Role);
        Members = await CommitteeMembers.OfProvinceAsync(db, nomination.ProvinceCode, ct);
        return true;
    }
}
