using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Features.National;

/// <summary>
/// Counts of a group of nominations (a province's category, a province, a category of the country):
/// how many in each status, how many late (<see cref="StageLateness.LateIn"/>), and the stages that
/// ended while some of them are still in them.
/// </summary>
public sealed record CountryCounts(IReadOnlyDictionary<NominationStatus, int> Statuses, int Late, IReadOnlyList<LateStage> LateStages)
{
    public static CountryCounts Empty { get; } = new(new Dictionary<NominationStatus, int>(), 0, []);

    public int Total => Statuses.Values.Sum();

    public int Of(NominationStatus status) => Statuses.GetValueOrDefault(status);

    /// <summary>Forwarded to the national level, decided or not.</summary>
    public int Forwarded => Of(NominationStatus.ForwardedToNational) + Of(NominationStatus.Winner) + Of(NominationStatus.NotWinner);

    /// <summary>Forwarded and waiting for the national outcome.</summary>
    public int AwaitingNational => Of(NominationStatus.ForwardedToNational);

    public int Winners => Of(NominationStatus.Winner);

    public int NotWinners => Of(NominationStatus.NotWinner);

    /// <summary>The most days a stage holding some of these nominations has been over; null when none has.</summary>
    public int? DaysLate => StageLateness.MostDaysLate(LateStages);
}

/// <summary>One category of a province (or of the country): its counts.</summary>
public sealed record CountryCategory(ReferenceData.CategoryRef Category, CountryCounts Counts);

/// <summary>One province: where it stands in its stage calendar, its counts per category and in all.</summary>
public sealed record CountryProvince(string Code, string Name, StagePosition Position, IReadOnlyList<CountryCategory> Categories, CountryCounts Totals);

/// <summary>The country at a glance for one cycle (issue 17, item 5).</summary>
public sealed record CountryReport(int CycleId, int Year, DateOnly Today, IReadOnlyList<ReferenceData.CategoryRef> Categories, IReadOnlyList<CountryProvince> Provinces, IReadOnlyList<CountryCategory> National)
{
    public CountryCounts NationalTotals => CountryOverview.Sum(National.Select(c => c.Counts), []);
}

/// <summary>
/// The national secretariat's view of the whole country (issue 17, item 5; docs/decisions/044): per
/// province and category the nominations of a cycle by status, how many are late, forwarded and
/// decided at the national level, and each province's stage. One statement (the cycle's
/// nominations grouped by province, category and status, with those waiting for verification too
/// long counted in the same pass; scripts/bench/country.sh measures it alone); the provinces,
/// categories and stage dates come from the instance's reference data, so nothing is read per row.
/// </summary>
public sealed class CountryOverview(ParitranaDbContext db, ReferenceData reference, TimeProvider clock)
{
    private sealed record Group(string Province, int Category, NominationStatus Status, int Count, int Waiting);

    public async Task<CountryReport> ForAsync(AccessScope scope, CycleLookup.CycleRef cycle, CancellationToken ct)
    {
        var today = Wib.Today(clock);
        var since = WorkQueries.WaitingTooLongBefore(today);
        var cycleId = cycle.Id;
        var groups = await WorkQueries.OfCycle(db, scope, cycleId).AsNoTracking()
            .GroupBy(n => new { n.ProvinceCode, n.CategoryId, n.Status })
            .Select(g => new Group(g.Key.ProvinceCode, g.Key.CategoryId, g.Key.Status, g.Count(), g.Count(n => n.Status == NominationStatus.Submitted && n.UpdatedAt < since)))
            .ToListAsync(ct);
        var schedule = await StageQueries.ForCycleAsync(db, reference, scope, cycle, ct);
        var provinces = (await reference.ProvincesAsync(db, ct)).InScope(scope).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var used = groups.Select(g => g.Category).ToHashSet();
        var categories = (await reference.CategoriesAsync(db, cycleId, ct))
            .Where(c => c.IsActive || used.Contains(c.Id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .ToList();

        var byProvince = groups.ToLookup(g => g.Province, StringComparer.Ordinal);
        var rows = provinces.Select(p =>
        {
            var effective = schedule.EffectiveFor(p.Code);
            var lateStatuses = StageStatuses.Late(effective, today);
            var ofProvince = byProvince[p.Code].ToList();
            CountryCounts Count(IEnumerable<Group> of)
            {
                var list = of.ToList();
                var statuses = list.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
                return new CountryCounts(
                    statuses,
                    list.Sum(g => StageLateness.LateIn(g.Status, g.Count, g.Waiting, lateStatuses)),
                    StageLateness.Of(effective, today, statuses));
            }

            var perCategory = categories.Select(c => new CountryCategory(c, Count(ofProvince.Where(g => g.Category == c.Id)))).ToList();
            return new CountryProvince(p.Code, p.Name, StageCalendar.PositionOn(effective, today), perCategory, Count(ofProvince));
        }).ToList();
        var national = categories.Select(c => new CountryCategory(c, Sum(rows.Select(r => r.Categories.First(x => x.Category.Id == c.Id).Counts), []))).ToList();
        return new CountryReport(cycleId, cycle.Year, today, categories, rows, national);
    }

    /// <summary>
    /// The sum of several groups' counts (a category over the provinces, the country): statuses and
    /// late nominations add up; stage lateness is the provinces' own (their calendars differ), so
    /// the sum carries <paramref name="lateStages"/>.
    /// </summary>
    public static CountryCounts Sum(IEnumerable<CountryCounts> parts, IReadOnlyList<LateStage> lateStages)
    {
        var list = parts.ToList();
        var statuses = list.SelectMany(p => p.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new CountryCounts(statuses, list.Sum(p => p.Late), lateStages);
    }
}
