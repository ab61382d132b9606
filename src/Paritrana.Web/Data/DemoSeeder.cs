using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Data;

/// <summary>
/// Demo data for <c>Demo:Enabled=true</c>: BPJamsostek offices of Bali and Jawa Tengah and one
/// account per role, all with the password of <c>Demo:Password</c>. Idempotent: what exists is
/// left alone, so seeding twice adds nothing.
/// </summary>
public sealed class DemoSeeder(
    ParitranaDbContext db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IConfiguration configuration,
    DemoAwardSeeder awards,
    DemoRegionalSeeder regional,
    DemoSelfAssessmentSeeder selfAssessments)
{
    public const string DefaultPassword = "Demo-Paritrana-2026";

    /// <summary>A demo account; a national juror's <paramref name="HomeProvince"/> is for the conflict rule only (docs/decisions/043); a candidate's representative belongs to the organisation named <paramref name="Organisation"/> (docs/decisions/049).</summary>
    public sealed record DemoAccount(string Email, string FullName, string Role, string? ProvinceCode, string? BranchName, string? HomeProvince = null, string? Organisation = null);

    public const string Banuspa = "Kanwil Bali, Nusa Tenggara dan Papua (Banuspa)";
    public const string JatengDiy = "Kanwil Jawa Tengah dan DI Yogyakarta";
    public const string Denpasar = "Kantor Cabang Denpasar";
    public const string Gianyar = "Kantor Cabang Gianyar";
    public const string Semarang = "Kantor Cabang Semarang Pemuda";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@paritrana.demo", "Admin Sekretariat Nasional", Roles.Administrator, null, null),
        new("ketua.bali@paritrana.demo", "I Made Ketua", Roles.CommitteeChair, "51", null),
        new("anggota.bali@paritrana.demo", "Ni Luh Anggota", Roles.CommitteeMember, "51", null),
        new("cabang.denpasar@paritrana.demo", "Petugas Kantor Cabang Denpasar", Roles.BranchOfficer, "51", Denpasar),
        new("cabang.gianyar@paritrana.demo", "Petugas Kantor Cabang Gianyar", Roles.BranchOfficer, "51", Gianyar),
        new("ketua.jateng@paritrana.demo", "Budi Ketua", Roles.CommitteeChair, "33", null),
        new("anggota.jateng@paritrana.demo", "Siti Anggota", Roles.CommitteeMember, "33", null),
        // Verifies Jawa Tengah's 2021 nominations (the Semarang branch covers Kota and Kabupaten Semarang).
        new("cabang.semarang@paritrana.demo", "Petugas Kantor Cabang Semarang Pemuda", Roles.BranchOfficer, "33", Semarang),
        // The national jury (issue 17): no province; juri1 comes from Bali and juri2 from Jawa Tengah, so
        // neither scores a candidate of their own province; juri3 has no home province.
        new("juri1@paritrana.demo", "Prof. Ketut Juri", Roles.NationalJuror, null, null, "51"),
        new("juri2@paritrana.demo", "Dr. Sri Juri", Roles.NationalJuror, null, null, "33"),
        new("juri3@paritrana.demo", "Andi Juri", Roles.NationalJuror, null, null),
        // Candidates' representatives (issue 18): no province; their organisation's own area only.
        new("kandidat.denpasar@paritrana.demo", "Kadek Perwakilan Denpasar", Roles.CandidateRepresentative, null, null, Organisation: "Pemerintah Kota Denpasar"),
        new("kandidat.kapitmas@paritrana.demo", "I Ketut Suardana", Roles.CandidateRepresentative, null, null, Organisation: "KAPIT MAS"),
    ];

    private static readonly (string Name, string Regional, string Province, string[] Areas)[] Branches =
    [
        // Bali: the Denpasar branch covers 5 regencies and cities, the Gianyar branch 4 (seed articles).
        (Denpasar, Banuspa, "51", ["51.71", "51.03", "51.02", "51.01", "51.08"]),
        (Gianyar, Banuspa, "51", ["51.04", "51.06", "51.05", "51.07"]),
        (Semarang, JatengDiy, "33", ["33.74", "33.22", "33.24", "33.73"]),
    ];

    /// <summary>
    /// When the demo accounts were created: before the 2021 cycle they take part in (its cards,
    /// plenary and frozen record, whose committee is the accounts that existed on 25 June 2021).
    /// </summary>
    public static readonly DateTimeOffset AccountsCreatedAt = new(2021, 1, 4, 1, 0, 0, TimeSpan.Zero);

    public string Password => configuration["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(roles);
        await SeedOfficesAsync(ct);
        await SeedAccountsAsync(candidates: false, ct);
        await awards.SeedAsync(ct);
        // Candidates' representatives belong to organisations, which the award's demo creates.
        await SeedAccountsAsync(candidates: true, ct);
        // Their answers to the coaching items addressed to them (docs/decisions/050).
        await awards.SeedCandidateAnswersAsync(ct);
        await selfAssessments.SeedAsync(ct);
        await regional.SeedAsync(Accounts[0].Email, ct);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roleManager)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }
    }

    private async Task SeedOfficesAsync(CancellationToken ct)
    {
        foreach (var name in new[] { Banuspa, JatengDiy })
        {
            if (!await db.RegionalOffices.AnyAsync(o => o.Name == name, ct))
            {
                db.RegionalOffices.Add(new RegionalOffice { Name = name });
            }
        }

        await db.SaveChangesAsync(ct);

        foreach (var (name, regional, province, areas) in Branches)
        {
            if (await db.BranchOffices.AnyAsync(b => b.Name == name, ct))
            {
                continue;
            }

            var regionalId = await db.RegionalOffices.Where(o => o.Name == regional).Select(o => o.Id).SingleAsync(ct);
            var taken = await db.BranchOfficeAreas.Where(a => areas.Contains(a.RegencyCode)).Select(a => a.RegencyCode).ToListAsync(ct);
            db.BranchOffices.Add(new BranchOffice
            {
                Name = name,
                RegionalOfficeId = regionalId,
                ProvinceCode = province,
                Areas = areas.Except(taken).Select(code => new BranchOfficeArea { RegencyCode = code }).ToList(),
            });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task SeedAccountsAsync(bool candidates, CancellationToken ct)
    {
        var branchIds = await db.BranchOffices.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        foreach (var account in Accounts.Where(a => (a.Organisation is not null) == candidates))
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.FullName,
                ProvinceCode = account.ProvinceCode,
                HomeProvinceCode = account.HomeProvince,
                BranchOfficeId = account.BranchName is null ? null : branchIds[account.BranchName],
                OrganisationId = account.Organisation is null ? null
                    : await db.Organisations.Where(o => o.Name == account.Organisation && o.IsDemo).Select(o => (int?)o.Id).SingleAsync(ct),
                CreatedAt = AccountsCreatedAt,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, Password), account.Email);
            Check(await users.AddToRoleAsync(user, account.Role), account.Email);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed for {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
