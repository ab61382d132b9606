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
using Paritrana.Domain.Regions;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>Records a planned visit as done: when it took place (local time), findings, documents checked, interview notes.</summary>
[Authorize(Policy = Policies.Committee)]
public class RecordModel(
    ParitranaDbContext db,
    CurrentUser me,
    IValidator<RecordModel.InputModel> validator,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public string ZoneLabel => ProvinceTime.LabelOf(Visit.ProvinceCode);

    public sealed class InputModel
    {
        [Display(Name = "Waktu pelaksanaan")]
        public DateTime? DoneAt { get; set; }

        [Display(Name = "Temuan")]
        public string? Findings { get; set; }

        [Display(Name = "Dokumen yang diperiksa")]
        public string? DocumentsChecked { get; set; }

        [Display(Name = "Catatan wawancara")]
        public string? InterviewNotes { get; set; }

        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.DoneAt).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Waktu pelaksanaan wajib diisi."])
                .Must(d => d!.Value.Year is >= 2000 and <= 2100).WithMessage(_ => l["Waktu pelaksanaan tidak valid."]);
            RuleFor(x => x.Findings).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Temuan kunjungan wajib diisi."])
                .MaximumLength(8000).WithMessage(_ => l["Temuan paling banyak {0} karakter.", 8000.ToString("N0")]);
            RuleFor(x => x.DocumentsChecked)
                .MaximumLength(4000).WithMessage(_ => l["Dokumen yang diperiksa paling banyak {0} karakter.", 4000.ToString("N0")]);
            RuleFor(x => x.InterviewNotes)
                .MaximumLength(8000).WithMessage(_ => l["Catatan wawancara paling banyak {0} karakter.", 8000.ToString("N0")]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new InputModel { DoneAt = LocalTime.WallClock(Visit.PlannedAt, Visit.ProvinceCode), Version = Visit.Version };
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

        Input.Findings = Input.Findings?.Trim();
        Input.DocumentsChecked = Blank(Input.DocumentsChecked);
        Input.InterviewNotes = Blank(Input.InterviewNotes);
        if (!await validator.ValidateIntoAsync(Input, ModelState, ct: ct))
        {
            return Page();
        }

        var doneAt = ProvinceTime.FromLocal(Input.DoneAt!.Value, Visit.ProvinceCode);
        var now = clock.GetUtcNow();
        if (doneAt > now)
        {
            ModelState.AddModelError("Input.DoneAt", l["Waktu pelaksanaan tidak boleh lebih lambat dari sekarang."]);
            return Page();
        }

        if (Visit.Version != Input.Version)
        {
            ModelState.AddModelError("", VisitChanges.Stale(l));
            return Page();
        }

        Visit.Status = VisitStatus.Done;
        Visit.DoneAt = doneAt;
        Visit.Findings = Input.Findings;
        Visit.DocumentsChecked = Input.DocumentsChecked;
        Visit.InterviewNotes = Input.InterviewNotes;
        Visit.UpdatedAt = now;
        db.Entry(Visit).Property(v => v.Version).OriginalValue = Input.Version;
        audit.Record(AuditActions.VisitDone, NominationTimeline.VisitEntity, Visit.Id.ToString(CultureInfo.InvariantCulture), Visit.ProvinceCode,
            FieldWorkAudit.VisitDone(doneAt));
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

        TempData["StatusMessage"] = l["Hasil kunjungan telah dicatat."].Value;
        return RedirectToPage("/FieldWork/Visits/Details", new { id });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
