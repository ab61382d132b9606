using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>Cancels a planned visit, with a reason.</summary>
[Authorize(Policy = Policies.Committee)]
public class CancelModel(
    ParitranaDbContext db,
    CurrentUser me,
    IValidator<CancelModel.InputModel> validator,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Alasan pembatalan")]
        public string? Reason { get; set; }

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
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            ModelState.AddModelError("", Refusal);
            return Page();
        }

        Input.Reason = Input.Reason?.Trim();
        if (!await validator.ValidateIntoAsync(Input, ModelState, ct: ct))
        {
            return Page();
        }

        if (Visit.Version != Input.Version)
        {
            ModelState.AddModelError("", VisitChanges.Stale(l));
            return Page();
        }

        Visit.Status = VisitStatus.Cancelled;
        Visit.CancelReason = Input.Reason;
        Visit.UpdatedAt = clock.GetUtcNow();
        db.Entry(Visit).Property(v => v.Version).OriginalValue = Input.Version;
        audit.Record(AuditActions.VisitCancelled, NominationTimeline.VisitEntity, Visit.Id.ToString(CultureInfo.InvariantCulture), Visit.ProvinceCode,
            AuditText.Of(("reason", Input.Reason)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", VisitChanges.Stale(l));
            return Page();
        }

        TempData["StatusMessage"] = l["Kunjungan telah dibatalkan."].Value;
        return RedirectToPage("/FieldWork/Visits/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var loaded = await VisitChanges.LoadAsync(db, await me.GetScopeAsync(ct), id, ct);
        if (loaded is not { } found)
        {
            return false;
        }

        (Visit, Nomination) = found;
        Refusal = VisitChanges.Refusal(l, Visit, Nomination, me.Role);
        return true;
    }
}
