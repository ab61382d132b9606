using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.Plenary;

/// <summary>
/// The plenary of the chair's province: the record (date, place, attendees, minutes, decision) and
/// the choice of finalists per category, defaulting to the ranking's top N. "Tetapkan" decides
/// everything in one transaction; afterwards the finalists are forwarded to the national level.
/// </summary>
[Authorize(Policy = Policies.Chair)]
public class IndexModel(
    ParitranaDbContext db,
    CurrentUser me,
    ShortlistQuery shortlist,
    PlenaryDecisions decisions,
    IValidator<IndexModel.InputModel> validator,
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

    public bool Decided => Record?.DecidedAt is not null;

    public bool CanForward => Decided && Data is not null && Data.AllRows.Any(r => r.Status == NominationStatus.Finalist);

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

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct) => await PostAsync(decide: true, ct);

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

        if (!await validator.ValidateIntoAsync(Input, ModelState, ct: ct))
        {
            return Page();
        }

        var record = new PlenaryRecord(Input.HeldOn!.Value, Input.Place!, Input.Attendees!, Input.Minutes, Input.Decision);
        var outcome = decide
            ? await decisions.DecideAsync(Cycle!.Id, me.ProvinceCode!, record, Input.Version, new FinalistChoice(Input.Finalists, Input.Rationales), ct)
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
        }

        return null;
    }
}
