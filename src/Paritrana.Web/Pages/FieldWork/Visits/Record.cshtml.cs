using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>Records a planned visit as done: when it took place (local time), findings, documents checked, interview notes.</summary>
[Authorize(Policy = Policies.Committee)]
public class RecordModel(
    ParitranaDbContext db,
    ReferenceData reference,
    CurrentUser me,
    FieldWorkService fieldWork,
    IStringLocalizer<SharedResource> l,
    Features.Notifications.Notifier notifier) : VisitChangePage(db, reference, me, l, notifier)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Waktu pelaksanaan")]
        public DateTime? DoneAt { get; set; }

        [Display(Name = "Temuan")]
        public string? Findings { get; set => field = value?.Trim(); }

        [Display(Name = "Dokumen yang diperiksa")]
        public string? DocumentsChecked { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        [Display(Name = "Catatan wawancara")]
        public string? InterviewNotes { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

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
        if (await LoadForChangeAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var report = new VisitReport(ProvinceTime.FromLocal(Input.DoneAt!.Value, Visit.ProvinceCode), Input.Findings!, Input.DocumentsChecked, Input.InterviewNotes);
        if (fieldWork.RecordRefusal(report) is string refusal)
        {
            ModelState.AddModelError("Input.DoneAt", refusal);
            return Page();
        }

        return await SaveAsync(Input.Version, () => fieldWork.RecordDone(Visit, report), Texts["Hasil kunjungan telah dicatat."].Value, ct);
    }
}
