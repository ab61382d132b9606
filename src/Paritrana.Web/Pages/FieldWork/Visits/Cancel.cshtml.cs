using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>Cancels a planned visit, with a reason.</summary>
[Authorize(Policy = Policies.Committee)]
public class CancelModel(
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
        [Display(Name = "Alasan pembatalan")]
        public string? Reason { get; set => field = value?.Trim(); }

        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Alasan pembatalan wajib diisi."])
                .MaximumLength(1000).WithMessage(_ => l["Alasan pembatalan paling banyak {0} karakter.", 1000.ToString("N0")]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = Visit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadForChangeAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAsync(
            Input.Version,
            () =>
            {
                Visit.Status = VisitStatus.Cancelled;
                Visit.CancelReason = Input.Reason;
                Visit.UpdatedAt = clock.GetUtcNow();
                RecordAudit(audit, AuditActions.VisitCancelled, FieldWorkAudit.VisitCancelled(Input.Reason));
            },
            Texts["Kunjungan telah dibatalkan."].Value,
            ct);
    }
}
