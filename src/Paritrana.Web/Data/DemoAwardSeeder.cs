using Paritrana.Web.Data.Demo;

namespace Paritrana.Web.Data;

/// <summary>
/// The award part of the demo (<c>Demo:Enabled=true</c>), run by <see cref="DemoSeeder"/> after the
/// offices and accounts. Its content is data (Data/Demo/*.json, <see cref="DemoData"/>): the current
/// cycle, whose year and dates follow the day of the demo's first start (<see cref="DemoCalendar"/>),
/// and the 2021 history (closed) with the default categories; Bali's candidates from the brief and a
/// few in Jawa Tengah; the nominations with the workflow steps they went through; Bali's scoring of
/// 2021 and of the current round in progress (DemoAwardSeeder.Scoring.cs); the 2021 plenary
/// (DemoAwardSeeder.Plenary.cs); and the field work of the current cycle (DemoAwardSeeder.FieldWork.cs).
/// About 300 further employers are generated (deterministic, fixed random seed) over the regencies
/// of the three demo branches, each with two as-of dates of coverage figures. Every step, card,
/// visit, coaching item and decision is taken by the portal's own service (NominationTransitions,
/// ScorecardService, FieldWorkService, PlenaryDecisions) as the demo account of the step, at the
/// step's time (<see cref="DemoActor"/>), so the demo holds nothing the portal could not produce
/// (docs/decisions/023, 034). Idempotent: everything is looked up by its natural key and only what
/// is missing is added, all in one transaction. Set-up done by the administrator (cycles, criteria,
/// rounds, assignments) and the creation of nominations are written directly, without audit events,
/// except the rounds' opening and closing, which have the round page's.
/// </summary>
public sealed partial class DemoAwardSeeder(ParitranaDbContext db, TimeProvider clock, DemoActor actor)
{
    public const int HistoryYear = 2021;
    public const int GeneratedEmployerCount = 300;

    /// <summary>The generator's seed: the same seed gives the same employers on every machine.</summary>
    public const int RandomSeed = 20250101;

    /// <summary>The regencies and cities covered by the three demo branch offices (DemoSeeder).</summary>
    public static readonly IReadOnlyList<string> DemoRegencies =
        ["51.71", "51.03", "51.02", "51.01", "51.08", "51.04", "51.06", "51.05", "51.07", "33.74", "33.22", "33.24", "33.73"];

    public const string BankBpdBaliNpp = "51710001";
    public const string KapitMasNpp = "51030001";

    // Two generated employers (EmployerGenerator, fixed seed) that Bali nominated in 2021 beside the
    // finalists and did not shortlist: a second large company and a second medium one.
    public const string JayaMerthaMedikaNpp = "51031235";
    public const string MandalaSegaraKargoNpp = "51711040";

    /// <summary>The reason the Denpasar branch gave when it returned Buleleng's nomination (Data/Demo/nominations.json).</summary>
    public static string BulelengReturnReason =>
        DemoData.Nominations.Single(n => n.Cycle == DemoData.Current && n.GovernmentOf == "51.08").Steps.Single(s => s.Reason is not null).Reason!;

    private readonly DateTimeOffset _now = clock.GetUtcNow();

    /// <summary>The calendar of the current cycle, known once the cycles are seeded.</summary>
    private DemoCalendar _calendar = DemoCalendar.StartedAt(clock.GetUtcNow());

    /// <summary>
    /// The as-of dates of the demo's two imports: the middle and the end of the year the current
    /// cycle assesses, so that a nomination's figures lie in it as the nomination form requires.
    /// </summary>
    private DateOnly EarlierAsOf => new(_calendar.CurrentYear - 1, 6, 30);

    private DateOnly LatestAsOf => new(_calendar.CurrentYear - 1, 12, 31);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cycles = await SeedCyclesAsync(ct);
        await SeedGovernmentsAsync(ct);
        await SeedNamedEmployersAsync(ct);
        await SeedGeneratedEmployersAsync(ct);
        var steps = await SeedNominationsAsync(cycles, ct);

        // The workflow in the order the portal allows it: the history is scored before its
        // nominations are marked scored, and decided at its plenary (which takes the decisions'
        // and the forwarding's steps) before any later step.
        await ApplyStepsAsync(steps, Phase.BeforeScored, ct);
        await SeedScoringAsync(cycles.History, DemoData.Scoring.History, everyCategory: false, ct);
        foreach (var other in DemoData.Scoring.HistoryOthers ?? [])
        {
            await SeedScoringAsync(cycles.History, other, everyCategory: false, ct);
        }

        await ApplyStepsAsync(steps, Phase.Scored, ct);
        await SeedPlenariesAsync(cycles, ct);
        await ApplyStepsAsync(steps, Phase.AfterScored, ct);
        if (DemoData.Scoring.National is { } national)
        {
            await SeedNationalAsync(cycles.History, national, ct);
        }

        await SeedInterviewsAsync(cycles.History, ct);
        await SeedNationalPlenaryAsync(cycles.History, ct);
        await CloseHistoryAsync(cycles.History, ct);
        await SeedFieldWorkAsync(cycles, ct);
        await SeedScoringAsync(cycles.Current, DemoData.Scoring.Current, everyCategory: true, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    // ------------------------------------------------------------------ cycles

    private sealed record CycleIds(int History, int Current);

    /// <summary>
    /// The two cycles. The current one is found by its notes (a demo started earlier keeps its year
    /// and dates: its first start is when it was created); a new one is dated from today. The
    /// history is created open, for its steps to be taken, and closed once they are.
    /// </summary>
    private async Task<CycleIds> SeedCyclesAsync(CancellationToken ct)
    {
        var current = DemoData.Cycles.Current;
        var history = DemoData.Cycles.History;
        var marker = current.Notes[..current.Notes.IndexOf('{', StringComparison.Ordinal)];
        var existing = await db.AwardCycles.AsNoTracking()
            .Where(c => c.Year != history.Year && c.Notes != null && c.Notes.StartsWith(marker))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Year, c.CreatedAt })
            .FirstOrDefaultAsync(ct);
        int currentId;
        if (existing is not null)
        {
            _calendar = DemoCalendar.StartedAt(existing.CreatedAt) with { CurrentYear = existing.Year };
            currentId = existing.Id;
        }
        else
        {
            // The demo's cycle becomes current only when no other cycle is (an administrator's choice wins).
            var makeCurrent = !await db.AwardCycles.AnyAsync(c => c.IsCurrent, ct);
            currentId = await AddCycleAsync(_calendar.CurrentYear, current.NotesFor(_calendar.CurrentYear), current.Stages, makeCurrent, ct)
                ?? throw new InvalidOperationException($"The demo cannot add its current cycle: a cycle {_calendar.CurrentYear} exists already.");
        }

        var historyId = await AddCycleAsync(history.Year, history.Notes, history.Stages, makeCurrent: false, ct)
            ?? await db.AwardCycles.Where(c => c.Year == history.Year).Select(c => c.Id).SingleAsync(ct);
        return new CycleIds(historyId, currentId);
    }

    /// <summary>Adds a cycle with its stages and the default categories, unless its year exists; its id, or null.</summary>
    private async Task<int?> AddCycleAsync(int year, string notes, IReadOnlyList<DemoStage> stages, bool makeCurrent, CancellationToken ct)
    {
        if (await db.AwardCycles.AnyAsync(c => c.Year == year, ct))
        {
            return null;
        }

        var cycle = new AwardCycle
        {
            Year = year,
            Notes = notes,
            IsCurrent = makeCurrent,
            CreatedAt = _now,
            Stages = stages.Select(s => new CycleStage { Stage = s.Stage, StartsOn = _calendar.Date(s.Starts), EndsOn = _calendar.Date(s.Ends) }).ToList(),
            Categories = CycleRules.DefaultCategories(CycleRules.DefaultActiveCodes),
        };
        db.AwardCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        return cycle.Id;
    }

    /// <summary>The history is closed once its results are in, as the administrator closes a cycle.</summary>
    private async Task CloseHistoryAsync(int cycleId, CancellationToken ct)
    {
        await db.AwardCycles.Where(c => c.Id == cycleId && !c.IsClosed).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsClosed, true), ct);
        await ReferenceChanges.NotifyAsync(db, ct);
    }

    // ------------------------------------------------------------------ organisations

    private async Task SeedGovernmentsAsync(CancellationToken ct)
    {
        foreach (var (province, regency, name) in DemoData.Organisations.Governments)
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
        var named = DemoData.Organisations.Employers;
        var npps = named.Select(e => e.Npp).ToList();
        var existing = await db.Organisations.Where(o => o.Npp != null && npps.Contains(o.Npp)).Select(o => o.Npp!).ToListAsync(ct);
        var branches = await db.BranchOffices.AsNoTracking().ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        var added = named.Where(e => !existing.Contains(e.Npp))
            .Select(e => (Employer(e.Npp, e.Name, e.Regency, branches.TryGetValue(e.Branch, out var b) ? b : null, e.Size, e.Sector, e.Address,
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

    private static DemoFigures ToFigures(EmployerGenerator.Figures f) => new(f.Workers, f.Pu, f.Bpu, f.Programs, f.ArrearsMonths);

    /// <summary>"Kota Denpasar" → "Denpasar", "Kabupaten Badung" → "Badung" (for addresses).</summary>
    private static string RegionShortName(string name) =>
        name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? name["Kabupaten ".Length..]
        : name.StartsWith("Kota ", StringComparison.Ordinal) ? name["Kota ".Length..]
        : name;

    private Organisation Employer(
        string npp, string name, string regencyCode, int? branchId, SizeClass size, string sector, string? address,
        string? contactName, string? contactEmail, DemoFigures latest) => new()
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
    private async Task SaveEmployersAsync(List<(Organisation Employer, DemoFigures Earlier, DemoFigures Latest)> employers, CancellationToken ct)
    {
        if (employers.Count == 0)
        {
            return;
        }

        db.Organisations.AddRange(employers.Select(e => e.Employer));
        await db.SaveChangesAsync(ct);
        foreach (var (employer, earlier, latest) in employers)
        {
            // Recorded as the demo's two imports would have been: mid-July of the assessed year and mid-January after it.
            db.CoverageFigures.Add(Figure(employer.Id, EarlierAsOf, earlier, Utc(EarlierAsOf.Year, 7, 15, 10, 0)));
            db.CoverageFigures.Add(Figure(employer.Id, LatestAsOf, latest, Utc(LatestAsOf.Year + 1, 1, 15, 10, 0)));
        }

        await db.SaveChangesAsync(ct);
    }

    private static CoverageFigures Figure(int organisationId, DateOnly asOf, DemoFigures f, DateTimeOffset recordedAt) => new()
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

    /// <summary>A moment of the history given in WIB, as the UTC value PostgreSQL stores.</summary>
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An audit event of a seeded action, recorded by the portal's <see cref="Infrastructure.AuditTrail"/>
    /// for the demo account who took it, at the time it was taken (no address: nobody sent a request).
    /// </summary>
    private async Task AuditAsync(string action, string entityType, string entityId, string provinceCode, AuditDetails details, string email, DateTimeOffset at) =>
        (await actor.AsAsync(email, at)).Audit.Record(action, entityType, entityId, provinceCode, details);
}
