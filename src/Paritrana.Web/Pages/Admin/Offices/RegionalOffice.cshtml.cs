using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Offices;

/// <summary>Creates (no id) or renames (with id) a BPJamsostek regional office (Kanwil).</summary>
public class RegionalOfficeModel(
    ParitranaDbContext db,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsNew => Id is null;

    public sealed class InputModel
    {
        /// <summary>Set by the page from the route, never bound from the form.</summary>
        [BindNever]
        public int? Id { get; set; }

        [Display(Name = "Nama kantor wilayah")]
        // Trimmed as it is bound; an empty field (bound as null) is kept as "". Required is the
        // validator's rule (with its Indonesian message), not MVC's implicit one (PortalServices).
        [AllowNull]
        public string Name { get; set => field = value?.Trim() ?? ""; } = "";

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
                .NotEmpty().WithMessage(_ => l["Nama kantor wilayah wajib diisi."])
                .MaximumLength(OfficeNames.MaxLength).WithMessage(_ => l["Nama kantor wilayah paling banyak {0} karakter.", OfficeNames.MaxLength])
                .MustAsync(async (input, name, ct) => !await db.RegionalOffices
                    .AnyAsync(o => o.Id != input.Id && EF.Functions.ILike(o.Name, OfficeNames.ExactPattern(name)), ct))
                .WithMessage(x => l["Kantor wilayah dengan nama {0} sudah ada.", x.Name ?? ""]);
        }

        /// <summary>The office being renamed (the route's id), left out of the uniqueness checks; none when adding.</summary>
        protected override Task<bool> ReadFactsAsync(InputModel input, CancellationToken ct)
        {
            input.Id = ids.Number("id");
            return Task.FromResult(true);
        }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }

        var office = await db.RegionalOffices.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new InputModel { Name = o.Name, Version = o.Version })
            .FirstOrDefaultAsync(ct);
        if (office is null)
        {
            return NotFound();
        }

        Input = office;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Input.Id = id;

        RegionalOffice? office = null;
        if (id is not null)
        {
            office = await db.RegionalOffices.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (office is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (office is null)
            {
                await CreateAsync(ct);
            }
            else if (office.Name == Input.Name)
            {
                TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
                return RedirectToPage("/Admin/Offices/Index");
            }
            else
            {
                var details = AuditDetails.Of(("name", $"'{office.Name}' -> '{Input.Name}'"));
                db.Entry(office).Property(o => o.Version).OriginalValue = Input.Version;
                office.Name = Input.Name!;
                audit.Record(AuditActions.RegionalOfficeUpdated, "regional-office", office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: details);
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Kantor ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }
        catch (DbUpdateException e) when (OfficeNames.UniqueViolation(e) == OfficeNames.RegionalOfficeNameIndex)
        {
            // Another administrator saved the same name between the check and this save.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", l["Kantor wilayah dengan nama {0} sudah ada.", Input.Name]);
            return Page();
        }

        TempData["StatusMessage"] = (IsNew
            ? l["Kantor wilayah {0} telah ditambahkan.", Input.Name]
            : l["Kantor wilayah {0} telah disimpan.", Input.Name]).Value;
        return RedirectToPage("/Admin/Offices/Index");
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        // The audit event names the new id, so the insert and the event share an explicit transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var office = new RegionalOffice { Name = Input.Name! };
        db.RegionalOffices.Add(office);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditActions.RegionalOfficeCreated, "regional-office", office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: AuditDetails.Of(("name", $"'{office.Name}'")));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
