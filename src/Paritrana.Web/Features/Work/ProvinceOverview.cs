namespace Paritrana.Web.Features.Work;

/// <summary>One province on the administrator's home page: where it stands, its nominations per status, and what is late.</summary>
public sealed record ProvinceSummary(
    string Code,
    string Name,
    IReadOnlyList<string> Stage,
    IReadOnlyList<(NominationStatus Status, int Count)> Statuses,
    int LateForVerification,
    int InEndedStages,
    int OverdueCoaching)
{
    public int Total => Statuses.Sum(s => s.Count);

    public bool HasLate => LateForVerification + InEndedStages + OverdueCoaching > 0;
}

public sealed record NationalOverview(int Year, IReadOnlyList<ProvinceSummary> Provinces);

/// <summary>
/// The administrator's home page (decisions/029): every province in scope with its current stage,
/// its nominations of the current cycle per status, and what is late. A handful of GROUP BY queries
/// whatever the number of provinces; every count is a query of <see cref="WorkQueries"/> that the
/// linked list applies too.
/// </summary>
public sealed class ProvinceOverview(ParitranaDbContext db, ReferenceData reference, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<NationalOverview?> ForAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var schedule = await StageQueries.CurrentAsync(db, reference, scope, ct);
        if (schedule is null)
        {
            return null;
        }

        var today = Wib.Today(clock);
        var cycleId = schedule.CycleId;
        var provinces = (await reference.ProvincesAsync(db, ct)).InScope(scope).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var ofCycle = WorkQueries.OfCycle(db, scope, cycleId).AsNoTracking();
        var statuses = await ofCycle.GroupBy(n => new { n.ProvinceCode, n.Status })
            .Select(g => new { g.Key.ProvinceCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var lateVerification = await WorkQueries.LateForVerification(ofCycle, today).GroupBy(n => n.ProvinceCode)
            .Select(g => new { Province = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Province!, g => g.Count, ct);
        var overdueCoaching = await WorkQueries.OverdueCoachingItems(db, scope, today).AsNoTracking().GroupBy(c => c.ProvinceCode)
            .Select(g => new { Province = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Province, g => g.Count, ct);
        var byProvince = statuses.ToLookup(s => s.ProvinceCode);

        return new NationalOverview(schedule.Year, provinces.Select(p =>
        {
            var counts = byProvince[p.Code].OrderBy(s => s.Status).Select(s => (s.Status, s.Count)).ToList();
            var late = StageStatuses.Late(schedule.EffectiveFor(p.Code), today);
            return new ProvinceSummary(
                p.Code,
                p.Name,
                StageTexts.Describe(schedule.PositionFor(p.Code, today), schedule.Year, l),
                counts,
                lateVerification.GetValueOrDefault(p.Code),
                counts.Where(c => late.Contains(c.Status)).Sum(c => c.Count),
                overdueCoaching.GetValueOrDefault(p.Code));
        }).ToList());
    }
}
