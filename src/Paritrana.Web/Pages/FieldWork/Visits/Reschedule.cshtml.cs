using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>
/// Moves a planned visit to another time, with a reason. The visit keeps the time it had before
/// and the reason (the last move); every move is in the audit trail and on the timeline.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class RescheduleModel(
    ParitranaDbContext db,
    ReferenceData reference,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    Features.Notifications.Notifier notifier) : VisitChangePage(db, reference, me, l, notifier)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Tanggal dan jam baru")]
        public DateTime? PlannedAt { get; set; }

        [Display(Name = "Alasan penjadwalan ulang")]
        public string? Reason { get; set => field = value?.Trim(); }

        public uint Version { get; set; }

        /// <summary>The member confirms a day outside the field-assessment period (asked only when it is outside).</summary>
        public bool OutsidePeriodConfirmed { get; set; }
    }

    /// <summary>The day is outside the field-assessment period: the form asks for confirmation beside the field.</summary>
    public bool AskOutsidePeriod { get; private set; }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.PlannedAt).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Tanggal dan jam baru wajib diisi."])
                .Must(d => d!.Value.Year is >= 2000 and <= 2100).WithMessage(_ => l["Tanggal kunjungan tidak valid."]);
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Alasan penjadwalan ulang wajib diisi."])
                .MaximumLength(1000).WithMessage(_ => l["Alasan penjadwalan ulang paling banyak {0} karakter.", 1000.ToString("N0")]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new InputModel { PlannedAt = LocalTime.WallClock(Visit.PlannedAt, Visit.ProvinceCode), Version = Visit.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid && !Input.OutsidePeriodConfirmed)
        {
            if (await OutsidePeriodAsync(Input.PlannedAt!.Value, ct) is { } outside)
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

        var plannedAt = ProvinceTime.FromLocal(Input.PlannedAt!.Value, Visit.ProvinceCode);
        if (plannedAt == Visit.PlannedAt)
        {
            ModelState.AddModelError("Input.PlannedAt", Texts["Waktu baru sama dengan waktu yang sudah direncanakan."]);
            return Page();
        }

        return await SaveAsync(
            Input.Version,
            () =>
            {
                var previous = Visit.PlannedAt;
                Visit.PreviousPlannedAt = previous;
                Visit.PlannedAt = plannedAt;
                Visit.RescheduleReason = Input.Reason;
                Visit.UpdatedAt = clock.GetUtcNow();
                RecordAudit(audit, AuditActions.VisitRescheduled, FieldWorkAudit.VisitRescheduled(previous, plannedAt, Input.Reason));
            },
            Texts["Kunjungan dijadwalkan ulang ke {0}.", LocalTime.Format(plannedAt, Visit.ProvinceCode)].Value,
            ct);
    }
}
