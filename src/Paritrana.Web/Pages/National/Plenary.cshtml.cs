using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.National;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// The national plenary of a cycle (<c>/National/Plenary?cycle=YYYY</c>, docs/decisions/047): the
/// national ranking per category (the provinces' <see cref="ShortlistQuery"/> over
/// <see cref="NationalStage.Code"/>), the record (date, place, the jurors present, minutes, decision),
/// and the choice of winners per category with their award names, defaulting to the ranking's top N.
/// The provincial plenary's mechanism (<see cref="PlenaryDecisions"/>) with the national scope: the
/// same confirmation step, one transaction, the frozen record with document number and verification
/// code, re-opening with a reason. The national secretariat (the administrator) only.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class PlenaryModel(
    ParitranaDbContext db,
    ReferenceData reference,
    CurrentUser me,
    ShortlistQuery shortlist,
    PlenaryDecisions decisions,
    DecisionVersions versions,
    Features.Reports.ReportParts parts,
    IStringLocalizer<SharedResource> l) : CyclePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ShortlistData? Data { get; private set; }

    /// <summary>The province of each candidate, by nomination.</summary>
    public IReadOnlyDictionary<int, string> Provinces { get; private set; } = new Dictionary<int, string>();

    public Domain.Scoring.Plenary? Record { get; private set; }

    public IReadOnlyDictionary<int, Domain.Scoring.FinalistDecision> Decisions { get; private set; } = new Dictionary<int, Domain.Scoring.FinalistDecision>();

    public IReadOnlyList<DecisionVersionInfo> Versions { get; private set; } = [];

    /// <summary>The enabled national jurors (to prefill the attendees).</summary>
    public IReadOnlyList<string> Jury { get; private set; } = [];

    public bool Confirming { get; private set; }

    [BindProperty]
    [Display(Name = "Alasan membuka kembali")]
    public string? ReopenReason { get; set; }

    public bool Decided => Record?.DecidedAt is not null;

    public sealed class InputModel
    {
        [Display(Name = "Tanggal rapat pleno")]
        public DateOnly? HeldOn { get; set; }

        [Display(Name = "Tempat")]
        public string? Place { get; set; }

        [Display(Name = "Juri yang hadir")]
        public string? Attendees { get; set; }

        [Display(Name = "Notulen")]
        public string? Minutes { get; set; }

        [Display(Name = "Keputusan rapat")]
        public string? Decision { get; set; }

        public uint Version { get; set; }

        public List<int> Winners { get; set; } = [];

        public Dictionary<int, string?> Rationales { get; set; } = [];

        public Dictionary<int, string?> Awards { get; set; } = [];

        public bool Confirmed { get; set; }

        public bool Edit { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.HeldOn).NotNull().WithMessage(_ => l["Tanggal rapat pleno wajib diisi."]);
            RuleFor(x => x.Place).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Tempat rapat wajib diisi."])
                .MaximumLength(300).WithMessage(_ => l["Tempat rapat paling banyak {0} karakter.", 300]);
            RuleFor(x => x.Attendees).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Juri yang hadir wajib diisi."])
                .MaximumLength(4000).WithMessage(_ => l["Peserta rapat paling banyak {0} karakter.", 4000]);
            RuleFor(x => x.Minutes).MaximumLength(20000).WithMessage(_ => l["Notulen paling banyak {0} karakter.", 20000]);
            RuleFor(x => x.Decision).MaximumLength(8000).WithMessage(_ => l["Keputusan rapat paling banyak {0} karakter.", 8000]);
            RuleForEach(x => x.Rationales).Must(r => r.Value is null || r.Value.Length <= 4000)
                .WithMessage(_ => l["Alasan paling banyak {0} karakter.", 4000]);
            RuleForEach(x => x.Awards).Must(r => r.Value is null || r.Value.Length <= PlenaryDecisions.MaxAwardLength)
                .WithMessage(_ => l["Nama penghargaan paling banyak {0} karakter.", PlenaryDecisions.MaxAwardLength]);
        }
    }

    /// <summary>"Paritrana Award Terbaik I", "... Terbaik II": the award name proposed for the ranking's place.</summary>
    public static string ProposedAward(int rank) => rank switch
    {
        1 => "Paritrana Award Terbaik I",
        2 => "Paritrana Award Terbaik II",
        3 => "Paritrana Award Terbaik III",
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (Cycle is null)
        {
            return Page();
        }

        Input = Record is null
            ? new InputModel { Attendees = string.Join("\n", Jury) }
            : new InputModel
            {
                HeldOn = Record.HeldOn,
                Place = Record.Place,
                Attendees = Record.Attendees,
                Minutes = Record.Minutes,
                Decision = Record.Decision,
                Version = Record.Version,
            };
        var decidable = Data!.AllRows.Where(r => r.Status == PlenaryStage.National.Decidable).ToList();
        Input.Winners = decidable.Where(r => r.IsDefaultFinalist).Select(r => r.NominationId).ToList();
        Input.Awards = decidable.Where(r => r.Rank > 0).ToDictionary(r => r.NominationId, r => (string?)ProposedAward(r.Rank));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => await PostAsync(decide: false, ct);

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct) => await PostAsync(decide: true, ct);

    [ValidateOnly(nameof(ReopenReason))]
    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (Cycle is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(ReopenReason))
        {
            ModelState.AddModelError(nameof(ReopenReason), l["Alasan membuka kembali keputusan wajib diisi."]);
            return Page();
        }

        var outcome = await decisions.ReopenAsync(Cycle.Id, NationalStage.Code, Input.Version, ReopenReason, ct);
        if (!outcome.Done)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
            return Page();
        }

        TempData["StatusMessage"] = l["Keputusan rapat pleno nasional dibuka kembali. Dokumen resmi sebelumnya ditandai digantikan; tetapkan lagi untuk menerbitkan versi baru."].Value;
        return RedirectToPage(new { cycle = Cycle.Year });
    }

    private async Task<IActionResult> PostAsync(bool decide, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (Cycle is null)
        {
            return NotFound();
        }

        if ((decide && Input.Edit) || !ModelState.IsValid)
        {
            return Page();
        }

        var choice = new FinalistChoice(Input.Winners, Input.Rationales, Input.Awards);
        if (decide && !Input.Confirmed)
        {
            foreach (var problem in decisions.CheckChoice(Data!, choice, PlenaryStage.National))
            {
                ModelState.AddModelError(string.Empty, problem);
            }

            Confirming = ModelState.IsValid;
            return Page();
        }

        var record = new PlenaryRecord(Input.HeldOn!.Value, Input.Place!, Input.Attendees!, Input.Minutes, Input.Decision);
        var outcome = decide
            ? await decisions.DecideAsync(Cycle.Id, NationalStage.Code, record, Input.Version, choice, ct)
            : await decisions.SaveAsync(Cycle.Id, NationalStage.Code, record, Input.Version, ct);
        if (!outcome.Done)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
            return Page();
        }

        TempData["StatusMessage"] = decide
            ? l["Pemenang tingkat nasional telah ditetapkan dan status finalis diperbarui."].Value
            : l["Catatan rapat pleno disimpan."].Value;
        return RedirectToPage(new { cycle = Cycle.Year });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return CycleYear is null ? null : NotFound();
        }

        var cycleId = Cycle.Id;
        var scope = await me.GetScopeAsync(ct);
        Data = await shortlist.LoadAsync(cycleId, NationalStage.Code, me.Viewer(), ct);
        Provinces = await NationalPool.InScope(db, scope, cycleId).AsNoTracking()
            .Select(n => new { n.Id, Province = db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First() })
            .ToDictionaryAsync(n => n.Id, n => n.Province, ct);
        Jury = await parts.JuryAsync(DateTimeOffset.MaxValue, ct);
        Record = await db.Plenaries.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == cycleId && p.ProvinceCode == NationalStage.Code, ct);
        if (Record is not null)
        {
            Decisions = await db.FinalistDecisions.AsNoTracking().Where(d => d.PlenaryId == Record.Id).ToDictionaryAsync(d => d.NominationId, ct);
            Versions = await versions.ListAsync(cycleId, NationalStage.Code, ct);
        }

        return null;
    }
}
