using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.National;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.National.Interviews;

/// <summary>
/// The form of an interview, shared by scheduling and changing one (docs/decisions/046): the time typed
/// in WIB, the length, a room and/or a video link, the presenter, and the jurors who sit. The service
/// refuses clashes and conflicted jurors; its messages are shown beside their field.
/// </summary>
public abstract class InterviewFormPage(InterviewSchedule schedule, IStringLocalizer<SharedResource> l) : PageModel
{
    protected InterviewSchedule Service { get; } = schedule;

    protected IStringLocalizer<SharedResource> L { get; } = l;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public InterviewCandidate Candidate { get; protected set; } = null!;

    public IReadOnlyList<ScorerRef> Jurors { get; private set; } = [];

    /// <summary>Why nothing of this schedule can change (its cycle is closed); null when it can.</summary>
    public string? Refusal => Service.ClosedRefusal(Candidate);

    /// <summary>The candidate's own zone label when it is not WIB (shown beside the time as a reminder).</summary>
    public string? LocalZone => ProvinceTime.LabelOf(Candidate.ProvinceCode) is var label && label != "WIB" ? label : null;

    public sealed class InputModel
    {
        [Display(Name = "Tanggal dan jam mulai (WIB)")]
        public DateTime? StartsAt { get; set; }

        [Display(Name = "Lama wawancara (menit)")]
        public int? DurationMinutes { get; set; } = 45;

        [Display(Name = "Tempat")]
        public string? Place { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        [Display(Name = "Tautan video")]
        public string? VideoLink { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        [Display(Name = "Nama penyaji")]
        public string? PresenterName { get; set => field = value?.Trim(); }

        [Display(Name = "Jabatan penyaji")]
        public string? PresenterPosition { get; set => field = value?.Trim(); }

        [Display(Name = "Juri yang duduk")]
        public List<Guid> JurorIds { get; set => field = value.Distinct().ToList(); } = [];
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.StartsAt).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Tanggal dan jam mulai wajib diisi."])
                .Must(d => d!.Value.Year is >= 2000 and <= 2100).WithMessage(_ => l["Tanggal wawancara tidak valid."]);
            RuleFor(x => x.DurationMinutes).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Lama wawancara wajib diisi."])
                .InclusiveBetween(15, 240).WithMessage(_ => l["Lama wawancara antara {0} dan {1} menit.", 15, 240]);
            RuleFor(x => x.Place)
                .MaximumLength(300).WithMessage(_ => l["Tempat paling banyak {0} karakter.", 300]);
            RuleFor(x => x.Place)
                .NotEmpty().When(x => x.VideoLink is null).WithMessage(_ => l["Isi tempat wawancara, tautan video, atau keduanya."]);
            RuleFor(x => x.VideoLink).Cascade(CascadeMode.Stop)
                .MaximumLength(500).WithMessage(_ => l["Tautan video paling banyak {0} karakter.", 500])
                .Must(link => link is null || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
                .WithMessage(_ => l["Tautan video harus berupa alamat https:// yang lengkap."]);
            RuleFor(x => x.PresenterName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Nama penyaji wajib diisi."])
                .MaximumLength(200).WithMessage(_ => l["Nama penyaji paling banyak {0} karakter.", 200]);
            RuleFor(x => x.PresenterPosition).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Jabatan penyaji wajib diisi."])
                .MaximumLength(200).WithMessage(_ => l["Jabatan penyaji paling banyak {0} karakter.", 200]);
            RuleFor(x => x.JurorIds)
                .NotEmpty().WithMessage(_ => l["Pilih sekurang-kurangnya satu juri yang duduk."]);
        }
    }

    /// <summary>What the presenter is for this candidate: the head of region, or the company's leader.</summary>
    public string PresenterHint => Candidate.IsGovernment
        ? L["Kepala daerah (gubernur, bupati atau wali kota) atau wakilnya."]
        : L["Pimpinan perusahaan (direktur utama atau direksi)."];

    protected async Task LoadJurorsAsync(CancellationToken ct) => Jurors = await Service.JurorsAsync(ct);

    protected InterviewPlan Plan() => new(
        new DateTimeOffset(DateTime.SpecifyKind(Input.StartsAt!.Value, DateTimeKind.Unspecified), Wib.Offset).ToUniversalTime(),
        Input.DurationMinutes!.Value, Input.Place, Input.VideoLink, Input.PresenterName!, Input.PresenterPosition!, Input.JurorIds);

    /// <summary>Puts the service's refusals beside their fields.</summary>
    protected void Show(InterviewSchedule.Outcome outcome)
    {
        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
        }
    }
}
