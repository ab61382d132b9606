using Npgsql;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Admin.Criteria;

/// <summary>
/// The criteria of each category of a cycle: the current version, whether it is locked by scoring
/// and whether its weights are complete; a category without criteria starts from the default
/// template or from the same category (same code) of the latest earlier cycle.
/// </summary>
public class IndexModel(ParitranaDbContext db, ReferenceData reference, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : CyclePageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Whose criteria the page shows and creates: the provinces' or the national jury's (docs/decisions/043).</summary>
    [BindProperty(SupportsGet = true)]
    public ScoringStage Stage { get; set; } = ScoringStage.Provincial;

    public PagedList<Row> Categories { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public ScoringSettings Settings { get; private set; } = new();

    public sealed record Row(int CategoryId, string Code, string Name, CategoryKind Kind, bool IsActive, int? SetId, int VersionNumber, bool IsLocked, int Aspects, int Indicators, int? CopyFromYear)
    {
        public int Problems { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        var cycleId = Cycle.Id;
        var year = Cycle.Year;
        var stage = Stage = Stage == ScoringStage.National ? ScoringStage.National : ScoringStage.Provincial;
        Settings = await reference.ScoringSettingsAsync(db, cycleId, ct);
        Categories = await db.Categories.AsNoTracking()
            .Where(c => c.CycleId == cycleId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new Row(
                c.Id,
                c.Code,
                c.Name,
                c.Kind,
                c.IsActive,
                db.CriteriaSets.Where(s => s.CategoryId == c.Id && s.Stage == stage && s.IsCurrent).Select(s => (int?)s.Id).FirstOrDefault(),
                db.CriteriaSets.Where(s => s.CategoryId == c.Id && s.Stage == stage && s.IsCurrent).Select(s => s.VersionNumber).FirstOrDefault(),
                db.CriteriaSets.Where(s => s.CategoryId == c.Id && s.Stage == stage && s.IsCurrent).Select(s => s.IsLocked).FirstOrDefault(),
                db.Aspects.Count(a => db.CriteriaSets.Any(s => s.Id == a.CriteriaSetId && s.CategoryId == c.Id && s.Stage == stage && s.IsCurrent)),
                db.Indicators.Count(i => db.Aspects.Any(a => a.Id == i.AspectId && db.CriteriaSets.Any(s => s.Id == a.CriteriaSetId && s.CategoryId == c.Id && s.Stage == stage && s.IsCurrent))),
                (from s in db.CriteriaSets
                 join pc in db.Categories on s.CategoryId equals pc.Id
                 join y in db.AwardCycles on pc.CycleId equals y.Id
                 where s.IsCurrent && s.Stage == stage && pc.Code == c.Code && y.Year < year
                 orderby y.Year descending
                 select (int?)y.Year).FirstOrDefault()))
            .ToPagedListAsync(PageNumber, ct: ct);

        var setIds = Categories.Items.Where(r => r.SetId is not null).Select(r => r.SetId!.Value).ToList();
        var shapes = await db.Aspects.AsNoTracking()
            .Where(a => setIds.Contains(a.CriteriaSetId))
            .Select(a => new { a.CriteriaSetId, a.Name, a.Weight, Indicators = a.Indicators.Select(i => new { i.Name, i.Weight }).ToList() })
            .ToListAsync(ct);
        foreach (var row in Categories.Items.Where(r => r.SetId is not null))
        {
            row.Problems = CriteriaRules.Problems(shapes.Where(s => s.CriteriaSetId == row.SetId)
                .Select(a => new CriteriaRules.AspectShape(a.Name, a.Weight, a.Indicators.Select(i => new CriteriaRules.WeightItem(i.Name, i.Weight)).ToList()))
                .ToList()).Count;
        }

        return Page();
    }

    /// <summary>Creates a category's criteria from the default template of its kind.</summary>
    public async Task<IActionResult> OnPostCreateAsync(int categoryId, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId)
            .Select(c => new { c.Id, c.CycleId, c.Code, c.Name, c.Kind, Year = c.Cycle!.Year }).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }

        var set = CriteriaTemplates.Build(category.CycleId, category.Id, category.Kind, clock.GetUtcNow());
        set.Stage = Stage;
        return await AddAsync(set, category.Year, category.Name, AuditActions.CriteriaCreated, $"category {category.Code}; stage {Stage}; from the default template",
            l["Kriteria {0} dibuat dari templat bawaan.", category.Name].Value, ct);
    }

    /// <summary>Copies the current criteria of the same category code of the latest earlier cycle.</summary>
    public async Task<IActionResult> OnPostCopyAsync(int categoryId, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId)
            .Select(c => new { c.Id, c.CycleId, c.Code, c.Name, Year = c.Cycle!.Year }).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }

        var source = await (
                from s in db.CriteriaSets.AsNoTracking().Include(s => s.Aspects).ThenInclude(a => a.Indicators)
                join pc in db.Categories on s.CategoryId equals pc.Id
                join y in db.AwardCycles on pc.CycleId equals y.Id
                where s.IsCurrent && s.Stage == Stage && pc.Code == category.Code && y.Year < category.Year
                orderby y.Year descending
                select new { Set = s, y.Year })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            TempData["StatusMessage"] = l["Tidak ada kriteria kategori {0} di siklus sebelumnya untuk disalin.", category.Code].Value;
            return RedirectToPage(new { cycle = Year(category.Year), stage = Stage });
        }

        var set = CriteriaSets.Copy(source.Set, category.CycleId, category.Id, clock.GetUtcNow());
        return await AddAsync(set, category.Year, category.Name, AuditActions.CriteriaCopied,
            FormattableString.Invariant($"category {category.Code}; stage {Stage}; copied from {source.Year} (criteria set {source.Set.Id}, version {source.Set.VersionNumber})"),
            l["Kriteria {0} disalin dari siklus {1}.", category.Name, Year(source.Year)].Value, ct);
    }

    private async Task<IActionResult> AddAsync(CriteriaSet set, int year, string categoryName, string action, string details, string message, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.CriteriaSets.Add(set);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A current set appeared meanwhile (a second click, or another administrator).
            db.ChangeTracker.Clear();
            TempData["StatusMessage"] = l["Kategori {0} sudah mempunyai kriteria.", categoryName].Value;
            return RedirectToPage(new { cycle = Year(year), stage = set.Stage });
        }

        audit.Record(action, "criteria-set", set.Id.ToString(CultureInfo.InvariantCulture), provinceCode: null, AuditDetails.Text(details));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["StatusMessage"] = message;
        return RedirectToPage("Edit", new { id = set.Id });
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
