using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Paritrana.Web.Features.Nominations;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// A committee member nominates an organisation of their province in a category of the cycle.
/// The category is chosen first (a GET form); an employer is then found by NPP or name (a GET
/// search whose "Pilih" links carry <c>?organisationId=</c>, as the employer discovery page's
/// links do); a government is the province itself, a regency or city, or a village, stored as an
/// organisation the first time it is nominated. The new nomination is a draft, prefilled with the
/// employer's latest imported figures, and opens in the edit form.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public partial class CreateModel(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const int SearchPageSize = 10;

    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? CycleYear { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>What was typed in the employer search (GET).</summary>
    public string? Search { get; private set; }

    public CycleLookup.CycleRef? Cycle { get; private set; }

    /// <summary>Why nothing can be nominated in this cycle now (closed, no categories); null when it can.</summary>
    public string? Blocked { get; private set; }

    public IReadOnlyList<CategoryChoice> Categories { get; private set; } = [];

    public CategoryChoice? Category { get; private set; }

    public EmployerChoice? Employer { get; private set; }

    public PagedList<EmployerChoice>? Matches { get; private set; }

    public IReadOnlyList<SelectListItem> Regencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> BranchOffices { get; private set; } = [];

    public string ProvinceGovernmentName { get; private set; } = "";

    public sealed record CategoryChoice(int Id, string Name, CategoryKind Kind)
    {
        public bool IsGovernment => Kind.IsGovernment();
    }

    public sealed record EmployerChoice(int Id, string Name, string? Npp, string? RegencyName, SizeClass? SizeClass, DateOnly? LatestAsOf, int? LatestWorkers);

    public sealed class InputModel
    {
        [Display(Name = "Kategori")]
        public int? CategoryId { get; set; }

        [Display(Name = "Pemberi kerja")]
        public int? OrganisationId { get; set; }

        [Display(Name = "Kabupaten/kota")]
        public string? RegencyCode { get; set; }

        [Display(Name = "Nama desa")]
        public string? VillageName { get; set; }

        [Display(Name = "Kantor cabang pemverifikasi")]
        public int? BranchOfficeId { get; set; }

        /// <summary>Set by the page from the chosen category, never bound.</summary>
        [BindNever]
        public CategoryKind? Kind { get; set; }

        /// <summary>The member's province, set by the page, never bound.</summary>
        [BindNever]
        public string ProvinceCode { get; set; } = "";
    }

    public sealed class Validator : FactsValidator<InputModel>
    {
        private readonly ParitranaDbContext db;
        private readonly CurrentUser me;

        public Validator(ParitranaDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l)
        {
            this.db = db;
            this.me = me;
            RuleFor(x => x.CategoryId).NotNull().WithMessage(_ => l["Pilih kategori."]);

            When(x => x.Kind is not null && !x.Kind.Value.IsGovernment(), () =>
                RuleFor(x => x.OrganisationId).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["Pilih pemberi kerja yang dinominasikan."])
                    .MustAsync(async (x, id, ct) => await db.Organisations
                        .AnyAsync(o => o.Id == id && o.Type == OrganisationType.Employer && o.ProvinceCode == x.ProvinceCode, ct))
                    .WithMessage(_ => l["Pemberi kerja yang dipilih tidak ada di provinsi Anda."]));

            When(x => x.Kind is CategoryKind.RegencyGovernment or CategoryKind.VillageGovernment, () =>
                RuleFor(x => x.RegencyCode).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => l["Pilih kabupaten/kota."])
                    .MustAsync(async (x, code, ct) => await db.RegenciesAndCities.AnyAsync(r => r.Code == code && r.ProvinceCode == x.ProvinceCode, ct))
                    .WithMessage(_ => l["Kabupaten/kota yang dipilih tidak ada di provinsi Anda."]));

            When(x => x.Kind == CategoryKind.VillageGovernment, () =>
                RuleFor(x => x.VillageName).Cascade(CascadeMode.Stop)
                    .Must(name => GovernmentBodies.VillageName(name) is not null).WithMessage(_ => l["Nama desa wajib diisi."])
                    .MaximumLength(GovernmentBodies.MaxVillageNameLength)
                    .WithMessage(_ => l["Nama desa paling banyak {0} karakter.", GovernmentBodies.MaxVillageNameLength]));

            When(x => x.Kind == CategoryKind.ProvincialGovernment, () =>
                RuleFor(x => x.BranchOfficeId).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage(_ => l["Pilih kantor cabang yang memverifikasi nominasi ini."])
                    .MustAsync(async (x, id, ct) => await db.BranchOffices.AnyAsync(b => b.Id == id && b.IsActive && b.ProvinceCode == x.ProvinceCode, ct))
                    .WithMessage(_ => l["Kantor cabang yang dipilih tidak ada di provinsi Anda."]));
        }

        /// <summary>The member's province, and the kind of the chosen category (which the handler checks is active in the cycle).</summary>
        protected override async Task<bool> ReadFactsAsync(InputModel input, CancellationToken ct)
        {
            input.ProvinceCode = me.ProvinceCode ?? "";
            input.Kind = await db.Categories.AsNoTracking()
                .Where(c => c.Id == input.CategoryId && c.IsActive)
                .Select(c => (CategoryKind?)c.Kind)
                .FirstOrDefaultAsync(ct);
            return true;
        }
    }

    public async Task<IActionResult> OnGetAsync(int? categoryId, int? organisationId, string? q, [FromQuery(Name = "p")] int page, CancellationToken ct)
    {
        Input.CategoryId = categoryId;
        Input.OrganisationId = organisationId;
        Search = q?.Trim();
        if (!await LoadCycleAsync(ct))
        {
            return Page();
        }

        await LoadChoicesAsync(ct);
        if (Category is null && Employer?.SizeClass is SizeClass size)
        {
            // Coming from the employer list: suggest the category of the employer's size.
            var kind = size switch
            {
                SizeClass.Large => CategoryKind.LargeCompany,
                SizeClass.Medium => CategoryKind.MediumCompany,
                _ => CategoryKind.SmallMicroBusiness,
            };
            Category = Categories.FirstOrDefault(c => c.Kind == kind);
            Input.CategoryId = Category?.Id;
        }

        if (Category is { IsGovernment: false } && Employer is null && !string.IsNullOrEmpty(Search))
        {
            await SearchEmployersAsync(Search, Math.Max(page, 1), ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadCycleAsync(ct))
        {
            return Page();
        }

        var cycle = Cycle!;
        Input.ProvinceCode = me.ProvinceCode ?? "";
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Id == Input.CategoryId && c.CycleId == cycle.Id && c.IsActive)
            .Select(c => new CategoryChoice(c.Id, c.Name, c.Kind))
            .FirstOrDefaultAsync(ct);
        if (Input.CategoryId is not null && category is null)
        {
            ModelState.AddModelError("Input.CategoryId", l["Kategori yang dipilih tidak aktif pada siklus ini."]);
        }

        Input.Kind = category?.Kind;
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        // A second attempt only when another member created the same government body at the same moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await CreateAsync(cycle, category!, ct);
                if (created is null)
                {
                    await LoadChoicesAsync(ct);
                    return Page();
                }

                TempData["StatusMessage"] = l["Nominasi {0} telah dibuat sebagai draf. Lengkapi angkanya di bawah ini.", created.Value.Name].Value;
                return RedirectToPage("/Nominations/Edit", new { id = created.Value.Id });
            }
            catch (DbUpdateException e) when (NominationMessages.UniqueViolation(e) is NominationMessages.NominationPerCycleIndex)
            {
                db.ChangeTracker.Clear();
                // Another member nominated the same organisation between the check and the save.
                await AddAlreadyNominatedErrorAsync(cycle, await OrganisationOfAsync(category!, ct), ct);
                await LoadChoicesAsync(ct);
                return Page();
            }
            catch (DbUpdateException e) when (NominationMessages.UniqueViolation(e) is NominationMessages.GovernmentPerRegionIndex && attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Resolves the cycle; false (with <see cref="Blocked"/> or no cycle) when nothing can be nominated.</summary>
    private async Task<bool> LoadCycleAsync(CancellationToken ct)
    {
        Cycle = await CycleLookup.ResolveAsync(db, CycleYear, ct);
        if (Cycle is null)
        {
            return false;
        }

        var cycle = await db.AwardCycles.AsNoTracking().FirstAsync(c => c.Id == Cycle.Id, ct);
        if (!cycle.IsEditableBy(me.Role ?? ""))
        {
            Blocked = NominationMessages.CycleClosed(l, cycle.Year);
            return false;
        }

        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var cycleId = Cycle!.Id;
        var province = me.ProvinceCode ?? "";
        Categories = await db.Categories.AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryChoice(c.Id, c.Name, c.Kind))
            .ToListAsync(ct);
        if (Categories.Count == 0)
        {
            Blocked = l["Siklus {0} belum memiliki kategori yang aktif. Hubungi administrator portal.", Cycle.Year.ToString(CultureInfo.InvariantCulture)];
        }

        Category = Categories.FirstOrDefault(c => c.Id == Input.CategoryId);
        if (Input.OrganisationId is int organisationId)
        {
            var scope = await me.GetScopeAsync(ct);
            Employer = await Employers(scope)
                .Where(o => o.Id == organisationId)
                .AsChoices(db)
                .FirstOrDefaultAsync(ct);
        }

        Regencies = await db.RegenciesAndCities.AsNoTracking()
            .Where(r => r.ProvinceCode == province)
            .OrderBy(r => r.Code)
            .Select(r => new SelectListItem(r.Name, r.Code))
            .ToListAsync(ct);
        BranchOffices = await db.BranchOffices.AsNoTracking()
            .Where(b => b.ProvinceCode == province && b.IsActive)
            .OrderBy(b => b.Name)
            .Select(b => new SelectListItem(b.Name, b.Id.ToString()))
            .ToListAsync(ct);
        var provinceName = await db.Provinces.AsNoTracking().Where(p => p.Code == province).Select(p => p.Name).FirstOrDefaultAsync(ct);
        ProvinceGovernmentName = provinceName is null ? "" : GovernmentBodies.ProvinceName(provinceName);
    }

    private async Task SearchEmployersAsync(string search, int page, CancellationToken ct)
    {
        var pattern = TextSearch.ContainsPattern(search);
        var raw = search.Trim();
        var scope = await me.GetScopeAsync(ct);
        Matches = await Employers(scope)
            .Where(o => o.Npp == raw || EF.Functions.ILike(o.Npp!, pattern, @"\") || EF.Functions.ILike(o.Name, pattern, @"\"))
            .OrderBy(o => o.Npp == raw ? 0 : 1).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .AsChoices(db)
            .ToPagedListAsync(page, SearchPageSize, ct);
    }

    /// <summary>The employers the member may nominate: those of their province (their scope).</summary>
    private IQueryable<Organisation> Employers(Domain.Access.AccessScope scope) =>
        db.Organisations.AsNoTracking().InScope(scope).Where(o => o.Type == OrganisationType.Employer);
}

internal static class EmployerChoiceQueries
{
    public static IQueryable<CreateModel.EmployerChoice> AsChoices(this IQueryable<Organisation> organisations, ParitranaDbContext db) =>
        organisations.Select(o => new CreateModel.EmployerChoice(
            o.Id,
            o.Name,
            o.Npp,
            db.RegenciesAndCities.Where(r => r.Code == o.RegencyCode).Select(r => r.Name).FirstOrDefault(),
            o.SizeClass,
            o.LatestAsOf,
            o.LatestWorkers));
}
