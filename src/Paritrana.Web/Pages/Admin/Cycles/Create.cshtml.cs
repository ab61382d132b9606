using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace Paritrana.Web.Pages.Admin.Cycles;

/// <summary>
/// Opens a new award cycle: its year, notes, the dates of its six stages and its categories, either
/// the default set (the optional ones unticked) or a copy of an earlier cycle's categories.
/// </summary>
public class CreateModel(
    ParitranaDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const string FromDefaults = "bawaan";
    public const string FromEarlierCycle = "salin";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Earlier cycles that have categories to copy.</summary>
    public IReadOnlyList<CycleChoice> CopySources { get; private set; } = [];

    public sealed record CycleChoice(int Id, int Year, int Categories);

    public sealed class InputModel
    {
        [Display(Name = "Tahun")]
        public int? Year { get; set; }

        [Display(Name = "Catatan")]
        public string? Notes { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        // Filled by OnGet: a form posted without these fields must not fall back to defaults.
        public List<StageInput> Stages { get; set; } = [];

        [Display(Name = "Asal kategori")]
        public string? CategorySource { get; set; }

        [Display(Name = "Kategori bawaan yang aktif")]
        public List<string> DefaultCodes { get; set => field = value.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList(); } = [];

        [Display(Name = "Salin kategori dari siklus")]
        public int? CopyFromCycleId { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(ParitranaDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Year).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Tahun wajib diisi."])
                .Must(y => CycleRules.IsValidYear(y!.Value))
                .WithMessage(_ => l["Tahun harus antara {0} dan {1}.", CycleRules.FirstYear, CycleRules.LastYear])
                .MustAsync(async (y, ct) => !await db.AwardCycles.AnyAsync(c => c.Year == y, ct))
                .WithMessage(x => l["Siklus {0} sudah ada.", x.Year!.Value]);

            RuleFor(x => x.Notes).MaximumLength(CycleForm.MaxNotesLength)
                .WithMessage(_ => l["Catatan paling banyak {0} karakter.", CycleForm.MaxNotesLength]);

            RuleFor(x => x.Stages).Custom((stages, context) => CycleForm.ValidateStages(stages, context, l));

            RuleFor(x => x.CategorySource)
                .Must(s => s is FromDefaults or FromEarlierCycle)
                .WithMessage(_ => l["Pilih asal kategori."]);

            When(x => x.CategorySource == FromDefaults, () =>
            {
                RuleFor(x => x.DefaultCodes).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => l["Pilih sekurang-kurangnya satu kategori bawaan."])
                    .Must(codes => codes.All(c => CategoryKinds.Defaults.Any(d => d.Code == c)))
                    .WithMessage(_ => l["Kategori bawaan yang dipilih tidak dikenal."]);
            });

            When(x => x.CategorySource == FromEarlierCycle, () =>
            {
                RuleFor(x => x.CopyFromCycleId).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["Pilih siklus yang kategorinya disalin."])
                    .MustAsync(async (id, ct) => await db.Categories.AnyAsync(c => c.CycleId == id, ct))
                    .WithMessage(_ => l["Siklus yang dipilih tidak mempunyai kategori."]);
            });
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var latest = await db.AwardCycles.AsNoTracking().MaxAsync(c => (int?)c.Year, ct);
        Input.Year = latest is int y && y < CycleRules.LastYear ? y + 1 : Wib.Today(clock).Year;
        Input.Stages = CycleForm.EmptyStages();
        Input.CategorySource = FromDefaults;
        Input.DefaultCodes = [.. CycleRules.DefaultActiveCodes];
        await LoadChoicesAsync(ct);
        Input.CopyFromCycleId = CopySources.Count > 0 ? CopySources[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        var year = Input.Year!.Value;
        try
        {
            await CreateAsync(year, ct);
        }
        catch (DbUpdateException e) when (CycleForm.UniqueViolation(e) == CycleForm.YearIndex)
        {
            // Another administrator created the same year between the check and this save.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Year", l["Siklus {0} sudah ada.", year]);
            await LoadChoicesAsync(ct);
            return Page();
        }

        TempData["StatusMessage"] = l["Siklus {0} telah dibuat.", year].Value;
        return RedirectToPage("Index");
    }

    private async Task CreateAsync(int year, CancellationToken ct)
    {
        List<Category> categories;
        string categoryDetails;
        int? copiedFromYear = null;
        if (Input.CategorySource == FromEarlierCycle)
        {
            var sourceId = Input.CopyFromCycleId!.Value;
            copiedFromYear = await db.AwardCycles.AsNoTracking().Where(c => c.Id == sourceId).Select(c => c.Year).FirstAsync(ct);
            categories = CycleRules.CopyCategories(await db.Categories.AsNoTracking().Where(c => c.CycleId == sourceId).ToListAsync(ct));
            categoryDetails = $"copied from {copiedFromYear.Value.ToString(CultureInfo.InvariantCulture)}: {Codes(categories)}";
        }
        else
        {
            categories = CycleRules.DefaultCategories(Input.DefaultCodes);
            categoryDetails = $"default: {Codes(categories)}";
        }

        var cycle = new AwardCycle
        {
            Year = year,
            Notes = Input.Notes,
            CreatedAt = clock.GetUtcNow(),
            Stages = Input.Stages.OrderBy(s => s.Stage).Select(s => new CycleStage { Stage = s.Stage, StartsOn = s.StartsOn, EndsOn = s.EndsOn }).ToList(),
            Categories = categories,
        };

        // The audit events name the new id, so the insert and the events share an explicit transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AwardCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        var id = cycle.Id.ToString(CultureInfo.InvariantCulture);
        audit.Record(AuditActions.CycleCreated, "award-cycle", id, null,
            AuditDetails.Of(("year", year.ToString(CultureInfo.InvariantCulture)), ("stages", CycleForm.DescribeStages(Input.Stages)), ("categories", categoryDetails)));
        if (copiedFromYear is int from)
        {
            audit.Record(AuditActions.CategoriesCopied, "award-cycle", id, null,
                CopiedDetails(from, year, categories));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>"PEMPROV,PEMKAB,BPP(inactive)": the codes in order, inactive ones marked.</summary>
    internal static string Codes(IEnumerable<Category> categories) =>
        string.Join(",", categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.IsActive ? c.Code : c.Code + "(inactive)"));

    /// <summary>The details of a copy of categories from one cycle to another ("from 2040 to 2041: PEMPROV,DESA").</summary>
    internal static AuditDetails CopiedDetails(int from, int to, IEnumerable<Category> categories) =>
        AuditDetails.Text(FormattableString.Invariant($"from {from} to {to}: {Codes(categories)}"));

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        CopySources = await db.AwardCycles.AsNoTracking()
            .Where(c => c.Categories.Any())
            .OrderByDescending(c => c.Year)
            .Select(c => new CycleChoice(c.Id, c.Year, c.Categories.Count))
            .ToListAsync(ct);
    }
}
