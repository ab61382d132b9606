using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Domain.Candidates;
using Paritrana.Web.Features.Candidates;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// The committee's view of a candidate's self-assessment (issue 18, docs/decisions/051): each figure
/// submitted beside what the committee recorded and beside the organisation's latest BPJamsostek
/// figures; values accepted into the nomination one by one or all at once (one nomination update,
/// audited, against the nomination's version), or the submission returned with reasons and a date to
/// send it again. A nomination outside the member's province: 404.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class SelfAssessmentModel(
    ParitranaDbContext db,
    CurrentUser me,
    SelfAssessmentService service,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ReturnInput Return { get; set; } = new();

    public int Id { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string CategoryName { get; private set; } = "";

    public NominationStatus NominationStatus { get; private set; }

    public uint NominationVersion { get; private set; }

    public Domain.Candidates.SelfAssessment? Assessment { get; private set; }

    /// <summary>Per figure: BPJamsostek's, the committee's, the candidate's.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool CanDecide => Assessment is { } s && SelfAssessmentRules.Decidable(s.Status);

    public bool FiguresEditable => NominationWorkflow.FiguresEditable(NominationStatus);

    public sealed record Row(SelfAssessmentFigure Figure, object? Imported, object? Recorded, object? Submitted, bool Differs);

    public sealed class ReturnInput
    {
        [Display(Name = "Alasan pengembalian")]
        public string? Reason { get; set; }

        [Display(Name = "Kirim ulang paling lambat")]
        public DateOnly? ResubmitBy { get; set; }

        public sealed class Validator : AbstractValidator<ReturnInput>
        {
            public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
            {
                RuleFor(x => x.Reason).RequiredText(l, "Alasan pengembalian", 2000);
                RuleFor(x => x.ResubmitBy).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["{0} wajib diisi.", l["Kirim ulang paling lambat"]])
                    .Must(d => d >= Wib.Today(clock)).WithMessage(_ => l["Tanggal kirim ulang tidak boleh sebelum hari ini."]);
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Return.ResubmitBy ??= Wib.Today(clock).AddDays(14);
        return Page();
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostAcceptAsync(int id, List<string> keys, List<int> itemIds, uint version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (keys.Count == 0 && itemIds.Count == 0)
        {
            return Finish(id, SelfAssessmentOutcome.Refused(l["Pilih nilai yang akan diterima, atau terima semua."]));
        }

        return Finish(id, await service.AcceptAsync(id, keys, itemIds, version, ct));
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostAcceptAllAsync(int id, uint version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Finish(id, await service.AcceptAsync(id, null, null, version, ct));
    }

    [ValidateOnly(nameof(Return))]
    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return Finish(id, await service.ReturnAsync(id, Return.Reason!, Return.ResubmitBy!.Value, ct));
    }

    /// <summary>A value as the page shows it, in the reader's culture.</summary>
    public string Show(SelfAssessmentFigure figure, object? value) => value switch
    {
        null => "—",
        DateOnly d => Formats.Date(d),
        bool b => l[NominationFieldNames.YesNo(b)],
        Programs p => ProgramCodes.Format(p, ", "),
        decimal m when figure.Key == "CsrAmount" => RupiahText.Format(m),
        decimal m => Formats.TwoDecimals(m),
        int i => Formats.Number(i),
        long n => Formats.Number(n),
        _ => value.ToString() ?? "—",
    };

    private RedirectToPageResult Finish(int id, SelfAssessmentOutcome outcome)
    {
        TempData["StatusMessage"] = outcome.Message;
        if (!outcome.Done)
        {
            TempData["StatusIsError"] = true;
        }

        return RedirectToPage("/Nominations/SelfAssessment", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        var scope = await me.GetScopeAsync(ct);
        var n = await db.Nominations.InScope(scope).AsNoTracking().Include(x => x.Organisation).Include(x => x.Category)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return false;
        }

        OrganisationName = n.Organisation!.Name;
        CategoryName = n.Category!.Name;
        NominationStatus = n.Status;
        NominationVersion = n.Version;
        // A draft is the candidate's own until they send it.
        Assessment = await db.SelfAssessments.AsNoTracking().Include(s => s.Items).Include(s => s.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.NominationId == id && s.Status != SelfAssessmentStatus.Draft, ct);
        if (Assessment is { } s)
        {
            var government = n.Category.Kind.IsGovernment();
            var recorded = SelfAssessmentRules.Recorded(n, government);
            var imported = SelfAssessmentRules.Imported(n.Organisation, government);
            Rows = SelfAssessmentRules.Compare(recorded, s.ToFigures())
                .Select(c => new Row(c.Figure, c.Figure.Read(imported), c.Recorded, c.Submitted, c.Differs))
                .ToList();
        }

        return true;
    }
}
