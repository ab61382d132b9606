using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Plenary;

/// <summary>
/// The plenary of the chair's province: the record (date, place, attendees, minutes, decision) and
/// the choice of finalists per category, defaulting to the ranking's top N. "Tetapkan" first shows a
/// server-rendered confirmation step (the finalists per category; no script needed), whose "Ya,
/// tetapkan" decides everything in one transaction and freezes the official record. Afterwards the
/// finalists are forwarded to the national level, or the chair re-opens the decision with a reason.
/// </summary>
[Authorize(Policy = Policies.Chair)]
public class IndexModel(
    ParitranaDbContext db,
    CurrentUser me,
    ShortlistQuery shortlist,
    PlenaryDecisions decisions,
    DecisionVersions versions,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? Year { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CycleLookup.CycleRef? Cycle { get; private set; }

    public ShortlistData? Data { get; private set; }

    public Domain.Scoring.Plenary? Record { get; private set; }

    /// <summary>nomination → (finalist?, rationale) once decided.</summary>
    public IReadOnlyDictionary<int, Domain.Scoring.FinalistDecision> Decisions { get; private set; } = new Dictionary<int, Domain.Scoring.FinalistDecision>();

    /// <summary>The award names the national plenary gave this province's winners, by nomination (docs/decisions/047).</summary>
    public IReadOnlyDictionary<int, string> NationalAwards { get; private set; } = new Dictionary<int, string>();

    /// <summary>The stored versions of the decision's official record, oldest first.</summary>
    public IReadOnlyList<DecisionVersionInfo> Versions { get; private set; } = [];

    /// <summary>The confirmation step of "Tetapkan" is shown (the choice passed its checks).</summary>
    public bool Confirming { get; private set; }

    /// <summary>Why the decision must be re-opened (required).</summary>
    [BindProperty]
    [Display(Name = "Alasan membuka kembali")]
    public string? ReopenReason { get; set; }

    public bool Decided => Record?.DecidedAt is not null;

    public bool CanForward => Decided && Data is not null && Data.AllRows.Any(r => r.Status == NominationStatus.Finalist);

    /// <summary>The decision can be re-opened: decided, and none of its nominations has gone to the national level.</summary>
    public bool CanReopen => Decided && Data is not null
        && Domain.Scoring.PlenaryReopening.Refusal(Data.AllRows.Where(r => Decisions.ContainsKey(r.NominationId)).Select(r => r.Status)) is null;

    public sealed class InputModel
    {
        [Display(Name = "Tanggal rapat pleno")]
        public DateOnly? HeldOn { get; set; }

        [Display(Name = "Tempat")]
        public string? Place { get; set; }

        [Display(Name = "Peserta rapat")]
        public string? Attendees { get; set; }

        [Display(Name = "Notulen")]
        public string? Minutes { get; set; }

        [Display(Name = "Keputusan rapat")]
        public string? Decision { get; set; }

        public uint Version { get; set; }

        public List<int> Finalists { get; set; } = [];

        public Dictionary<int, string?> Rationales { get; set; } = [];

        /// <summary>Set by the confirmation step's "Ya, tetapkan": only then does "Tetapkan" decide.</summary>
        public bool Confirmed { get; set; }

        /// <summary>Set by the confirmation step's "Kembali ke formulir": the form again, with what was typed.</summary>
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
                .NotEmpty().WithMessage(_ => l["Peserta rapat wajib diisi."])
                .MaximumLength(4000).WithMessage(_ => l["Peserta rapat paling banyak {0} karakter.", 4000]);
            RuleFor(x => x.Minutes).MaximumLength(20000).WithMessage(_ => l["Notulen paling banyak {0} karakter.", 20000]);
            RuleFor(x => x.Decision).MaximumLength(8000).WithMessage(_ => l["Keputusan rapat paling banyak {0} karakter.", 8000]);
            RuleForEach(x => x.Rationales).Must(r => r.Value is null || r.Value.Length <= 4000)
                .WithMessage(_ => l["Alasan paling banyak {0} karakter.", 4000]);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (Record is not null)
        {
            Input = new InputModel
            {
                HeldOn = Record.HeldOn,
                Place = Record.Place,
                Attendees = Record.Attendees,
                Minutes = Record.Minutes,
                Decision = Record.Decision,
                Version = Record.Version,
            };
        }

        Input.Finalists = Data!.AllRows.Where(r => r.Status == NominationStatus.Scored && r.IsDefaultFinalist).Select(r => r.NominationId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => await PostAsync(decide: false, ct);

    /// <summary>
    /// "Tetapkan": unconfirmed, the checked choice is shown for confirmation (nothing saved);
    /// confirmed, it is decided. A second chair deciding at the same moment is refused and told.
    /// </summary>
    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct) => await PostAsync(decide: true, ct);

    /// <summary>Re-opens the decision (reason required): statuses back to Scored, the document superseded.</summary>
    [ValidateOnly(nameof(ReopenReason))]
    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (string.IsNullOrWhiteSpace(ReopenReason))
        {
            ModelState.AddModelError(nameof(ReopenReason), l["Alasan membuka kembali keputusan wajib diisi."]);
            return Page();
        }

        var outcome = await decisions.ReopenAsync(Cycle!.Id, me.ProvinceCode!, Input.Version, ReopenReason, ct);
        if (!outcome.Done)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
            return Page();
        }

        TempData["StatusMessage"] = l["Keputusan rapat pleno dibuka kembali. Dokumen resmi sebelumnya ditandai digantikan; tetapkan lagi untuk menerbitkan versi baru."].Value;
        return RedirectToPage(new { cycle = Cycle.Year });
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostForwardAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        var outcome = await decisions.ForwardAsync(Cycle!.Id, me.ProvinceCode!, Input.Version, ct);
        if (!outcome.Done)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
            return Page();
        }

        TempData["StatusMessage"] = l["Finalis telah diteruskan ke tingkat nasional."].Value;
        return RedirectToPage(new { cycle = Cycle.Year });
    }

    private async Task<IActionResult> PostAsync(bool decide, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (decide && Input.Edit)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var choice = new FinalistChoice(Input.Finalists, Input.Rationales);
        if (decide && !Input.Confirmed)
        {
            foreach (var problem in decisions.CheckChoice(Data!, choice))
            {
                ModelState.AddModelError(string.Empty, problem);
            }

            Confirming = ModelState.IsValid;
            return Page();
        }

        var record = new PlenaryRecord(Input.HeldOn!.Value, Input.Place!, Input.Attendees!, Input.Minutes, Input.Decision);
        var outcome = decide
            ? await decisions.DecideAsync(Cycle!.Id, me.ProvinceCode!, record, Input.Version, choice, ct)
            : await decisions.SaveAsync(Cycle!.Id, me.ProvinceCode!, record, Input.Version, ct);
        if (!outcome.Done)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
            return Page();
        }

        TempData["StatusMessage"] = decide
            ? l["Finalis telah ditetapkan dan status nominasi diperbarui."].Value
            : l["Catatan rapat pleno disimpan."].Value;
        return RedirectToPage(new { cycle = Cycle.Year });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not { } province)
        {
            return NotFound();
        }

        Cycle = await CycleLookup.ResolveAsync(db, Year, ct);
        if (Cycle is null)
        {
            return NotFound();
        }

        Data = await shortlist.LoadAsync(Cycle.Id, province, me.Viewer(), ct);
        Record = await db.Plenaries.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == Cycle.Id && p.ProvinceCode == province, ct);
        if (Record is not null)
        {
            Decisions = await db.FinalistDecisions.AsNoTracking().Where(d => d.PlenaryId == Record.Id).ToDictionaryAsync(d => d.NominationId, ct);
            var decided = Decisions.Keys.ToList();
            var cycleId = Cycle.Id;
            NationalAwards = await db.FinalistDecisions.AsNoTracking()
                .Where(d => decided.Contains(d.NominationId) && d.NationalAwardName != null
                            && db.Plenaries.Any(p => p.Id == d.PlenaryId && p.CycleId == cycleId && p.ProvinceCode == NationalStage.Code))
                .ToDictionaryAsync(d => d.NominationId, d => d.NationalAwardName!, ct);
            Versions = await versions.ListAsync(Cycle.Id, province, ct);
        }

        return null;
    }
}
