using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Files;

/// <summary>
/// Removes an evidence file, with a reason: the bytes are deleted, the row stays (marked removed:
/// who, when, why) and an audit event is written, so the record of what was once there remains.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class RemoveModel(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public EvidenceFile Evidence { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Alasan penghapusan")]
        public string? Reason { get; set => field = value?.Trim(); }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Alasan penghapusan wajib diisi."])
                .MaximumLength(1000).WithMessage(_ => l["Alasan penghapusan paling banyak {0} karakter.", 1000.ToString("N0")]);
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (this.NotFoundOrRefused(await LoadAsync(id, ct), Refusal) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Evidence.IsRemoved = true;
        Evidence.RemovedAt = clock.GetUtcNow();
        Evidence.RemovedBy = me.Id;
        Evidence.RemovalReason = Input.Reason;
        audit.Record(AuditActions.FileRemoved, NominationTimeline.FileEntity, Evidence.Id.ToString(), Evidence.ProvinceCode,
            AuditDetails.Of(("name", Evidence.FileName), ("sha256", Evidence.Sha256), ("reason", Input.Reason)));
        // The row marked removed, its audit event and the deletion of the bytes in one transaction.
        await EvidenceStore.DeleteAsync(db, Evidence.StorageName, ct);

        TempData["StatusMessage"] = l["Berkas {0} telah dihapus.", Evidence.FileName].Value;
        return EvidenceTargets.Back(this, Evidence);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var file = await db.EvidenceFiles.InScope(scope, db.Nominations).FirstOrDefaultAsync(f => f.Id == id && !f.IsRemoved, ct);
        var nomination = file is null ? null : await NominationRef.LoadAsync(db, scope, file.NominationId, ct);
        if (file is null || nomination is null)
        {
            return false;
        }

        (Evidence, Nomination) = (file, nomination);
        Refusal = nomination.ChangeRefusal(l, me.Role);
        return true;
    }
}
