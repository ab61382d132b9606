using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Options;
using Paritrana.Domain.Candidates;
using Paritrana.Web.Features.Candidates;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure.Validation;
using Paritrana.Web.Pages.Nominations;

namespace Paritrana.Web.Pages.Candidate.SelfAssessment;

/// <summary>
/// A candidate's self-assessment of one of its organisation's nominations (issue 18, docs/decisions/051):
/// the figures its category asks (the nomination edit form's inputs and validators, reused), a
/// government's protected groups and lists, the documents (every upload check of the portal), draft
/// saves, and the submission by the deadline. Another organisation's nomination, by any id: 404.
/// Nothing here changes the nomination.
/// </summary>
[EvidenceUploadLimit]
public class IndexModel(
    ParitranaDbContext db,
    SelfAssessmentService service,
    IOptions<EvidenceOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditModel.InputModel Input { get; set; } = new();

    [BindProperty]
    public GroupsInput Groups { get; set; } = new();

    [BindProperty]
    public EditModel.RegulationInput Regulation { get; set; } = new();

    [BindProperty]
    public Guid? RegulationDocument { get; set; }

    [BindProperty]
    public EditModel.BudgetInput Budget { get; set; } = new();

    [BindProperty]
    public EditModel.InnovationInput Innovation { get; set; } = new();

    [BindProperty]
    public DocumentInput Document { get; set; } = new();

    public CandidateNomination Nomination { get; private set; } = null!;

    public Domain.Candidates.SelfAssessment? Assessment { get; private set; }

    /// <summary>Why the representative cannot change it now (closed cycle, submitted or decided); null when they can.</summary>
    public string? Refusal { get; private set; }

    public DateOnly? Deadline { get; private set; }

    public bool DeadlinePassed { get; private set; }

    public string MaxSizeText => options.Value.MaxFileSizeText;

    public sealed class GroupsInput
    {
        [Display(Name = "Perangkat desa")]
        public int? VillageOfficials { get; set; }

        [Display(Name = "Pengurus desa adat")]
        public int? CustomaryOfficials { get; set; }

        [Display(Name = "Pekerja sosial keagamaan")]
        public int? ReligiousWorkers { get; set; }

        [Display(Name = "Petani dan nelayan")]
        public int? FarmersAndFishers { get; set; }

        public sealed class Validator : AbstractValidator<GroupsInput>
        {
            public Validator(IStringLocalizer<SharedResource> l)
            {
                RuleFor(x => x.VillageOfficials).Count(l, "Perangkat desa", FigureLimits.Workers, required: false);
                RuleFor(x => x.CustomaryOfficials).Count(l, "Pengurus desa adat", FigureLimits.Workers, required: false);
                RuleFor(x => x.ReligiousWorkers).Count(l, "Pekerja sosial keagamaan", FigureLimits.Workers, required: false);
                RuleFor(x => x.FarmersAndFishers).Count(l, "Petani dan nelayan", FigureLimits.ProtectedWorkers, required: false);
            }
        }
    }

    public sealed class DocumentInput
    {
        [Display(Name = "Nama dokumen")]
        public string? Title { get; set; }

        [Display(Name = "Berkas (PDF, JPEG, PNG, DOCX atau XLSX)")]
        public IFormFile? File { get; set; }

        public sealed class Validator : AbstractValidator<DocumentInput>
        {
            public Validator(IOptions<EvidenceOptions> options, IStringLocalizer<SharedResource> l)
            {
                RuleFor(x => x.Title).RequiredText(l, "Nama dokumen", 300);
                RuleFor(x => x.File).UploadedFile(l, () => l["Pilih berkas yang akan diunggah."], () => l["Berkas kosong. Pilih berkas yang berisi dokumen atau gambar."], options.Value.MaxFileBytes, options.Value.MaxFileSizeText);
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: true, ct))
        {
            return NotFound();
        }

        return Page();
    }

    [ValidateOnly(nameof(Input), nameof(Groups))]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: false, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await service.SaveFiguresAsync(Nomination, Input.ToFigures() with { IsGovernment = Nomination.IsGovernment },
            new ProtectedGroups(Groups.VillageOfficials, Groups.CustomaryOfficials, Groups.ReligiousWorkers, Groups.FarmersAndFishers), Input.Version, ct);
        if (outcome.Conflict)
        {
            ModelState.Clear();
            await LoadAsync(id, fillInput: true, ct);
            ModelState.AddModelError("", outcome.Message!);
            return Page();
        }

        return Finish(id, outcome);
    }

    [ValidateOnly(nameof(Regulation))]
    public Task<IActionResult> OnPostAddRegulationAsync(int id, CancellationToken ct) =>
        AddItemAsync(id, () => new SelfAssessmentItem
        {
            Kind = SelfAssessmentItemKind.Regulation,
            RegulationType = Regulation.Type,
            Number = Regulation.Number!.Trim(),
            Year = Regulation.Year,
            Title = Regulation.Title!.Trim(),
            DocumentId = RegulationDocument,
        }, "RegulationDocument", ct);

    [ValidateOnly(nameof(Budget))]
    public Task<IActionResult> OnPostAddBudgetAsync(int id, CancellationToken ct) =>
        AddItemAsync(id, () => new SelfAssessmentItem
        {
            Kind = SelfAssessmentItemKind.Budget,
            Year = Budget.Year,
            Amount = RupiahText.TryParse(Budget.Amount, out var amount) ? amount : throw new InvalidOperationException("The validator accepted an unreadable amount."),
            Title = Budget.Purpose!.Trim(),
            WorkersCovered = Budget.WorkersCovered,
        }, null, ct);

    [ValidateOnly(nameof(Innovation))]
    public Task<IActionResult> OnPostAddInnovationAsync(int id, CancellationToken ct) =>
        AddItemAsync(id, () => new SelfAssessmentItem
        {
            Kind = SelfAssessmentItemKind.Innovation,
            Title = Innovation.Title!.Trim(),
            Description = NominationFigures.Blank(Innovation.Description),
            Year = Innovation.Year,
        }, null, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveItemAsync(int id, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: true, ct))
        {
            return NotFound();
        }

        return Finish(id, await service.RemoveItemAsync(Nomination, itemId, ct));
    }

    [ValidateOnly(nameof(Document))]
    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: true, ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            return Finish(id, SelfAssessmentOutcome.Refused(Refusal));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (upload, error) = await EvidenceChecks.CheckAsync(Document.File!, options.Value.MaxFileBytes, MaxSizeText, l, ct);
        if (upload is null)
        {
            ModelState.AddModelError("Document.File", error!);
            return Page();
        }

        await using var staged = upload.Staged;
        return Finish(id, await service.AddDocumentAsync(Nomination, staged, upload.Kind, upload.FileName, Document.Title!, ct));
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: true, ct))
        {
            return NotFound();
        }

        return Finish(id, await service.SubmitAsync(Nomination, ct));
    }

    private async Task<IActionResult> AddItemAsync(int id, Func<SelfAssessmentItem> make, string? documentField, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: true, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await service.AddItemAsync(Nomination, make(), ct);
        if (!outcome.Done && outcome.Field is not null && documentField is not null)
        {
            ModelState.AddModelError(documentField, outcome.Message!);
            return Page();
        }

        return Finish(id, outcome);
    }

    private RedirectToPageResult Finish(int id, SelfAssessmentOutcome outcome)
    {
        TempData["StatusMessage"] = outcome.Message;
        if (!outcome.Done)
        {
            TempData["StatusIsError"] = true;
        }

        return RedirectToPage("/Candidate/SelfAssessment/Index", new { id });
    }

    /// <summary>The nomination (of the representative's own organisation, else false: 404), its self-assessment and what may be done now.</summary>
    private async Task<bool> LoadAsync(int id, bool fillInput, CancellationToken ct)
    {
        if (await service.CandidateNominationAsync(id, ct) is not { } n)
        {
            return false;
        }

        Nomination = n;
        Assessment = await db.SelfAssessments.AsNoTracking().Include(s => s.Items).Include(s => s.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.NominationId == id, ct);
        Refusal = service.ChangeRefusal(n, Assessment);
        var ends = await service.NominationStageEndsAsync(n.CycleId, n.ProvinceCode, ct);
        Deadline = SelfAssessmentRules.Deadline(Assessment?.Status ?? SelfAssessmentStatus.Draft, ends, Assessment?.ResubmitBy);
        DeadlinePassed = StageCalendar.IsPast(Deadline, Wib.Today(clock));
        if (fillInput && Assessment is { } s)
        {
            Input = new EditModel.InputModel
            {
                FiguresAsOf = s.FiguresAsOf,
                Workers = s.Workers,
                ParticipantsPu = s.ParticipantsPu,
                ParticipantsBpu = s.ParticipantsBpu,
                Programs = ProgramCodes.Each.Where(p => s.Programs.HasFlag(p.Flag)).Select(p => p.Code).ToList(),
                ArrearsMonths = s.ArrearsMonths,
                AllWorkersRegistered = s.AllWorkersRegistered,
                WagesReportedCorrectly = s.WagesReportedCorrectly,
                UsesSipp = s.UsesSipp,
                JmoUsers = s.JmoUsers,
                NikValidatedPercent = s.NikValidatedPercent,
                VendorCount = s.VendorCount,
                VendorsRegistered = s.VendorsRegistered,
                CsrDescription = s.CsrDescription,
                CsrAmount = s.CsrAmount is decimal csr ? RupiahText.FormatNumber(csr) : null,
                WorkforceBps = s.WorkforceBps,
                ProtectedPu = s.ProtectedPu,
                ProtectedBpu = s.ProtectedBpu,
                NonAsnWorkers = s.NonAsnWorkers,
                NonAsnCovered = s.NonAsnCovered,
                Summary = s.Summary,
                Version = s.Version,
            };
            Groups = new GroupsInput
            {
                VillageOfficials = s.VillageOfficials,
                CustomaryOfficials = s.CustomaryOfficials,
                ReligiousWorkers = s.ReligiousWorkers,
                FarmersAndFishers = s.FarmersAndFishers,
            };
        }

        return true;
    }
}
