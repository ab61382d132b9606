using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Caching.Memory;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Offices;

/// <summary>
/// Creates (no id) or edits (with id) a branch office (Kantor Cabang) and the regencies and cities
/// it covers. The province is chosen first with a plain GET form (<c>?province=51</c>), which
/// loads that province's regencies and cities as checkboxes.
/// </summary>
public class BranchOfficeModel(
    ParitranaDbContext db,
    AuditTrail audit,
    IMemoryCache cache,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsNew => Id is null;

    public string? ProvinceName { get; private set; }

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RegionalOffices { get; private set; } = [];

    /// <summary>The regencies and cities of the chosen province; those another branch covers name it.</summary>
    public IReadOnlyList<RegencyChoice> Regencies { get; private set; } = [];

    public sealed record RegencyChoice(string Code, string Name, RegencyKind Kind, string? CoveredByOther);

    public sealed class InputModel
    {
        /// <summary>Set by the page from the route, never bound from the form.</summary>
        [BindNever]
        public int? Id { get; set; }

        [Display(Name = "Nama kantor cabang")]
        // Trimmed as it is bound; an empty field (bound as null) is kept as "". Required is the
        // validator's rule (with its Indonesian message), not MVC's implicit one (PortalServices).
        [AllowNull]
        public string Name { get; set => field = value?.Trim() ?? ""; } = "";

        [Display(Name = "Kantor wilayah")]
        public int? RegionalOfficeId { get; set; }

        [Display(Name = "Provinsi")]
        public string? ProvinceCode { get; set; }

        [Display(Name = "Aktif")]
        public bool IsActive { get; set; } = true;

        [Display(Name = "Kabupaten/kota yang dilayani")]
        public List<string> RegencyCodes { get; set => field = value.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList(); } = [];

        /// <summary>The row version (PostgreSQL xmin) the form was read at.</summary>
        public uint Version { get; set; }
    }

    public sealed class Validator : FactsValidator<InputModel>
    {
        private readonly RequestIds ids;

        public Validator(ParitranaDbContext db, RequestIds ids, IStringLocalizer<SharedResource> l)
        {
            this.ids = ids;
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Nama kantor cabang wajib diisi."])
                .MaximumLength(OfficeNames.MaxLength).WithMessage(_ => l["Nama kantor cabang paling banyak {0} karakter.", OfficeNames.MaxLength])
                .MustAsync(async (input, name, ct) => !await db.BranchOffices
                    .AnyAsync(b => b.Id != input.Id && EF.Functions.ILike(b.Name, OfficeNames.ExactPattern(name)), ct))
                .WithMessage(x => l["Kantor cabang dengan nama {0} sudah ada.", x.Name ?? ""]);

            RuleFor(x => x.RegionalOfficeId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Pilih kantor wilayah."])
                .MustAsync(async (id, ct) => await db.RegionalOffices.AnyAsync(o => o.Id == id, ct))
                .WithMessage(_ => l["Kantor wilayah yang dipilih tidak ada."]);

            RuleFor(x => x.ProvinceCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Pilih provinsi."])
                .MustAsync(async (code, ct) => await db.Provinces.AnyAsync(p => p.Code == code, ct))
                .WithMessage(_ => l["Provinsi yang dipilih tidak ada."])
                // An officer's province is part of their account: moving their branch would leave them seeing nothing.
                .MustAsync(async (input, code, ct) => input.Id is null || !await db.BranchOffices
                    .AnyAsync(b => b.Id == input.Id && b.ProvinceCode != code && db.Users.Any(u => u.BranchOfficeId == b.Id), ct))
                .WithMessage(_ => l["Provinsi kantor cabang ini tidak dapat diubah selama masih ada akun petugas yang terhubung dengannya."]);

            RuleFor(x => x.RegencyCodes).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Pilih sekurang-kurangnya satu kabupaten/kota yang dilayani."])
                .CustomAsync(async (codes, context, ct) =>
                {
                    var input = context.InstanceToValidate;
                    if (string.IsNullOrEmpty(input.ProvinceCode))
                    {
                        return;
                    }

                    var chosen = codes.Distinct(StringComparer.Ordinal).ToArray();
                    var found = await db.RegenciesAndCities.AsNoTracking()
                        .Where(r => chosen.Contains(r.Code))
                        .Select(r => new
                        {
                            r.Code,
                            r.Name,
                            r.ProvinceCode,
                            CoveredBy = db.BranchOffices
                                .Where(b => b.Id != input.Id && b.Areas.Any(a => a.RegencyCode == r.Code))
                                .Select(b => b.Name)
                                .FirstOrDefault(),
                        })
                        .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
                    foreach (var code in chosen.Order(StringComparer.Ordinal))
                    {
                        if (!found.TryGetValue(code, out var r) || r.ProvinceCode != input.ProvinceCode)
                        {
                            context.AddFailure(l["Kabupaten/kota {0} tidak berada di provinsi yang dipilih.", r is null ? code : $"{r.Name} ({r.Code})"]);
                        }
                        else if (r.CoveredBy is not null)
                        {
                            context.AddFailure(l["{0} sudah dilayani oleh {1}.", r.Name, r.CoveredBy]);
                        }
                    }
                });
        }

        /// <summary>The office being renamed (the route's id), left out of the uniqueness checks; none when adding.</summary>
        protected override Task<bool> ReadFactsAsync(InputModel input, CancellationToken ct)
        {
            input.Id = ids.Number("id");
            return Task.FromResult(true);
        }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? province, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var branch = await db.BranchOffices.AsNoTracking()
                .Where(b => b.Id == id)
                .Select(b => new InputModel
                {
                    Name = b.Name,
                    RegionalOfficeId = b.RegionalOfficeId,
                    ProvinceCode = b.ProvinceCode,
                    IsActive = b.IsActive,
                    Version = b.Version,
                    RegencyCodes = b.Areas.Select(a => a.RegencyCode).ToList(),
                })
                .FirstOrDefaultAsync(ct);
            if (branch is null)
            {
                return NotFound();
            }

            Input = branch;
        }

        if (!string.IsNullOrEmpty(province) && province != Input.ProvinceCode && await db.Provinces.AnyAsync(p => p.Code == province, ct))
        {
            Input.ProvinceCode = province;
            Input.RegencyCodes = [];
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Input.Id = id;

        BranchOffice? branch = null;
        if (id is not null)
        {
            branch = await db.BranchOffices.Include(b => b.Areas).FirstOrDefaultAsync(b => b.Id == id, ct);
            if (branch is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        try
        {
            if (branch is null)
            {
                await CreateAsync(ct);
                TempData["StatusMessage"] = l["Kantor cabang {0} telah ditambahkan.", Input.Name].Value;
                return RedirectToPage("/Admin/Offices/Index");
            }

            if (!await UpdateAsync(branch, ct))
            {
                TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
                return RedirectToPage("/Admin/Offices/Index");
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Kantor ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            await LoadChoicesAsync(ct);
            return Page();
        }
        catch (DbUpdateException e) when (OfficeNames.UniqueViolation(e) is OfficeNames.BranchOfficeNameIndex or OfficeNames.BranchAreaIndex)
        {
            // Another administrator saved the same name or took one of these regencies between the check and this save.
            db.ChangeTracker.Clear();
            if (OfficeNames.UniqueViolation(e) == OfficeNames.BranchOfficeNameIndex)
            {
                ModelState.AddModelError("Input.Name", l["Kantor cabang dengan nama {0} sudah ada.", Input.Name]);
            }
            else
            {
                ModelState.AddModelError("Input.RegencyCodes", l["Salah satu kabupaten/kota yang dipilih baru saja ditetapkan untuk kantor cabang lain. Periksa pilihan Anda lalu simpan lagi."]);
            }

            await LoadChoicesAsync(ct);
            return Page();
        }

        // Branch officers of this branch see their new coverage on their next request.
        cache.Remove(CurrentUser.BranchAreasCacheKey(branch.Id));
        TempData["StatusMessage"] = l["Kantor cabang {0} telah disimpan.", Input.Name].Value;
        return RedirectToPage("/Admin/Offices/Index");
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        var regionalOffice = await RegionalOfficeNameAsync(Input.RegionalOfficeId!.Value, ct);
        // The audit event names the new id, so the insert and the event share an explicit transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var branch = new BranchOffice
        {
            Name = Input.Name!,
            RegionalOfficeId = Input.RegionalOfficeId!.Value,
            ProvinceCode = Input.ProvinceCode!,
            IsActive = Input.IsActive,
            Areas = Input.RegencyCodes.Order(StringComparer.Ordinal).Select(code => new BranchOfficeArea { RegencyCode = code }).ToList(),
        };
        db.BranchOffices.Add(branch);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditActions.BranchOfficeCreated, "branch-office", branch.Id.ToString(CultureInfo.InvariantCulture), branch.ProvinceCode,
            AuditDetails.Of(("name", $"'{branch.Name}'"), ("regional office", $"'{regionalOffice}'"), ("province", branch.ProvinceCode), ("active", Flag(branch.IsActive)), ("areas", Codes(Input.RegencyCodes))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Applies the input to the tracked branch and saves it in one SaveChanges; false when nothing changed.</summary>
    private async Task<bool> UpdateAsync(BranchOffice branch, CancellationToken ct)
    {
        var changes = new List<string>();
        if (branch.Name != Input.Name)
        {
            changes.Add($"name: '{branch.Name}' -> '{Input.Name}'");
        }

        var regionalOfficeId = Input.RegionalOfficeId!.Value;
        if (branch.RegionalOfficeId != regionalOfficeId)
        {
            changes.Add($"regional office: '{await RegionalOfficeNameAsync(branch.RegionalOfficeId, ct)}' -> '{await RegionalOfficeNameAsync(regionalOfficeId, ct)}'");
        }

        if (branch.ProvinceCode != Input.ProvinceCode)
        {
            changes.Add($"province: {branch.ProvinceCode} -> {Input.ProvinceCode}");
        }

        if (branch.IsActive != Input.IsActive)
        {
            changes.Add($"active: {Flag(branch.IsActive)} -> {Flag(Input.IsActive)}");
        }

        var wanted = Input.RegencyCodes.ToHashSet(StringComparer.Ordinal);
        var removed = branch.Areas.Where(a => !wanted.Contains(a.RegencyCode)).ToList();
        var added = wanted.Except(branch.Areas.Select(a => a.RegencyCode), StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            changes.Add($"areas added: {Codes(added)}");
        }

        if (removed.Count > 0)
        {
            changes.Add($"areas removed: {Codes(removed.Select(a => a.RegencyCode))}");
        }

        if (changes.Count == 0)
        {
            return false;
        }

        branch.Name = Input.Name!;
        branch.RegionalOfficeId = regionalOfficeId;
        branch.ProvinceCode = Input.ProvinceCode!;
        branch.IsActive = Input.IsActive;
        db.BranchOfficeAreas.RemoveRange(removed);
        foreach (var code in added)
        {
            branch.Areas.Add(new BranchOfficeArea { RegencyCode = code });
        }

        // The version the form was read at is what the UPDATE checks; the branch row is always
        // updated (also when only its coverage changed) so that a concurrent edit is always detected.
        var entry = db.Entry(branch);
        entry.Property(b => b.Version).OriginalValue = Input.Version;
        entry.Property(b => b.Name).IsModified = true;
        audit.Record(AuditActions.BranchOfficeUpdated, "branch-office", branch.Id.ToString(CultureInfo.InvariantCulture), branch.ProvinceCode, AuditDetails.Texts(changes));
        // One SaveChanges, one transaction: the row, the whole coverage set and the audit event together.
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<string> RegionalOfficeNameAsync(int id, CancellationToken ct) =>
        await db.RegionalOffices.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstAsync(ct);

    private static string Flag(bool value) => value ? "yes" : "no";

    private static string Codes(IEnumerable<string> codes) => string.Join(",", codes.Order(StringComparer.Ordinal));

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        Provinces = provinces.Select(p => new SelectListItem(p.Name, p.Code)).ToList();
        ProvinceName = provinces.FirstOrDefault(p => p.Code == Input.ProvinceCode)?.Name;
        RegionalOffices = await db.RegionalOffices.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(ct);

        var province = Input.ProvinceCode;
        var self = Id;
        Regencies = string.IsNullOrEmpty(province)
            ? []
            : await db.RegenciesAndCities.AsNoTracking()
                .Where(r => r.ProvinceCode == province)
                .OrderBy(r => r.Code)
                .Select(r => new RegencyChoice(
                    r.Code,
                    r.Name,
                    r.Kind,
                    db.BranchOffices.Where(b => b.Id != self && b.Areas.Any(a => a.RegencyCode == r.Code)).Select(b => b.Name).FirstOrDefault()))
                .ToListAsync(ct);
    }
}
