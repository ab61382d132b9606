using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>What the create and edit forms of an account both carry.</summary>
public interface IAccountInput
{
    /// <summary>The account being edited (null when creating), so its own e-mail is not a duplicate.</summary>
    Guid? AccountId { get; }
    string? FullName { get; }
    string? Email { get; }
    string? Role { get; }
    string? ProvinceCode { get; }
    int? BranchOfficeId { get; }
}

/// <summary>The fields both account forms carry (<see cref="IAccountInput"/>), with their labels.</summary>
public abstract class AccountFields
{
        [Display(Name = "Nama lengkap")]
        public string? FullName { get; set; }

        [Display(Name = "Alamat surel")]
        public string? Email { get; set; }

        [Display(Name = "Peran")]
        public string? Role { get; set; }

        [Display(Name = "Provinsi")]
        public string? ProvinceCode { get; set; }

        [Display(Name = "Kantor cabang")]
        public int? BranchOfficeId { get; set; }
}

/// <summary>
/// The rules of an account's name, e-mail, role and place, shared by Create and Edit: a provincial
/// role needs a province, the administrator has none; only a branch officer has a branch office,
/// and it lies in the chosen province.
/// </summary>
public sealed class AccountRules : AbstractValidator<IAccountInput>
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;

    public AccountRules(IStringLocalizer<SharedResource> l, ParitranaDbContext db, ILookupNormalizer normalizer)
    {
        RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Nama lengkap wajib diisi."])
            .MaximumLength(MaxNameLength).WithMessage(_ => l["Nama lengkap paling banyak {0} karakter.", MaxNameLength]);

        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Alamat surel wajib diisi."])
            .MaximumLength(MaxEmailLength).WithMessage(_ => l["Alamat surel paling banyak {0} karakter.", MaxEmailLength])
            .EmailAddress().WithMessage(x => l["Alamat surel '{0}' tidak valid.", x.Email ?? ""])
            .MustAsync(async (x, email, ct) =>
            {
                var normalized = normalizer.NormalizeEmail(email!.Trim());
                var self = x.AccountId ?? Guid.Empty;
                return !await db.Users.AnyAsync(u => (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized) && u.Id != self, ct);
            })
            .WithMessage(x => l["Alamat surel {0} sudah dipakai akun lain.", x.Email?.Trim() ?? ""]);

        RuleFor(x => x.Role)
            .Must(r => r is not null && Roles.Assignable.Contains(r)).WithMessage(_ => l["Pilih peran akun."]);

        When(x => x.Role is not null && Roles.IsProvincial(x.Role), () =>
            RuleFor(x => x.ProvinceCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Provinsi wajib dipilih untuk peran ini."])
                .MustAsync((code, ct) => db.Provinces.AnyAsync(p => p.Code == code, ct)).WithMessage(_ => l["Provinsi tidak dikenal."]));

        When(x => x.Role == Roles.NationalJuror && !string.IsNullOrEmpty(x.ProvinceCode), () =>
            RuleFor(x => x.ProvinceCode)
                .MustAsync((code, ct) => db.Provinces.AnyAsync(p => p.Code == code, ct)).WithMessage(_ => l["Provinsi tidak dikenal."]));

        When(x => x.Role == Roles.Administrator, () =>
            RuleFor(x => x.ProvinceCode)
                .Empty().WithMessage(_ => l["Administrator berlaku nasional; kosongkan pilihan provinsi."]));

        When(x => x.Role == Roles.BranchOfficer, () =>
            RuleFor(x => x.BranchOfficeId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Kantor cabang wajib dipilih untuk Petugas Kantor Cabang."])
                .MustAsync(async (x, id, ct) =>
                    string.IsNullOrEmpty(x.ProvinceCode)
                    || await db.BranchOffices.AnyAsync(b => b.Id == id && b.ProvinceCode == x.ProvinceCode, ct))
                .WithMessage(_ => l["Kantor cabang ini tidak berada di provinsi yang dipilih."]))
            .Otherwise(() =>
                RuleFor(x => x.BranchOfficeId)
                    .Null().WithMessage(_ => l["Kantor cabang hanya diisi untuk Petugas Kantor Cabang; kosongkan pilihan kantor cabang."]));
    }

    /// <summary>E-mail addresses are identifiers: stored trimmed and in lower case.</summary>
    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>Where an Identity error belongs on an account form.</summary>
    public static string FieldOf(IdentityError error, string passwordField) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "Input.Email",
        nameof(IdentityErrorDescriber.ConcurrencyFailure) or nameof(IdentityErrorDescriber.DefaultError)
            or nameof(IdentityErrorDescriber.UserAlreadyInRole) => "",
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == Accounts.CommonPasswordValidator.ErrorCode => passwordField,
        _ => "",
    };

    /// <summary>Adds Identity's errors beside their fields, once each (user name and e-mail are the same address).</summary>
    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IdentityResult result, string passwordField)
    {
        foreach (var error in result.Errors.DistinctBy(e => e.Description))
        {
            modelState.AddModelError(FieldOf(error, passwordField), error.Description);
        }
    }
}

/// <summary>The choices of the account forms: roles, the 38 provinces, branch offices grouped by province.</summary>
public sealed class AccountOptions
{
    public IReadOnlyList<SelectListItem> Roles { get; private init; } = [];
    public IReadOnlyList<SelectListItem> Provinces { get; private init; } = [];
    /// <summary>Every branch office with its province: the form offers only those of the chosen province (_BranchOfficeSelect).</summary>
    public IReadOnlyList<BranchChoice> BranchOffices { get; private init; } = [];

    public sealed record BranchChoice(string Id, string Label, string ProvinceCode, string ProvinceName);

    public static async Task<AccountOptions> LoadAsync(ParitranaDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var provinces = await db.Provinces.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name })
            .ToListAsync(ct);
        var branches = await db.BranchOffices.AsNoTracking()
            .OrderBy(b => b.ProvinceCode).ThenBy(b => b.Name)
            .Select(b => new { b.Id, b.Name, b.ProvinceCode, b.IsActive })
            .ToListAsync(ct);

        var names = provinces.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        return new AccountOptions
        {
            Roles = Domain.Access.Roles.Assignable
                .Select(r => new SelectListItem(l[RoleNames.Of(r)], r))
                .ToList(),
            Provinces = provinces
                .Select(p => new SelectListItem(p.Name, p.Code))
                .ToList(),
            BranchOffices = branches
                .Select(b => new BranchChoice(
                    b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    b.IsActive ? b.Name : l["{0} (nonaktif)", b.Name].Value,
                    b.ProvinceCode,
                    names.GetValueOrDefault(b.ProvinceCode, b.ProvinceCode)))
                .ToList(),
        };
    }
}
