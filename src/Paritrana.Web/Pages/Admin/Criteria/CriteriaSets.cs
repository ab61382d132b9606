namespace Paritrana.Web.Pages.Admin.Criteria;

/// <summary>Copies of criteria sets: to another cycle's category, or as the next version of the same category.</summary>
public static class CriteriaSets
{
    /// <summary>A new unlocked, current set with the same aspects and indicators (new rows, new ids).</summary>
    public static CriteriaSet Copy(CriteriaSet source, int cycleId, int categoryId, DateTimeOffset now, int versionNumber = 1) => new()
    {
        CycleId = cycleId,
        CategoryId = categoryId,
        Stage = source.Stage,
        VersionNumber = versionNumber,
        IsCurrent = true,
        IsLocked = false,
        CreatedAt = now,
        Aspects = source.Aspects.OrderBy(a => a.SortOrder).Select(a => new Aspect
        {
            Code = a.Code,
            Name = a.Name,
            Weight = a.Weight,
            SortOrder = a.SortOrder,
            Indicators = a.Indicators.OrderBy(i => i.SortOrder).Select(i => new Indicator
            {
                Code = i.Code,
                Name = i.Name,
                Weight = i.Weight,
                Scale = i.Scale,
                SortOrder = i.SortOrder,
                EvidenceGuidance = i.EvidenceGuidance,
                Rubric1 = i.Rubric1,
                Rubric2 = i.Rubric2,
                Rubric3 = i.Rubric3,
                Rubric4 = i.Rubric4,
                Rubric5 = i.Rubric5,
            }).ToList(),
        }).ToList(),
    };
}
