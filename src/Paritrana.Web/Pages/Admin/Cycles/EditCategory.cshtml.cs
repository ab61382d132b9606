namespace Paritrana.Web.Pages.Admin.Cycles;

/// <summary>Changes one category of a cycle: name, kind, order, finalist count and active flag (not its code).</summary>
public class EditCategoryModel(
    ParitranaDbContext db,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public CategoriesModel.InputModel Input { get; set; } = new();

    public string Code { get; private set; } = "";

    public int CycleId { get; private set; }

    public int CycleYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().Include(c => c.Cycle).FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (category is null)
        {
            return NotFound();
        }

        (Code, CycleId, CycleYear) = (category.Code, category.CycleId, category.Cycle!.Year);
        Input = new CategoriesModel.InputModel
        {
            Name = category.Name,
            Kind = category.Kind,
            SortOrder = category.SortOrder,
            FinalistCount = category.FinalistCount,
            IsActive = category.IsActive,
            Version = category.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var category = await db.Categories.Include(c => c.Cycle).FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (category is null)
        {
            return NotFound();
        }

        (Code, CycleId, CycleYear) = (category.Code, category.CycleId, category.Cycle!.Year);
        Input.CycleId = category.CycleId;
        Input.CategoryId = category.Id;
        Input.Code = null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changes = new List<string>();
        Compare(changes, "name", $"'{category.Name}'", $"'{Input.Name}'");
        Compare(changes, "kind", category.Kind.ToString(), Input.Kind!.Value.ToString());
        Compare(changes, "order", category.SortOrder.ToString(CultureInfo.InvariantCulture), Input.SortOrder!.Value.ToString(CultureInfo.InvariantCulture));
        Compare(changes, "finalists", category.FinalistCount.ToString(CultureInfo.InvariantCulture), Input.FinalistCount!.Value.ToString(CultureInfo.InvariantCulture));
        Compare(changes, "active", category.IsActive ? "yes" : "no", Input.IsActive ? "yes" : "no");
        if (changes.Count == 0)
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage("Categories", new { cycleId = CycleId });
        }

        category.Name = Input.Name!;
        category.Kind = Input.Kind.Value;
        category.SortOrder = Input.SortOrder.Value;
        category.FinalistCount = Input.FinalistCount.Value;
        category.IsActive = Input.IsActive;
        db.Entry(category).Property(c => c.Version).OriginalValue = Input.Version;
        audit.Record(AuditActions.CategoryUpdated, "category", Id.ToString(CultureInfo.InvariantCulture), null,
            AuditDetails.Of(("cycle", CycleYear.ToString(CultureInfo.InvariantCulture)), ("code", category.Code)).And([.. changes.Select(c => ((string?)null, (string?)c))]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Kategori ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }
        catch (DbUpdateException e) when (CycleForm.UniqueViolation(e) == CycleForm.CategoryNameIndex)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", l["Kategori bernama {0} sudah ada di siklus ini.", Input.Name!]);
            return Page();
        }

        TempData["StatusMessage"] = l["Kategori {0} telah disimpan.", category.Name].Value;
        return RedirectToPage("Categories", new { cycleId = CycleId });
    }

    private static void Compare(List<string> changes, string field, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{field}: {before} -> {after}");
        }
    }
}
