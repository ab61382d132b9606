using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Regions;
using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Data;

/// <summary>
/// The award part of the demo (<c>Demo:Enabled=true</c>), run by <see cref="DemoSeeder"/> after the
/// offices and accounts: cycles 2025 (current) and 2021 (closed, history) with the default
/// categories; Bali's candidates from the brief and a few in Jawa Tengah; about 300 generated
/// employers (deterministic, fixed random seed) over the regencies of the three demo branches, each
/// with two as-of dates of coverage figures; and nominations whose status history went through the
/// workflow step by step, taken by the demo accounts; Bali's 2021 scoring and plenary behind its
/// finalists (DemoAwardSeeder.History.cs), the field work of 2025 (DemoAwardSeeder.FieldWork.cs) and
/// Bali's 2025 scoring round in progress (DemoAwardSeeder.Current.cs).
/// Idempotent: everything is looked up by its natural key (year, category code, NPP, government per
/// region, nomination per organisation and cycle, rounds and plenary per province and cycle, visit
/// and coaching item per nomination and text) and only what is missing is added, all in one transaction.
/// What is added gets the audit events the portal writes for the same actions (status changes, cards
/// saved and submitted, the 2025 round opened, the plenary, visits and coaching items), for the demo
/// user and at the seeded time, so that the timelines and the audit log read them as they read the
/// portal's own. Set-up done by the administrator (cycles, criteria, rounds, assignments) and the
/// creation of nominations have none.
/// </summary>
public sealed partial class DemoAwardSeeder(ParitranaDbContext db, TimeProvider clock)
{
    public const int CurrentYear = 2025;
    public const int HistoryYear = 2021;
    public const int GeneratedEmployerCount = 300;

    /// <summary>The generator's seed: the same seed gives the same employers on every machine.</summary>
    public const int RandomSeed = 20250101;

    public static readonly DateOnly EarlierAsOf = new(2024, 6, 30);
    public static readonly DateOnly LatestAsOf = new(2024, 12, 31);

    // Demo accounts (DemoSeeder.Accounts) that take the workflow steps.
    private const string MemberBali = "anggota.bali@paritrana.demo";
    private const string ChairBali = "ketua.bali@paritrana.demo";
    private const string OfficerDenpasar = "cabang.denpasar@paritrana.demo";
    private const string MemberJateng = "anggota.jateng@paritrana.demo";

    /// <summary>The regencies and cities covered by the three demo branch offices (DemoSeeder).</summary>
    public static readonly IReadOnlyList<string> DemoRegencies =
        ["51.71", "51.03", "51.02", "51.01", "51.08", "51.04", "51.06", "51.05", "51.07", "33.74", "33.22", "33.24", "33.73"];

    private sealed record Figures(int Workers, int Pu, int Bpu, Programs Programs, int ArrearsMonths);

    private sealed record NamedEmployer(
        string Npp, string Name, string RegencyCode, string Branch, SizeClass Size, string Sector, string Address,
        string ContactName, string ContactEmail, Figures Earlier, Figures Latest);

    private sealed record DemoUser(Guid Id, string FullName, string Role, string Email);

    public static readonly IReadOnlyList<(string Province, string? Regency, string Name)> Governments =
    [
        ("51", null, "Pemerintah Provinsi Bali"),
        ("51", "51.71", "Pemerintah Kota Denpasar"),
        ("51", "51.03", "Pemerintah Kabupaten Badung"),
        ("51", "51.02", "Pemerintah Kabupaten Tabanan"),
        ("51", "51.08", "Pemerintah Kabupaten Buleleng"),
        ("51", "51.01", "Pemerintah Kabupaten Jembrana"),
        ("33", null, "Pemerintah Provinsi Jawa Tengah"),
        ("33", "33.74", "Pemerintah Kota Semarang"),
    ];

    public const string BankBpdBaliNpp = "51710001";
    public const string KapitMasNpp = "51030001";
    public const string BantenMakersNpp = "51040001";
    public const string TekstilUngaranNpp = "33220001";

    // Two generated employers (EmployerGenerator, fixed seed) that Bali nominated in 2021 beside the
    // finalists and did not shortlist: a second large company and a second medium one.
    public const string JayaMerthaMedikaNpp = "51031235";
    public const string MandalaSegaraKargoNpp = "51711040";
    private static readonly string[] HistoryOnlyNpps = [JayaMerthaMedikaNpp, MandalaSegaraKargoNpp];

    private static readonly Programs Full = Programs.All;
    private static readonly Programs Basic = Programs.Jkk | Programs.Jkm;
    private static readonly Programs Savings = Programs.Jkk | Programs.Jkm | Programs.Jht;

    private static readonly IReadOnlyList<NamedEmployer> NamedEmployers =
    [
        new(BankBpdBaliNpp, "Bank BPD Bali", "51.71", DemoSeeder.Denpasar, SizeClass.Large, "Jasa keuangan dan asuransi",
            "Jl. Raya Puputan, Niti Mandala, Renon, Denpasar", "Ni Made Sri Wahyuni (Divisi SDM)", "sdm@bankbpdbali.demo",
            new(2120, 2120, 0, Full, 0), new(2150, 2150, 0, Full, 0)),
        new(KapitMasNpp, "KAPIT MAS", "51.03", DemoSeeder.Denpasar, SizeClass.Medium, "Perdagangan besar dan eceran",
            "Jl. Raya Kuta, Kuta, Badung", "I Ketut Suardana (Personalia)", "personalia@kapitmas.demo",
            new(172, 165, 0, Full, 0), new(180, 176, 0, Full, 0)),
        new(BantenMakersNpp, "Kelompok Usaha Perajin Banten Sari Gianyar", "51.04", DemoSeeder.Gianyar, SizeClass.Micro, "Industri pengolahan",
            "Banjar Teges Kanginan, Peliatan, Ubud, Gianyar", "Ni Ketut Sari (Ketua Kelompok)", "bantensari@contoh.demo",
            new(9, 0, 6, Basic, 1), new(9, 0, 8, Basic, 0)),
        new("51050001", "CV Tenun Endek Sari Klungkung", "51.05", DemoSeeder.Gianyar, SizeClass.Small, "Industri pengolahan",
            "Jl. Gunung Rinjani, Semarapura, Klungkung", "I Nyoman Astawa", "tenunendek@contoh.demo",
            new(22, 15, 0, Savings, 2), new(24, 18, 0, Savings, 1)),
        new("51060001", "CV Kopi Kintamani Lestari", "51.06", DemoSeeder.Gianyar, SizeClass.Small, "Industri pengolahan",
            "Desa Catur, Kintamani, Bangli", "I Wayan Sudarma", "kopikintamani@contoh.demo",
            new(28, 25, 0, Savings | Programs.Jp, 0), new(31, 27, 0, Savings | Programs.Jp, 0)),
        new("51020001", "UD Bersih Asri Laundry Tabanan", "51.02", DemoSeeder.Denpasar, SizeClass.Micro, "Jasa lainnya",
            "Jl. Gajah Mada, Tabanan", "Ni Luh Putu Ariani", "bersihasri@contoh.demo",
            new(6, 3, 0, Basic, 3), new(6, 4, 0, Basic, 2)),
        new(TekstilUngaranNpp, "PT Tekstil Ungaran Raya", "33.22", DemoSeeder.Semarang, SizeClass.Large, "Industri pengolahan",
            "Jl. Raya Semarang–Bawen Km 21, Ungaran, Kabupaten Semarang", "Sri Wulandari (HRD)", "hrd@tekstilungaran.demo",
            new(1810, 1760, 0, Full, 0), new(1840, 1795, 0, Full, 0)),
        new("33740001", "PT Logistik Tanjung Emas Mandiri", "33.74", DemoSeeder.Semarang, SizeClass.Medium, "Transportasi dan pergudangan",
            "Jl. Coaster, Tanjung Emas, Semarang Utara, Kota Semarang", "Agus Prasetyo", "sdm@logistiktanjungemas.demo",
            new(138, 130, 0, Full, 0), new(142, 138, 0, Full, 0)),
        new("33740002", "CV Batik Semarangan Lestari", "33.74", DemoSeeder.Semarang, SizeClass.Small, "Industri pengolahan",
            "Kampung Batik, Rejomulyo, Semarang Timur, Kota Semarang", "Rina Setiawati", "batiksemarangan@contoh.demo",
            new(20, 12, 0, Savings, 4), new(22, 15, 0, Savings, 3)),
    ];

    private readonly DateTimeOffset _now = clock.GetUtcNow();

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cycles = await SeedCyclesAsync(ct);
        await SeedGovernmentsAsync(ct);
        await SeedNamedEmployersAsync(ct);
        await SeedGeneratedEmployersAsync(ct);
        await SeedNominationsAsync(cycles, ct);
        await SeedHistoryScoringAsync(cycles[HistoryYear], ct);
        await SeedFieldWorkAsync(cycles[CurrentYear], ct);
        await SeedCurrentScoringAsync(cycles[CurrentYear], ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    // ------------------------------------------------------------------ cycles

    private async Task<Dictionary<int, int>> SeedCyclesAsync(CancellationToken ct)
    {
        var plans = new (int Year, bool Closed, string Notes, (StageKind Stage, DateOnly Start, DateOnly End)[] Stages)[]
        {
            (HistoryYear, true, "Siklus demo (riwayat): menilai tahun 2020. Pemerintah Provinsi Bali, Bank BPD Bali dan KAPIT MAS menjadi finalis dan diteruskan ke tingkat nasional.",
            [
                (StageKind.Nomination, new(2021, 2, 1), new(2021, 3, 31)),
                (StageKind.Verification, new(2021, 2, 15), new(2021, 4, 30)),
                (StageKind.FieldAssessment, new(2021, 4, 5), new(2021, 5, 28)),
                (StageKind.Scoring, new(2021, 5, 17), new(2021, 6, 18)),
                (StageKind.Plenary, new(2021, 6, 25), new(2021, 6, 25)),
                (StageKind.Forwarding, new(2021, 7, 5), new(2021, 7, 30)),
            ]),
            (CurrentYear, false, "Siklus demo: menilai tahun 2024 (1 Januari–31 Desember 2024).",
            [
                (StageKind.Nomination, new(2025, 1, 13), new(2025, 3, 28)),
                (StageKind.Verification, new(2025, 2, 3), new(2025, 4, 18)),
                (StageKind.FieldAssessment, new(2025, 4, 7), new(2025, 6, 13)),
                (StageKind.Scoring, new(2025, 6, 2), new(2025, 7, 4)),
                (StageKind.Plenary, new(2025, 7, 14), new(2025, 7, 14)),
                (StageKind.Forwarding, new(2025, 7, 21), new(2025, 8, 29)),
            ]),
        };

        foreach (var plan in plans)
        {
            if (await db.AwardCycles.AnyAsync(c => c.Year == plan.Year, ct))
            {
                continue;
            }

            // The demo's 2025 becomes current only when no other cycle is (an administrator's choice wins).
            var makeCurrent = plan.Year == CurrentYear && !await db.AwardCycles.AnyAsync(c => c.IsCurrent, ct);
            db.AwardCycles.Add(new AwardCycle
            {
                Year = plan.Year,
                Notes = plan.Notes,
                IsCurrent = makeCurrent,
                IsClosed = plan.Closed,
                CreatedAt = _now,
                Stages = plan.Stages.Select(s => new CycleStage { Stage = s.Stage, StartsOn = s.Start, EndsOn = s.End }).ToList(),
                Categories = CycleRules.DefaultCategories(CycleRules.DefaultActiveCodes),
            });
            await db.SaveChangesAsync(ct);
        }

        return await db.AwardCycles.AsNoTracking().Where(c => c.Year == HistoryYear || c.Year == CurrentYear).ToDictionaryAsync(c => c.Year, c => c.Id, ct);
    }

    // ------------------------------------------------------------------ organisations

    private async Task SeedGovernmentsAsync(CancellationToken ct)
    {
        foreach (var (province, regency, name) in Governments)
        {
            var level = regency is null ? GovernmentLevel.Province : GovernmentLevel.RegencyOrCity;
            if (await db.Organisations.AnyAsync(o => o.ProvinceCode == province && o.RegencyCode == regency && o.GovernmentLevel == level, ct))
            {
                continue;
            }

            db.Organisations.Add(new Organisation
            {
                Type = OrganisationType.Government,
                GovernmentLevel = level,
                Name = name,
                ProvinceCode = province,
                RegencyCode = regency,
                IsDemo = true,
                CreatedAt = _now,
                UpdatedAt = _now,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedNamedEmployersAsync(CancellationToken ct)
    {
        var npps = NamedEmployers.Select(e => e.Npp).ToList();
        var existing = await db.Organisations.Where(o => o.Npp != null && npps.Contains(o.Npp)).Select(o => o.Npp!).ToListAsync(ct);
        var branches = await db.BranchOffices.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        var added = NamedEmployers.Where(e => !existing.Contains(e.Npp))
            .Select(e => (Employer(e.Npp, e.Name, e.RegencyCode, branches.TryGetValue(e.Branch, out var b) ? b : null, e.Size, e.Sector, e.Address,
                e.ContactName, e.ContactEmail, e.Latest), e.Earlier, e.Latest))
            .ToList();
        await SaveEmployersAsync(added, ct);
    }

    /// <summary>
    /// Generated employers over the demo branches' regencies: realistic names, sizes, sectors and
    /// figures from a fixed seed. The whole list is generated every time (so it is the same list),
    /// and only the NPPs not stored yet are added.
    /// </summary>
    private async Task SeedGeneratedEmployersAsync(CancellationToken ct)
    {
        var generated = EmployerGenerator.Generate(GeneratedEmployerCount, RandomSeed, DemoRegencies);
        var npps = generated.Select(g => g.Npp).ToList();
        var existing = (await db.Organisations.Where(o => o.Npp != null && npps.Contains(o.Npp)).Select(o => o.Npp!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (existing.Count == generated.Count)
        {
            return;
        }

        var branchOf = await db.BranchOfficeAreas.AsNoTracking()
            .Where(a => DemoRegencies.Contains(a.RegencyCode))
            .ToDictionaryAsync(a => a.RegencyCode, a => a.BranchOfficeId, ct);
        var regencyNames = await db.RegenciesAndCities.AsNoTracking()
            .Where(r => DemoRegencies.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var added = generated.Where(g => !existing.Contains(g.Npp))
            .Select(g => (Employer(g.Npp, g.Name, g.RegencyCode, branchOf.TryGetValue(g.RegencyCode, out var b) ? b : null, g.Size, g.Sector,
                $"{g.Street}, {RegionShortName(regencyNames.GetValueOrDefault(g.RegencyCode, g.RegencyCode))}", g.ContactName, null,
                ToFigures(g.Latest)), ToFigures(g.Earlier), ToFigures(g.Latest)))
            .ToList();
        await SaveEmployersAsync(added, ct);
    }

    private static Figures ToFigures(EmployerGenerator.Figures f) => new(f.Workers, f.Pu, f.Bpu, f.Programs, f.ArrearsMonths);

    /// <summary>"Kota Denpasar" → "Denpasar", "Kabupaten Badung" → "Badung" (for addresses).</summary>
    private static string RegionShortName(string name) =>
        name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? name["Kabupaten ".Length..]
        : name.StartsWith("Kota ", StringComparison.Ordinal) ? name["Kota ".Length..]
        : name;

    private Organisation Employer(
        string npp, string name, string regencyCode, int? branchId, SizeClass size, string sector, string? address,
        string? contactName, string? contactEmail, Figures latest) => new()
        {
            Type = OrganisationType.Employer,
            Name = name,
            ProvinceCode = regencyCode[..2],
            RegencyCode = regencyCode,
            Npp = npp,
            BranchOfficeId = branchId,
            SizeClass = size,
            Sector = sector,
            Address = address,
            ContactName = contactName,
            ContactEmail = contactEmail,
            // organisations.latest_* carry the newest as-of date, as the import keeps them.
            LatestAsOf = LatestAsOf,
            LatestWorkers = latest.Workers,
            LatestParticipantsPu = latest.Pu,
            LatestParticipantsBpu = latest.Bpu,
            LatestPrograms = latest.Programs,
            LatestArrearsMonths = latest.ArrearsMonths,
            IsDemo = true,
            CreatedAt = _now,
            UpdatedAt = _now,
        };

    /// <summary>Saves the employers, then their two as-of dates of figures (which need the new ids).</summary>
    private async Task SaveEmployersAsync(List<(Organisation Employer, Figures Earlier, Figures Latest)> employers, CancellationToken ct)
    {
        if (employers.Count == 0)
        {
            return;
        }

        db.Organisations.AddRange(employers.Select(e => e.Employer));
        await db.SaveChangesAsync(ct);
        foreach (var (employer, earlier, latest) in employers)
        {
            // Recorded as the demo's two imports would have been: mid-July 2024 and mid-January 2025.
            db.CoverageFigures.Add(Figure(employer.Id, EarlierAsOf, earlier, Utc(2024, 7, 15, 10, 0)));
            db.CoverageFigures.Add(Figure(employer.Id, LatestAsOf, latest, Utc(2025, 1, 15, 10, 0)));
        }

        await db.SaveChangesAsync(ct);
    }

    private static CoverageFigures Figure(int organisationId, DateOnly asOf, Figures f, DateTimeOffset recordedAt) => new()
    {
        OrganisationId = organisationId,
        AsOf = asOf,
        Workers = f.Workers,
        ParticipantsPu = f.Pu,
        ParticipantsBpu = f.Bpu,
        Programs = f.Programs,
        ArrearsMonths = f.ArrearsMonths,
        RecordedAt = recordedAt,
    };

    /// <summary>A moment given in WIB, as the UTC value PostgreSQL stores.</summary>
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>A wall-clock time in Bali (WITA), as the visit pages read what the committee types.</summary>
    private static DateTimeOffset Wita(int year, int month, int day, int hour, int minute) =>
        ProvinceTime.FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), "51");

    // ------------------------------------------------------------------ nominations

    /// <summary>What a demo nomination looks like and which workflow steps it went through.</summary>
    private sealed record Plan(
        int Year,
        string CategoryCode,
        Func<Organisation, bool> Organisation,
        string Branch,
        string CreatedBy,
        DateTimeOffset CreatedAt,
        Action<Nomination> Fill,
        (NominationAction Action, string User, DateTimeOffset At, string? Reason)[] Steps);

    private async Task SeedNominationsAsync(Dictionary<int, int> cycles, CancellationToken ct)
    {
        var users = await LoadUsersAsync(ct);
        var cycleIds = cycles.Values.ToList();
        var categories = await db.Categories.AsNoTracking()
            .Where(c => cycleIds.Contains(c.CycleId))
            .ToDictionaryAsync(c => (c.CycleId, c.Code), c => c.Id, ct);
        var provinces = Governments.Select(g => g.Province).Distinct().ToList();
        var npps = NamedEmployers.Select(e => e.Npp).Concat(HistoryOnlyNpps).ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => (o.Type == OrganisationType.Government && provinces.Contains(o.ProvinceCode)
                    && (o.GovernmentLevel == GovernmentLevel.Province || o.GovernmentLevel == GovernmentLevel.RegencyOrCity))
                || (o.Npp != null && npps.Contains(o.Npp)))
            .ToListAsync(ct);
        var branches = await db.BranchOffices.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        var existing = (await db.Nominations.AsNoTracking().Where(n => cycleIds.Contains(n.CycleId)).Select(n => new { n.CycleId, n.OrganisationId }).ToListAsync(ct))
            .Select(n => (n.CycleId, n.OrganisationId)).ToHashSet();
        var added = new List<Nomination>();

        foreach (var plan in Plans())
        {
            var organisation = organisations.Single(plan.Organisation);
            var cycleId = cycles[plan.Year];
            if (existing.Contains((cycleId, organisation.Id)))
            {
                continue;
            }

            var nomination = new Nomination
            {
                CycleId = cycleId,
                CategoryId = categories[(cycleId, plan.CategoryCode)],
                OrganisationId = organisation.Id,
                ProvinceCode = organisation.ProvinceCode,
                RegencyCode = organisation.RegencyCode,
                BranchOfficeId = branches.TryGetValue(plan.Branch, out var branch) ? branch : null,
                CreatedBy = users[plan.CreatedBy].Id,
                CreatedAt = plan.CreatedAt,
                UpdatedAt = plan.CreatedAt,
            };
            if (organisation.Type == OrganisationType.Employer)
            {
                // Prefilled from the import, as the nomination form does; the 2021 history sets its own figures.
                SetEmployerFigures(nomination, organisation.LatestAsOf, organisation.LatestWorkers, organisation.LatestParticipantsPu,
                    organisation.LatestParticipantsBpu, organisation.LatestPrograms, organisation.LatestArrearsMonths);
            }

            plan.Fill(nomination);
            foreach (var (action, user, at, reason) in plan.Steps)
            {
                Step(nomination, action, users[user], at, reason);
            }

            db.Nominations.Add(nomination);
            added.Add(nomination);
        }

        await db.SaveChangesAsync(ct);

        // Each step's audit event, as NominationTransitions writes it (the ids are known now).
        var byId = users.Values.ToDictionary(u => u.Id);
        foreach (var n in added)
        {
            foreach (var change in n.StatusChanges.OrderBy(s => s.At))
            {
                Audit(AuditActions.NominationStatusChanged, "nomination", Key(n.Id), n.ProvinceCode,
                    NominationTransitions.AuditDetails(change.From, change.To, change.Reason), byId[change.UserId!.Value], change.At);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An audit event of a seeded action, as <see cref="Infrastructure.AuditTrail"/> records it for
    /// the demo user who took it, at the time it was taken (no address: nobody sent a request).
    /// </summary>
    private void Audit(string action, string entityType, string entityId, string provinceCode, AuditDetails details, DemoUser user, DateTimeOffset at) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = at,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ProvinceCode = provinceCode,
            Details = details,
            UserId = user.Id,
            UserEmail = user.Email,
        });

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Takes one workflow step as the demo user would have, through the same rule the portal applies.</summary>
    private static void Step(Nomination n, NominationAction action, DemoUser user, DateTimeOffset at, string? reason)
    {
        var decision = NominationWorkflow.Decide(n.Status, action, user.Role, reason);
        if (!decision.Allowed)
        {
            throw new InvalidOperationException($"Demo nomination of organisation {n.OrganisationId}: {action} from {n.Status} by {user.Role} is refused: {decision.Refusal}");
        }

        n.StatusChanges.Add(new StatusChange { From = n.Status, To = decision.To, Action = action, UserId = user.Id, UserName = user.FullName, Reason = reason, At = at });
        n.Status = decision.To;
        n.UpdatedAt = at;
        if (action == NominationAction.Verify)
        {
            n.VerifiedAt = at;
            n.VerifiedBy = user.Id;
        }
        else if (action == NominationAction.Return)
        {
            n.LastReturnReason = reason;
        }
    }

    private async Task<Dictionary<string, DemoUser>> LoadUsersAsync(CancellationToken ct)
    {
        var emails = DemoSeeder.Accounts.Select(a => a.Email).ToList();
        var found = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!)).Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct);
        var users = new Dictionary<string, DemoUser>(StringComparer.Ordinal);
        foreach (var account in DemoSeeder.Accounts)
        {
            var user = found.SingleOrDefault(u => u.Email == account.Email)
                ?? throw new InvalidOperationException($"Demo award data needs the demo account {account.Email}; it is missing.");
            users[account.Email] = new DemoUser(user.Id, user.FullName, account.Role, account.Email);
        }

        return users;
    }

    private static Func<Organisation, bool> Government(string province, string? regency) =>
        o => o.Type == OrganisationType.Government && o.ProvinceCode == province && o.RegencyCode == regency
            && o.GovernmentLevel == (regency is null ? GovernmentLevel.Province : GovernmentLevel.RegencyOrCity);

    private static Func<Organisation, bool> EmployerWith(string npp) => o => o.Npp == npp;

    /// <summary>Fills a government nomination: BPS workforce, protected PU and BPU, non-ASN staff and their coverage.</summary>
    private static Action<Nomination> GovernmentFigures(long workforce, int pu, int bpu, int nonAsn, int nonAsnCovered, string summary,
        Action<Nomination>? more = null) => n =>
    {
        n.WorkforceBps = workforce;
        n.ProtectedPu = pu;
        n.ProtectedBpu = bpu;
        n.NonAsnWorkers = nonAsn;
        n.NonAsnCovered = nonAsnCovered;
        n.Summary = summary;
        more?.Invoke(n);
    };

    private static GovernmentRegulation Regulation(RegulationType type, string number, int year, string title) =>
        new() { Type = type, Number = number, Year = year, Title = title };

    private static BudgetAllocation Budget(int year, decimal amount, string purpose, int? workers) =>
        new() { Year = year, Amount = amount, Purpose = purpose, WorkersCovered = workers };

    private static Innovation Innovation(string title, string description, int year) =>
        new() { Title = title, Description = description, Year = year };

    /// <summary>The complete 2021 path of a finalist: from submission to forwarding to the national level.</summary>
    private static (NominationAction, string, DateTimeOffset, string?)[] Finalist2021(int dayOffset) =>
    [
        (NominationAction.Submit, MemberBali, Utc(2021, 3, 8 + dayOffset, 9, 15), null),
        (NominationAction.Verify, OfficerDenpasar, Utc(2021, 3, 22 + dayOffset, 14, 0), null),
        (NominationAction.StartFieldAssessment, MemberBali, Utc(2021, 4, 12 + dayOffset, 8, 30), null),
        (NominationAction.MarkReadyForScoring, MemberBali, Utc(2021, 5, 20 + dayOffset, 16, 0), null),
        (NominationAction.MarkScored, ChairBali, Utc(2021, 6, 18, 17, 0 + dayOffset), null),
        (NominationAction.DecideFinalist, ChairBali, Utc(2021, 6, 25, 15, 30 + dayOffset), null),
        (NominationAction.Forward, ChairBali, Utc(2021, 7, 5, 10, 0 + dayOffset), null),
    ];

    /// <summary>
    /// The 2021 path of a nomination that was scored but not shortlisted: ready for scoring before the
    /// rounds were assigned (24 May), scored with the finalists, decided at the same plenary.
    /// </summary>
    private static (NominationAction, string, DateTimeOffset, string?)[] NotShortlisted2021(int dayOffset) =>
    [
        (NominationAction.Submit, MemberBali, Utc(2021, 3, 15 + dayOffset, 9, 0), null),
        (NominationAction.Verify, OfficerDenpasar, Utc(2021, 3, 29 + dayOffset, 14, 0), null),
        (NominationAction.StartFieldAssessment, MemberBali, Utc(2021, 4, 19 + dayOffset, 8, 30), null),
        (NominationAction.MarkReadyForScoring, MemberBali, Utc(2021, 5, 17 + dayOffset, 16, 0), null),
        (NominationAction.MarkScored, ChairBali, Utc(2021, 6, 18, 17, 3 + dayOffset), null),
        (NominationAction.DecideNotShortlisted, ChairBali, Utc(2021, 6, 25, 15, 33 + dayOffset), null),
    ];

    private static IEnumerable<Plan> Plans()
    {
        const string Denpasar = DemoSeeder.Denpasar;
        const string Gianyar = DemoSeeder.Gianyar;
        const string Semarang = DemoSeeder.Semarang;
        const string PergubTitle = "Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan di Provinsi Bali";
        const string VulnerableWorkers = "Bantuan iuran JKK dan JKM bagi pekerja rentan bukan penerima upah (BPU)";

        // 2021 (history): the three Bali finalists of the brief, forwarded to the national level.
        yield return new(HistoryYear, "PEMPROV", Government("51", null), Denpasar, MemberBali, Utc(2021, 3, 1, 10, 0),
            GovernmentFigures(2_530_000, 512_000, 178_000, 13_900, 9_800,
                "Finalis 2021. Pergub tentang jaminan sosial ketenagakerjaan, bantuan iuran APBD bagi pekerja rentan, kerja sama dengan desa adat.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.Pergub, "Nomor 12 Tahun 2020", 2020, PergubTitle));
                    n.Budgets.Add(Budget(2020, 9_500_000_000m, VulnerableWorkers, 62_000));
                    n.Innovations.Add(Innovation("Perlindungan pekerja rentan desa adat",
                        "Prajuru dan pekerja informal di desa adat didaftarkan sebagai peserta BPU dengan iuran dari APBD provinsi.", 2020));
                }),
            Finalist2021(0));
        yield return new(HistoryYear, "BESAR", EmployerWith(BankBpdBaliNpp), Denpasar, MemberBali, Utc(2021, 3, 2, 10, 0),
            n =>
            {
                SetEmployerFigures(n, new DateOnly(2020, 12, 31), 2_080, 2_080, 0, Full, 0);
                SetCompliance(n, jmo: 1_450, nik: 97.80m, vendors: 38, vendorsRegistered: 35,
                    csr: "Bantuan iuran BPJS Ketenagakerjaan bagi 900 pedagang pasar tradisional di Bali.", csrAmount: 300_000_000m);
                n.Summary = "Finalis 2021 kategori perusahaan besar.";
            },
            Finalist2021(1));
        yield return new(HistoryYear, "MENENGAH", EmployerWith(KapitMasNpp), Denpasar, MemberBali, Utc(2021, 3, 3, 10, 0),
            n =>
            {
                SetEmployerFigures(n, new DateOnly(2020, 12, 31), 158, 158, 0, Full, 0);
                SetCompliance(n, jmo: 120, nik: 100m, vendors: 12, vendorsRegistered: 11,
                    csr: "Pendaftaran pemasok kecil dan pekerja lepas mitra usaha sebagai peserta BPU.", csrAmount: 45_000_000m);
                n.Summary = "Finalis 2021 kategori perusahaan menengah.";
            },
            Finalist2021(2));

        // 2021: nominated beside the finalists, scored, and not shortlisted at the plenary. No
        // regency or city of Bali went on in 2021 (seed articles), Kota Denpasar with its desa adat
        // officials among the candidates.
        yield return new(HistoryYear, "PEMKAB", Government("51", "51.71"), Denpasar, MemberBali, Utc(2021, 3, 4, 10, 0),
            GovernmentFigures(498_000, 214_000, 26_400, 3_650, 2_980,
                "Surat edaran wali kota tentang kepesertaan pengurus desa adat dan pegawai non-ASN; lebih dari seribu pengurus desa adat terlindungi.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.SuratEdaran, "Nomor 3 Tahun 2020", 2020,
                        "Kepesertaan Jaminan Sosial Ketenagakerjaan bagi Pengurus Desa Adat dan Pegawai Non-ASN"));
                    n.Budgets.Add(Budget(2020, 212_000_000m, "Bantuan iuran JKK dan JKM bagi pengurus desa adat", 1_050));
                    n.Innovations.Add(Innovation("Perlindungan pengurus desa adat",
                        "Lebih dari seribu pengurus desa adat di Kota Denpasar didaftarkan sebagai peserta BPU dengan iuran dari APBD kota.", 2020));
                }),
            NotShortlisted2021(0));
        yield return new(HistoryYear, "BESAR", EmployerWith(JayaMerthaMedikaNpp), Denpasar, MemberBali, Utc(2021, 3, 5, 10, 0),
            n =>
            {
                SetEmployerFigures(n, new DateOnly(2020, 12, 31), 2_310, 1_790, 0, Savings, 1);
                SetCompliance(n, jmo: 820, nik: 91.40m, vendors: 24, vendorsRegistered: 15, csr: null, csrAmount: null);
                n.WagesReportedCorrectly = false;
                n.Summary = "Rumah sakit dan klinik swasta; tenaga kontrak sebagian belum terdaftar.";
            },
            NotShortlisted2021(1));
        yield return new(HistoryYear, "MENENGAH", EmployerWith(MandalaSegaraKargoNpp), Denpasar, MemberBali, Utc(2021, 3, 6, 10, 0),
            n =>
            {
                SetEmployerFigures(n, new DateOnly(2020, 12, 31), 126, 98, 0, Full, 1);
                SetCompliance(n, jmo: 41, nik: 88.50m, vendors: 9, vendorsRegistered: 5, csr: null, csrAmount: null);
                n.Summary = "Jasa angkutan dan pergudangan; sopir dan kernet harian sebagian belum terdaftar.";
            },
            NotShortlisted2021(2));

        // 2025 (current): Bali's province and five regencies and cities, spread over the pipeline;
        // the province and Badung are being scored (DemoAwardSeeder.Current.cs).
        // Bali's December 2023 facts: 1.027 million active participants, 39.41 % of a 2.606 million workforce.
        yield return new(CurrentYear, "PEMPROV", Government("51", null), Denpasar, MemberBali, Utc(2025, 2, 10, 9, 0),
            GovernmentFigures(2_606_000, 612_400, 414_600, 14_800, 12_950,
                "1,027 juta peserta aktif (39,41 % angkatan kerja); cakupan pekerja formal 59 %, informal 22 %. Pergub, bantuan iuran APBD, desa adat.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.Pergub, "Nomor 12 Tahun 2020", 2020, PergubTitle));
                    n.Regulations.Add(Regulation(RegulationType.SuratEdaran, "Nomor 2 Tahun 2024", 2024,
                        "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Non-ASN dan Pekerja Rentan"));
                    n.Budgets.Add(Budget(2024, 18_750_000_000m, VulnerableWorkers, 110_000));
                    n.Innovations.Add(Innovation("Perlindungan pekerja rentan desa adat",
                        "Bersama Majelis Desa Adat: prajuru, pecalang dan pekerja informal desa adat didaftarkan sebagai peserta BPU dengan iuran APBD dan dana desa adat.", 2023));
                }),
            [
                (NominationAction.Submit, MemberBali, Utc(2025, 2, 17, 9, 30), null),
                (NominationAction.Verify, OfficerDenpasar, Utc(2025, 3, 3, 13, 45), null),
                (NominationAction.StartFieldAssessment, MemberBali, Utc(2025, 4, 8, 8, 30), null),
                (NominationAction.MarkReadyForScoring, MemberBali, Utc(2025, 5, 27, 15, 0), null),
            ]);
        yield return new(CurrentYear, "PEMKAB", Government("51", "51.71"), Denpasar, MemberBali, Utc(2025, 2, 11, 9, 0),
            GovernmentFigures(512_000, 236_000, 52_500, 3_900, 3_720,
                "Perwali kepesertaan, bantuan iuran bagi pekerja rentan kota, layanan terpadu di Mal Pelayanan Publik.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.Perwali, "Nomor 18 Tahun 2022", 2022, "Kepesertaan Program Jaminan Sosial Ketenagakerjaan di Kota Denpasar"));
                    n.Budgets.Add(Budget(2024, 6_200_000_000m, VulnerableWorkers, 36_000));
                    n.Innovations.Add(Innovation("Layanan BPJamsostek di Mal Pelayanan Publik", "Pendaftaran dan klaim peserta dilayani di Mal Pelayanan Publik Kota Denpasar.", 2023));
                }),
            [
                (NominationAction.Submit, MemberBali, Utc(2025, 2, 18, 10, 0), null),
                (NominationAction.Verify, OfficerDenpasar, Utc(2025, 3, 4, 11, 0), null),
                (NominationAction.StartFieldAssessment, MemberBali, Utc(2025, 4, 14, 8, 30), null),
            ]);
        yield return new(CurrentYear, "PEMKAB", Government("51", "51.03"), Denpasar, MemberBali, Utc(2025, 2, 11, 10, 0),
            GovernmentFigures(398_000, 205_000, 38_600, 4_600, 4_410,
                "Perbup kepesertaan; bantuan iuran bagi pekerja pariwisata informal dan petani subak.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.Perbup, "Nomor 25 Tahun 2021", 2021, "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja di Kabupaten Badung"));
                    n.Budgets.Add(Budget(2024, 7_800_000_000m, VulnerableWorkers, 42_000));
                    n.Innovations.Add(Innovation("Perlindungan petani subak dan pemandu wisata", "Petani subak dan pemandu wisata lepas didaftarkan sebagai peserta BPU.", 2024));
                }),
            [
                (NominationAction.Submit, MemberBali, Utc(2025, 2, 19, 9, 0), null),
                (NominationAction.Verify, OfficerDenpasar, Utc(2025, 3, 6, 15, 0), null),
                (NominationAction.StartFieldAssessment, MemberBali, Utc(2025, 4, 10, 8, 30), null),
                (NominationAction.MarkReadyForScoring, MemberBali, Utc(2025, 5, 28, 15, 0), null),
            ]);
        yield return new(CurrentYear, "PEMKAB", Government("51", "51.02"), Denpasar, MemberBali, Utc(2025, 2, 12, 9, 0),
            GovernmentFigures(279_000, 78_500, 27_900, 2_700, 2_150,
                "Surat edaran bupati tentang kepesertaan pegawai non-ASN; bantuan iuran bagi petani.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.SuratEdaran, "Nomor 560/2023", 2023, "Kepesertaan Jaminan Sosial Ketenagakerjaan bagi Pegawai Non-ASN"));
                    n.Budgets.Add(Budget(2024, 2_400_000_000m, VulnerableWorkers, 14_000));
                }),
            [
                (NominationAction.Submit, MemberBali, Utc(2025, 3, 10, 14, 0), null),
            ]);
        yield return new(CurrentYear, "PEMKAB", Government("51", "51.08"), Denpasar, MemberBali, Utc(2025, 2, 12, 10, 0),
            GovernmentFigures(452_000, 86_000, 41_200, 3_500, 2_600,
                "Perbup perlindungan nelayan dan petani; angka BPU sedang diperbaiki.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.Perbup, "Nomor 9 Tahun 2023", 2023, "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Nelayan dan Petani"));
                    n.Budgets.Add(Budget(2024, 3_100_000_000m, VulnerableWorkers, 18_500));
                }),
            [
                (NominationAction.Submit, MemberBali, Utc(2025, 2, 24, 9, 0), null),
                (NominationAction.Return, OfficerDenpasar, Utc(2025, 3, 7, 10, 30), BulelengReturnReason),
            ]);
        yield return new(CurrentYear, "PEMKAB", Government("51", "51.01"), Denpasar, MemberBali, Utc(2025, 3, 12, 9, 0),
            GovernmentFigures(178_000, 33_500, 16_800, 1_900, 1_350, "Draf: regulasi dan anggaran belum dilengkapi."),
            []);

        // 2025 employers: Bank BPD Bali submitted, KAPIT MAS still a draft, the banten makers of Gianyar submitted.
        yield return new(CurrentYear, "BESAR", EmployerWith(BankBpdBaliNpp), Denpasar, MemberBali, Utc(2025, 2, 20, 9, 0),
            n =>
            {
                SetCompliance(n, jmo: 1_980, nik: 99.50m, vendors: 46, vendorsRegistered: 44,
                    csr: "Bantuan iuran BPJS Ketenagakerjaan bagi 1.200 pedagang pasar tradisional dan nelayan di Bali.", csrAmount: 450_000_000m);
                n.Summary = "Seluruh pekerja terdaftar pada lima program; vendor hampir seluruhnya terdaftar.";
            },
            [(NominationAction.Submit, MemberBali, Utc(2025, 3, 11, 10, 0), null)]);
        yield return new(CurrentYear, "MENENGAH", EmployerWith(KapitMasNpp), Denpasar, MemberBali, Utc(2025, 3, 13, 9, 0),
            n => SetCompliance(n, jmo: 150, nik: 98.90m, vendors: 14, vendorsRegistered: 12, csr: null, csrAmount: null),
            []);
        yield return new(CurrentYear, "UMK", EmployerWith(BantenMakersNpp), Gianyar, MemberBali, Utc(2025, 2, 25, 9, 0),
            n =>
            {
                SetCompliance(n, jmo: 6, nik: 100m, vendors: 0, vendorsRegistered: 0, csr: null, csrAmount: null);
                n.Summary = "Kelompok perajin banten; anggotanya terdaftar sebagai peserta BPU (JKK dan JKM).";
            },
            [(NominationAction.Submit, MemberBali, Utc(2025, 3, 5, 11, 0), null)]);

        // 2025 in Jawa Tengah: Kota Semarang submitted, a large textile company still a draft.
        yield return new(CurrentYear, "PEMKAB", Government("33", "33.74"), Semarang, MemberJateng, Utc(2025, 2, 14, 9, 0),
            GovernmentFigures(980_000, 520_000, 96_000, 6_800, 6_100,
                "Perwali perlindungan pekerja rentan; bantuan iuran bagi pekerja informal kota.",
                n =>
                {
                    n.Regulations.Add(Regulation(RegulationType.Perwali, "Nomor 30 Tahun 2022", 2022, "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan di Kota Semarang"));
                    n.Budgets.Add(Budget(2024, 9_000_000_000m, VulnerableWorkers, 52_000));
                }),
            [(NominationAction.Submit, MemberJateng, Utc(2025, 3, 3, 10, 0), null)]);
        yield return new(CurrentYear, "BESAR", EmployerWith(TekstilUngaranNpp), Semarang, MemberJateng, Utc(2025, 3, 14, 9, 0),
            n => SetCompliance(n, jmo: 1_210, nik: 96.40m, vendors: 58, vendorsRegistered: 49, csr: null, csrAmount: null),
            []);
    }

    public const string BulelengReturnReason =
        "Jumlah peserta BPU belum sesuai data BPJamsostek per 31 Desember 2024 (selisih sekitar 3.100 peserta). Mohon diperbaiki dan lampirkan rekapitulasi per kecamatan.";

    private static void SetEmployerFigures(Nomination n, DateOnly? asOf, int? workers, int? pu, int? bpu, Programs programs, int? arrears)
    {
        n.FiguresAsOf = asOf;
        n.Workers = workers;
        n.ParticipantsPu = pu;
        n.ParticipantsBpu = bpu;
        n.Programs = programs;
        n.ArrearsMonths = arrears;
    }

    private static void SetCompliance(Nomination n, int jmo, decimal nik, int vendors, int vendorsRegistered, string? csr, decimal? csrAmount)
    {
        n.AllWorkersRegistered = n.Workers is int w && (n.ParticipantsPu ?? 0) + (n.ParticipantsBpu ?? 0) >= w;
        n.WagesReportedCorrectly = true;
        n.UsesSipp = true;
        n.JmoUsers = jmo;
        n.NikValidatedPercent = nik;
        n.VendorCount = vendors;
        n.VendorsRegistered = vendorsRegistered;
        n.CsrDescription = csr;
        n.CsrAmount = csrAmount;
    }

    // ------------------------------------------------------------------ generator

    /// <summary>
    /// Deterministic generator of demo employers: the same seed and regencies give the same list.
    /// Names are a legal form (PT, CV, UD), two words common in Balinese or Central Javanese company
    /// names and a word of the sector; workers, coverage, programmes and arrears follow the size class.
    /// </summary>
    public static class EmployerGenerator
    {
        public sealed record Figures(int Workers, int Pu, int Bpu, Programs Programs, int ArrearsMonths);

        public sealed record Generated(string Npp, string Name, string RegencyCode, SizeClass Size, string Sector, string Street, string ContactName, Figures Earlier, Figures Latest);

        private static readonly string[] BaliWords =
            ["Bali", "Dewata", "Nusa", "Segara", "Giri", "Tirta", "Surya", "Candra", "Werdhi", "Sedana", "Mertha", "Santhi", "Jaya", "Sari", "Artha", "Kencana", "Mandala", "Pertiwi", "Amerta", "Dharma"];

        private static readonly string[] JavaWords =
            ["Jawa", "Semarang", "Ungaran", "Kendal", "Rahayu", "Tentrem", "Makmur", "Sentosa", "Abadi", "Gemilang", "Mulia", "Sejahtera", "Lestari", "Utama", "Prima", "Mandiri", "Karya", "Sinar", "Cahaya", "Murni"];

        private static readonly (string Sector, string[] Nouns, int BaliWeight, int JavaWeight)[] Sectors =
        [
            ("Penyediaan akomodasi dan makan minum", ["Villa", "Resort", "Hotel", "Boga", "Kuliner", "Wisata"], 30, 8),
            ("Perdagangan besar dan eceran", ["Niaga", "Dagang", "Swalayan", "Distribusi", "Retail"], 20, 22),
            ("Industri pengolahan", ["Kriya", "Tekstil", "Garmen", "Furnitur", "Pangan", "Keramik"], 12, 30),
            ("Konstruksi", ["Konstruksi", "Bangun", "Beton", "Graha"], 8, 10),
            ("Transportasi dan pergudangan", ["Logistik", "Trans", "Ekspres", "Kargo"], 8, 10),
            ("Pertanian, kehutanan dan perikanan", ["Agro", "Tani", "Perikanan", "Kebun"], 7, 6),
            ("Informasi dan komunikasi", ["Digital", "Media", "Telematika"], 5, 5),
            ("Jasa kesehatan dan kegiatan sosial", ["Medika", "Husada", "Klinik"], 5, 5),
            ("Jasa lainnya", ["Laundry", "Salon", "Servis"], 5, 4),
        ];

        private static readonly string[] BaliGiven = ["I Wayan", "I Made", "I Nyoman", "I Ketut", "Ni Luh", "Ni Made", "Ni Nyoman", "Ni Ketut", "I Gusti Ngurah", "Ni Putu"];
        private static readonly string[] BaliFamily = ["Suardana", "Astawa", "Sudarma", "Wirawan", "Ariani", "Suartini", "Widiantari", "Kusuma", "Mahendra", "Pradnyani"];
        private static readonly string[] JavaGiven = ["Agus", "Budi", "Sri", "Dwi", "Eko", "Rina", "Wahyu", "Yuni", "Bambang", "Endah"];
        private static readonly string[] JavaFamily = ["Santoso", "Prasetyo", "Wulandari", "Hidayat", "Lestari", "Nugroho", "Setiawati", "Kurniawan", "Susanto", "Rahmawati"];
        private static readonly string[] Streets = ["Jl. Raya", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Sudirman", "Jl. Ahmad Yani", "Jl. Hayam Wuruk", "Jl. Pahlawan", "Jl. Imam Bonjol", "Jl. Veteran", "Jl. Merdeka"];

        public static List<Generated> Generate(int count, int seed, IReadOnlyList<string> regencies)
        {
            var rng = new Random(seed);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<Generated>(count);
            for (var i = 0; i < count; i++)
            {
                var regency = regencies[rng.Next(regencies.Count)];
                var bali = regency.StartsWith("51", StringComparison.Ordinal);
                var size = Pick(rng, [(SizeClass.Micro, 40), (SizeClass.Small, 30), (SizeClass.Medium, 20), (SizeClass.Large, 10)]);
                var sector = Pick(rng, Sectors.Select(s => (s, bali ? s.BaliWeight : s.JavaWeight)).ToArray());
                var words = bali ? BaliWords : JavaWords;
                string name;
                do
                {
                    var form = size switch
                    {
                        SizeClass.Large or SizeClass.Medium => "PT",
                        SizeClass.Small => rng.Next(2) == 0 ? "PT" : "CV",
                        _ => rng.Next(3) == 0 ? "UD" : "CV",
                    };
                    var first = words[rng.Next(words.Length)];
                    var second = words[rng.Next(words.Length)];
                    name = first == second ? "" : $"{form} {first} {second} {sector.Nouns[rng.Next(sector.Nouns.Length)]}";
                }
                while (name.Length == 0 || !names.Add(name));

                var latest = LatestFigures(rng, size);
                var earlier = EarlierFigures(rng, latest);
                var contact = bali
                    ? $"{BaliGiven[rng.Next(BaliGiven.Length)]} {BaliFamily[rng.Next(BaliFamily.Length)]}"
                    : $"{JavaGiven[rng.Next(JavaGiven.Length)]} {JavaFamily[rng.Next(JavaFamily.Length)]}";
                var street = $"{Streets[rng.Next(Streets.Length)]} No. {rng.Next(1, 250).ToString(CultureInfo.InvariantCulture)}";
                // NPP: the regency's four digits and a running number from 1001 (the named demo employers use 0001 to 0999).
                var npp = regency.Replace(".", "", StringComparison.Ordinal) + (1001 + i).ToString("0000", CultureInfo.InvariantCulture);
                list.Add(new Generated(npp, name, regency, size, sector.Sector, street, contact, earlier, latest));
            }

            return list;
        }

        private static Figures LatestFigures(Random rng, SizeClass size)
        {
            var workers = size switch
            {
                SizeClass.Large => rng.Next(250, 2_501),
                SizeClass.Medium => rng.Next(50, 250),
                SizeClass.Small => rng.Next(10, 50),
                _ => rng.Next(1, 10),
            };
            var (low, high) = size switch
            {
                SizeClass.Large => (0.75, 1.0),
                SizeClass.Medium => (0.6, 1.0),
                SizeClass.Small => (0.4, 1.0),
                _ => (0.0, 1.0),
            };
            var covered = (int)Math.Round(workers * (low + ((high - low) * rng.NextDouble())), MidpointRounding.AwayFromZero);
            // Micro businesses register part of their people as non-wage (BPU) participants.
            var bpu = size == SizeClass.Micro ? rng.Next(0, covered + 1) : 0;
            var pu = covered - bpu;
            var programs = covered == 0 ? Programs.None : Programs.Jkk | Programs.Jkm;
            if (covered > 0 && (size != SizeClass.Micro || rng.Next(2) == 0))
            {
                programs |= Programs.Jht;
            }

            if (size is SizeClass.Large or SizeClass.Medium && rng.Next(10) < 9)
            {
                programs |= Programs.Jp;
                if (rng.Next(10) < 7)
                {
                    programs |= Programs.Jkp;
                }
            }

            var arrears = rng.Next(4) != 0 ? 0 : rng.Next(1, size == SizeClass.Micro ? 10 : 7);
            return new Figures(workers, pu, bpu, programs, arrears);
        }

        /// <summary>Half a year earlier: a slightly different workforce and at most as many participants.</summary>
        private static Figures EarlierFigures(Random rng, Figures latest)
        {
            var workers = Math.Max(1, (int)Math.Round(latest.Workers * (0.9 + (0.15 * rng.NextDouble())), MidpointRounding.AwayFromZero));
            var pu = Math.Min(workers, (int)Math.Round(latest.Pu * (0.85 + (0.15 * rng.NextDouble())), MidpointRounding.AwayFromZero));
            var bpu = Math.Min(workers - pu, latest.Bpu);
            return new Figures(workers, pu, bpu, latest.Programs, Math.Max(0, latest.ArrearsMonths + rng.Next(-1, 2)));
        }

        private static T Pick<T>(Random rng, (T Value, int Weight)[] choices)
        {
            var roll = rng.Next(choices.Sum(c => c.Weight));
            foreach (var (value, weight) in choices)
            {
                if (roll < weight)
                {
                    return value;
                }

                roll -= weight;
            }

            return choices[^1].Value;
        }
    }
}
