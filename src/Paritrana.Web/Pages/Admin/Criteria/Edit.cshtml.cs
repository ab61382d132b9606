using FluentValidation;

namespace Paritrana.Web.Pages.Admin.Criteria;

/// <summary>
/// Edits the current criteria of a category: aspects (code, name, weight, order) and their
/// indicators (code, name, weight, scale, rubric per level, evidence guidance), added and removed
/// with buttons that re-render the form without saving (no script needed). A set not yet used by
/// any scorecard is changed in place; a locked set is never changed: saving makes the next
/// version, which becomes current, and existing scorecards keep the version they were opened with.
/// </summary>
public partial class EditModel(
    ParitranaDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxAspects = 20;
    public const int MaxIndicatorsPerAspect = 30;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SetInfo Set { get; private set; } = null!;

    /// <summary>The set's aspects as stored (for the read-only view of an older version).</summary>
    public IReadOnlyList<Aspect> StoredAspects { get; private set; } = [];

    public sealed record VersionRef(int Id, int VersionNumber, bool IsCurrent, bool IsLocked);

    public sealed record SetInfo(int Id, int CycleYear, string CategoryName, string CategoryCode, CategoryKind Kind, int VersionNumber, bool IsLocked, bool IsCurrent, int Cards, IReadOnlyList<VersionRef> Versions);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Include(s => s.Aspects).ThenInclude(a => a.Indicators).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (set is null || !await LoadInfoAsync(id, ct))
        {
            return NotFound();
        }

        StoredAspects = CriteriaText.Ordered(set.Aspects);
        Input = new InputModel
        {
            Version = set.Version,
            Aspects = StoredAspects.Select(a => new AspectInput
            {
                Code = a.Code,
                Name = a.Name,
                Weight = ScoreText.ForDisplay(a.Weight),
                SortOrder = a.SortOrder,
                Indicators = a.Indicators.Select(i => new IndicatorInput
                {
                    Code = i.Code,
                    Name = i.Name,
                    Weight = ScoreText.ForDisplay(i.Weight),
                    Scale = i.Scale,
                    EvidenceGuidance = i.EvidenceGuidance,
                    Rubric1 = i.Rubric1,
                    Rubric2 = i.Rubric2,
                    Rubric3 = i.Rubric3,
                    Rubric4 = i.Rubric4,
                    Rubric5 = i.Rubric5,
                }).ToList(),
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? command, CancellationToken ct)
    {
        if (!await LoadInfoAsync(id, ct))
        {
            return NotFound();
        }

        if (!Set.IsCurrent)
        {
            TempData["StatusMessage"] = l["Versi ini bukan versi terkini dan tidak dapat diubah."].Value;
            TempData["StatusIsError"] = true;
            return RedirectToPage(new { id });
        }

        if (ApplyCommand(command))
        {
            // Adding or removing rows re-renders the form from the model, not from the posted values.
            ModelState.Clear();
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var wanted = Wanted();
        foreach (var problem in CriteriaRules.Problems(CriteriaText.Shape(wanted)))
        {
            ModelState.AddModelError("", l[problem.Template, problem.Args]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var set = await db.CriteriaSets.Include(s => s.Aspects).ThenInclude(a => a.Indicators).AsSplitQuery().FirstAsync(s => s.Id == id, ct);
        if (CriteriaText.Signature(set.Aspects) == CriteriaText.Signature(wanted))
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage(new { id });
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Entry(set).Property(s => s.Version).OriginalValue = Input.Version;
            if (!set.IsLocked)
            {
                // In place: no scorecard uses this set yet. The UPDATE of the set row checks the version.
                db.Entry(set).Property(s => s.IsCurrent).IsModified = true;
                db.Aspects.RemoveRange(set.Aspects);
                await db.SaveChangesAsync(ct);
                foreach (var aspect in wanted)
                {
                    aspect.CriteriaSetId = set.Id;
                    db.Aspects.Add(aspect);
                }

                audit.Record(AuditActions.CriteriaUpdated, "criteria-set", Id(set.Id), provinceCode: null, AuditDetails.Text($"category {Set.CategoryCode}; version {set.VersionNumber}; {CriteriaText.Summary(wanted)}"));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                TempData["StatusMessage"] = l["Kriteria {0} telah disimpan.", Set.CategoryName].Value;
                return RedirectToPage(new { id });
            }

            // Locked: the set stays as it is for its scorecards; the change becomes the next version.
            set.IsCurrent = false;
            await db.SaveChangesAsync(ct);
            var next = new CriteriaSet
            {
                CycleId = set.CycleId,
                CategoryId = set.CategoryId,
                VersionNumber = Set.Versions.Max(v => v.VersionNumber) + 1,
                IsCurrent = true,
                CreatedAt = clock.GetUtcNow(),
                Aspects = wanted,
            };
            db.CriteriaSets.Add(next);
            await db.SaveChangesAsync(ct);
            audit.Record(AuditActions.CriteriaVersioned, "criteria-set", Id(next.Id), provinceCode: null,
                AuditDetails.Text($"category {Set.CategoryCode}; version {set.VersionNumber} -> {next.VersionNumber} (criteria set {set.Id} -> {next.Id}); {CriteriaText.Summary(wanted)}"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            TempData["StatusMessage"] = l["Kriteria {0} sudah dipakai untuk menilai, jadi perubahan disimpan sebagai versi {1}. Kartu nilai yang sudah ada tetap memakai versi {2}.",
                Set.CategoryName, next.VersionNumber, set.VersionNumber].Value;
            return RedirectToPage(new { id = next.Id });
        }
        catch (DbUpdateException)
        {
            // A concurrency failure (another administrator, or the first scorecard locked the set
            // meanwhile), or a version number taken by a concurrent save: nothing was saved.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Kriteria ini baru saja diubah, oleh administrator lain atau karena penilaian dengan kriteria ini sudah dimulai. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }
    }

    /// <summary>The sum of a list of typed weights, for the running totals beside the form (null when one is not a number).</summary>
    public static decimal? SumOf(IEnumerable<string?> weights)
    {
        var sum = 0m;
        foreach (var w in weights)
        {
            if (!ScoreText.TryParse(w, out var value))
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }

    /// <summary>Applies an add or remove button; false for saving.</summary>
    private bool ApplyCommand(string? command)
    {
        var parts = (command ?? "save").Split(':');
        int Index(int at) => int.TryParse(parts.ElementAtOrDefault(at), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        switch (parts[0])
        {
            case "add-aspect" when Input.Aspects.Count < MaxAspects:
                Input.Aspects.Add(new AspectInput
                {
                    SortOrder = Input.Aspects.Select(a => a.SortOrder ?? 0).DefaultIfEmpty(0).Max() + 1,
                    Indicators = [new IndicatorInput { Scale = ScaleKind.Levels }],
                });
                return true;
            case "add-indicator" when Index(1) >= 0 && Index(1) < Input.Aspects.Count && Input.Aspects[Index(1)].Indicators.Count < MaxIndicatorsPerAspect:
                Input.Aspects[Index(1)].Indicators.Add(new IndicatorInput { Scale = ScaleKind.Levels });
                return true;
            case "remove-aspect" when Index(1) >= 0 && Index(1) < Input.Aspects.Count:
                Input.Aspects.RemoveAt(Index(1));
                return true;
            case "remove-indicator" when Index(1) >= 0 && Index(1) < Input.Aspects.Count && Index(2) >= 0 && Index(2) < Input.Aspects[Index(1)].Indicators.Count:
                Input.Aspects[Index(1)].Indicators.RemoveAt(Index(2));
                return true;
            case "save":
                return false;
            default:
                // A button for a row that is no longer there (a double click): show the form again.
                return true;
        }
    }

    private List<Aspect> Wanted() => Input.Aspects.Select(a => new Aspect
    {
        Code = a.Code!.Trim(),
        Name = a.Name!.Trim(),
        Weight = Parse(a.Weight),
        SortOrder = a.SortOrder!.Value,
        Indicators = a.Indicators.Select((i, index) => new Indicator
        {
            Code = i.Code!.Trim(),
            Name = i.Name!.Trim(),
            Weight = Parse(i.Weight),
            Scale = i.Scale!.Value,
            SortOrder = index + 1,
            EvidenceGuidance = Text(i.EvidenceGuidance),
            Rubric1 = Text(i.Rubric1),
            Rubric2 = Text(i.Rubric2),
            Rubric3 = Text(i.Rubric3),
            Rubric4 = Text(i.Rubric4),
            Rubric5 = Text(i.Rubric5),
        }).ToList(),
    }).ToList();

    private static decimal Parse(string? weight) => ScoreText.TryParse(weight, out var value) ? value : 0m;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> LoadInfoAsync(int id, CancellationToken ct)
    {
        var info = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                Year = db.AwardCycles.Where(c => c.Id == s.CycleId).Select(c => c.Year).First(),
                Category = db.Categories.Where(c => c.Id == s.CategoryId).Select(c => new { c.Name, c.Code, c.Kind }).First(),
                s.VersionNumber,
                s.IsLocked,
                s.IsCurrent,
                Cards = db.Scorecards.Count(c => c.CriteriaSetId == s.Id),
                Versions = db.CriteriaSets.Where(v => v.CategoryId == s.CategoryId && v.Stage == s.Stage).OrderBy(v => v.VersionNumber)
                    .Select(v => new VersionRef(v.Id, v.VersionNumber, v.IsCurrent, v.IsLocked)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (info is null)
        {
            return false;
        }

        Set = new SetInfo(info.Id, info.Year, info.Category.Name, info.Category.Code, info.Category.Kind, info.VersionNumber, info.IsLocked, info.IsCurrent, info.Cards, info.Versions);
        return true;
    }
}
