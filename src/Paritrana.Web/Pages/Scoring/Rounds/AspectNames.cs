namespace Paritrana.Web.Pages.Scoring.Rounds;

/// <summary>
/// The names of the aspect codes a round can cover in a cycle: those of the cycle's current criteria,
/// then the templates' for codes no criteria set has yet; ordered by code.
/// </summary>
public static class AspectNames
{
    public static async Task<IReadOnlyList<(string Code, string Name)>> OfCycleAsync(ParitranaDbContext db, int cycleId, CancellationToken ct)
    {
        var fromCriteria = await db.Aspects.AsNoTracking()
            .Where(a => db.CriteriaSets.Any(s => s.Id == a.CriteriaSetId && s.CycleId == cycleId && s.IsCurrent))
            .OrderBy(a => a.CriteriaSetId).ThenBy(a => a.SortOrder)
            .Select(a => new { a.Code, a.Name })
            .ToListAsync(ct);
        return fromCriteria.Select(a => (a.Code, a.Name))
            .Concat(CriteriaTemplates.Government.Concat(CriteriaTemplates.Company).Select(a => (a.Code, a.Name)))
            .DistinctBy(a => a.Code)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .ToList();
    }
}
