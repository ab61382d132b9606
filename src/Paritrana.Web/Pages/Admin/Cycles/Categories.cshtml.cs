using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Cycles;

/// <summary>
/// The categories of one cycle: the list, a form to add one, and, while the cycle has none, copying
/// those of the previous cycle. A category is changed on <see cref="EditCategoryModel"/>.
/// </summary>
public class CategoriesModel(
    ParitranaDbContext db,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxSortOrder = 999;

    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CycleRef Cycle { get; private set; } = null!;

    public PagedList<Row> Categories { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>The year of the latest earlier cycle with categories (what "copy" would copy), if any.</summary>
    public int? PreviousYear { get; private set; }

    public sealed record CycleRef(int Id, int Year, bool IsClosed);

    public sealed record Row(int Id, string Code, string Name, CategoryKind Kind, int SortOrder, int FinalistCount, bool IsActive, int Nominations);

    /// <summary>The fields of a category, shared by the add form here and the edit page.</summary>
    public sealed class InputModel
    {
        /// <summary>Set by the page, never bound: the cycle, and the category being edited (null when adding).</summary>
        [BindNever]
        public int CycleId { get; set; }

        [BindNever]
        public int? CategoryId { get; set; }

        [Display(Name = "Kode")]
        [AllowNull]
        public string Code { get; set => field = CycleRules.NormalizeCode(value); } = "";

        [Display(Name = "Nama kategori")]
        public string? Name { get; set => field = value?.Trim(); }

        [Display(Name = "Jenis")]
        public CategoryKind? Kind { get; set; }

        [Display(Name = "Urutan")]
        public int? SortOrder { get; set; }

        [Display(Name = "Jumlah finalis")]
        public int? FinalistCount { get; set; }

        [Display(Name = "Aktif")]
        public bool IsActive { get; set; } = true;

        /// <summary>The row version (PostgreSQL xmin) the edit form was read at.</summary>
        public uint Version { get; set; }
    }

    public sealed class Validator : FactsValidator<InputModel>
    {
        private readonly ParitranaDbContext db;
        private readonly RequestIds ids;

        public Validator(ParitranaDbContext db, RequestIds ids, IStringLocalizer<SharedResource> l)
        {
            this.db = db;
            this.ids = ids;
            // The code is given once, when the category is added; it stays when the category is copied.
            When(x => x.CategoryId is null, () =>
            {
                RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => l["Kode wajib diisi."])
                    .Must(CycleRules.IsValidCode)
                    .WithMessage(_ => l["Kode terdiri atas huruf besar dan angka saja, paling banyak {0} karakter.", CycleRules.MaxCodeLength])
                    .MustAsync(async (input, code, ct) => !await db.Categories.AnyAsync(c => c.CycleId == input.CycleId && c.Code == code, ct))
                    .WithMessage(x => l["Kode {0} sudah dipakai di siklus ini.", x.Code ?? ""]);
            });

            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Nama kategori wajib diisi."])
                .MaximumLength(CycleRules.MaxNameLength).WithMessage(_ => l["Nama kategori paling banyak {0} karakter.", CycleRules.MaxNameLength])
                .MustAsync(async (input, name, ct) => !await db.Categories
                    .AnyAsync(c => c.CycleId == input.CycleId && c.Id != input.CategoryId && EF.Functions.ILike(c.Name, CycleForm.ExactPattern(name!), @"\"), ct))
                .WithMessage(x => l["Kategori bernama {0} sudah ada di siklus ini.", x.Name ?? ""]);

            RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Pilih jenis kategori."])
                .IsInEnum().WithMessage(_ => l["Pilih jenis kategori."])
                // The kind decides which figures a nomination carries: it cannot change under existing nominations.
                .MustAsync(async (input, kind, ct) => input.CategoryId is null || !await db.Categories
                    .AnyAsync(c => c.Id == input.CategoryId && c.Kind != kind && db.Nominations.Any(n => n.CategoryId == c.Id), ct))
                .WithMessage(_ => l["Jenis kategori tidak dapat diubah karena sudah ada nominasi dalam kategori ini."]);

            RuleFor(x => x.SortOrder).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Urutan wajib diisi."])
                .InclusiveBetween(1, MaxSortOrder).WithMessage(_ => l["Urutan harus antara 1 dan {0}.", MaxSortOrder]);

            RuleFor(x => x.FinalistCount).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Jumlah finalis wajib diisi."])
                .Must(n => CycleRules.IsValidFinalistCount(n!.Value))
                .WithMessage(_ => l["Jumlah finalis harus antara {0} dan {1}.", CycleRules.MinFinalists, CycleRules.MaxFinalists]);
        }

        /// <summary>Adding (this page, the cycle in the route) or editing (EditCategory, the category in the route).</summary>
        protected override async Task<bool> ReadFactsAsync(InputModel input, CancellationToken ct)
        {
            if (ids.Number("cycleId") is int cycleId)
            {
                (input.CycleId, input.CategoryId) = (cycleId, null);
                return true;
            }

            var category = await db.Categories.AsNoTracking().Where(c => c.Id == ids.Number("id")).Select(c => new { c.Id, c.CycleId }).FirstOrDefaultAsync(ct);
            if (category is null)
            {
                return false;
            }

            (input.CycleId, input.CategoryId) = (category.CycleId, category.Id);
            return true;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new InputModel { SortOrder = await NextSortOrderAsync(ct), FinalistCount = 1, IsActive = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.CycleId = CycleId;
        Input.CategoryId = null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var category = new Category
        {
            CycleId = CycleId,
            Code = Input.Code,
            Name = Input.Name!,
            Kind = Input.Kind!.Value,
            SortOrder = Input.SortOrder!.Value,
            FinalistCount = Input.FinalistCount!.Value,
            IsActive = Input.IsActive,
        };
        try
        {
            // The audit event names the new id, so the insert and the event share an explicit transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Categories.Add(category);
            await db.SaveChangesAsync(ct);
            audit.Record(AuditActions.CategoryCreated, "category", category.Id.ToString(CultureInfo.InvariantCulture), null,
                AuditDetails.Of(("cycle", Cycle.Year.ToString(CultureInfo.InvariantCulture)), (null, Describe(category))));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (CycleForm.UniqueViolation(e) is CycleForm.CategoryCodeIndex or CycleForm.CategoryNameIndex)
        {
            // Another administrator added the same code or name between the check and this save.
            db.ChangeTracker.Clear();
            if (CycleForm.UniqueViolation(e) == CycleForm.CategoryCodeIndex)
            {
                ModelState.AddModelError("Input.Code", l["Kode {0} sudah dipakai di siklus ini.", Input.Code]);
            }
            else
            {
                ModelState.AddModelError("Input.Name", l["Kategori bernama {0} sudah ada di siklus ini.", Input.Name!]);
            }

            return Page();
        }

        TempData["StatusMessage"] = l["Kategori {0} telah ditambahkan ke siklus {1}.", category.Name, Cycle.Year].Value;
        return RedirectToPage(new { cycleId = CycleId });
    }

    /// <summary>Copies the categories of the latest earlier cycle that has any; only while this cycle has none.</summary>
    [ValidateOnly]
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Categories.TotalCount > 0)
        {
            return Refuse(l["Siklus {0} sudah mempunyai kategori; penyalinan hanya untuk siklus yang belum mempunyai kategori.", Cycle.Year]);
        }

        var year = Cycle.Year;
        var source = await db.AwardCycles.AsNoTracking()
            .Where(c => c.Year < year && c.Categories.Any())
            .OrderByDescending(c => c.Year)
            .Select(c => new { c.Id, c.Year })
            .FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return Refuse(l["Tidak ada siklus sebelumnya yang mempunyai kategori untuk disalin."]);
        }

        var copies = CycleRules.CopyCategories(await db.Categories.AsNoTracking().Where(c => c.CycleId == source.Id).ToListAsync(ct));
        foreach (var c in copies)
        {
            c.CycleId = CycleId;
        }

        try
        {
            db.Categories.AddRange(copies);
            audit.Record(AuditActions.CategoriesCopied, "award-cycle", CycleId.ToString(CultureInfo.InvariantCulture), null,
                CreateModel.CopiedDetails(source.Year, year, copies));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (CycleForm.UniqueViolation(e) is CycleForm.CategoryCodeIndex or CycleForm.CategoryNameIndex)
        {
            db.ChangeTracker.Clear();
            return Refuse(l["Kategori siklus ini baru saja diisi oleh orang lain. Periksa daftarnya."]);
        }

        TempData["StatusMessage"] = Formats.Plural(l["{0} kategori siklus {1} telah disalin ke siklus {2}."], copies.Count, Formats.Number(copies.Count), source.Year, year);
        return RedirectToPage(new { cycleId = CycleId });
    }

    internal static string Describe(Category c) =>
        $"code: {c.Code}; name: '{c.Name}'; kind: {c.Kind}; order: {c.SortOrder.ToString(CultureInfo.InvariantCulture)}; " +
        $"finalists: {c.FinalistCount.ToString(CultureInfo.InvariantCulture)}; active: {(c.IsActive ? "yes" : "no")}";

    private RedirectToPageResult Refuse(string message) => this.RedirectWithMessage(message, new { cycleId = CycleId }, isError: true);

    private async Task<int> NextSortOrderAsync(CancellationToken ct) =>
        Math.Min(MaxSortOrder, (await db.Categories.Where(c => c.CycleId == CycleId).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var cycle = await db.AwardCycles.AsNoTracking().Where(c => c.Id == CycleId).Select(c => new CycleRef(c.Id, c.Year, c.IsClosed)).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return false;
        }

        Cycle = cycle;
        Categories = await db.Categories.AsNoTracking()
            .Where(c => c.CycleId == CycleId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new Row(c.Id, c.Code, c.Name, c.Kind, c.SortOrder, c.FinalistCount, c.IsActive, db.Nominations.Count(n => n.CategoryId == c.Id)))
            .ToPagedListAsync(PageNumber, ct: ct);
        if (Categories.TotalCount == 0)
        {
            PreviousYear = await db.AwardCycles.AsNoTracking()
                .Where(c => c.Year < cycle.Year && c.Categories.Any())
                .MaxAsync(c => (int?)c.Year, ct);
        }

        return true;
    }
}
