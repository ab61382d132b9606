namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// Reads what <see cref="CriteriaReadiness"/> needs for a round (the current criteria set of each
/// category, and the aspects the round scores) and words its refusals: a round is not opened, and
/// scorers are not assigned, for a category without usable criteria (docs/decisions/015). The
/// criteria are the administrator's; the chair is told which categories lack them.
/// </summary>
public static class RoundCriteria
{
    /// <summary>The categories of the nominations a round of the province and cycle scores now (ready for scoring, or scored).</summary>
    public static async Task<List<int>> ScoredCategoryIdsAsync(ParitranaDbContext db, int cycleId, string provinceCode, CancellationToken ct)
    {
        return await RoundNominations.Of(db, cycleId, provinceCode, ScoringEligibility.Assignable).AsNoTracking()
            .Select(n => n.CategoryId).Distinct().ToListAsync(ct);
    }

    /// <summary>Of <paramref name="categoryIds"/>, those that lack usable criteria for the round, in the categories' order.</summary>
    public static async Task<IReadOnlyList<CategoryLack>> LackingAsync(ParitranaDbContext db, int roundId, IReadOnlyCollection<int> categoryIds, CancellationToken ct)
    {
        if (categoryIds.Count == 0)
        {
            return [];
        }

        var ids = categoryIds.Distinct().ToList();
        var roundCodes = await db.RoundAspects.AsNoTracking().Where(a => a.RoundId == roundId).Select(a => a.AspectCode).ToListAsync(ct);
        var stage = RoundNominations.StageOf(await db.ScoringRounds.Where(r => r.Id == roundId).Select(r => r.ProvinceCode).FirstAsync(ct));
        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => ids.Contains(s.CategoryId) && s.Stage == stage && s.IsCurrent)
                .Select(s => new
                {
                    s.CategoryId,
                    s.VersionNumber,
                    Aspects = s.Aspects.OrderBy(a => a.SortOrder).Select(a => new
                    {
                        a.Code,
                        a.Name,
                        a.Weight,
                        Indicators = a.Indicators.Select(i => new CriteriaRules.WeightItem(i.Name, i.Weight)).ToList(),
                    }).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct))
            .GroupBy(s => s.CategoryId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.VersionNumber).First());

        return CriteriaReadiness.Lacking(
            categories.Select(c => sets.TryGetValue(c.Id, out var set)
                ? new CategoryCriteria(c.Name, set.Aspects.Select(a => new CriteriaRules.AspectShape(a.Name, a.Weight, a.Indicators)).ToList(), set.Aspects.Select(a => a.Code).ToList())
                : new CategoryCriteria(c.Name, null, [])),
            roundCodes);
    }

    /// <summary>The categories and what each lacks: "Perusahaan Besar (belum ada kriteria); ...".</summary>
    public static string List(IStringLocalizer<SharedResource> l, IEnumerable<CategoryLack> lacking) =>
        string.Join("; ", lacking.Select(c => c.Lack switch
        {
            CriteriaLack.NoCriteria => l["{0} (belum ada kriteria)", c.CategoryName].Value,
            CriteriaLack.NotValid => l["{0} (kriteria belum lengkap: bobotnya belum berjumlah 100 atau ada aspek tanpa indikator)", c.CategoryName].Value,
            _ => l["{0} (kriteria tidak memuat aspek yang dinilai babak ini)", c.CategoryName].Value,
        }));

    public static string OpenRefusal(IStringLocalizer<SharedResource> l, string roundName, IEnumerable<CategoryLack> lacking) =>
        l["Babak {0} belum dapat dibuka: kriteria penilaian belum ditetapkan untuk kategori {1}. Kriteria ditetapkan oleh administrator; minta administrator menetapkannya, lalu buka babak ini lagi.", roundName, List(l, lacking)].Value;

    public static string AssignRefusal(IStringLocalizer<SharedResource> l, IEnumerable<CategoryLack> lacking) =>
        l["Penilai belum dapat ditugaskan: kriteria penilaian belum ditetapkan untuk kategori {0}. Kriteria ditetapkan oleh administrator; minta administrator menetapkannya, lalu ulangi penugasan.", List(l, lacking)].Value;
}
