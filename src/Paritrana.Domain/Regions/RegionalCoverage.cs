using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Regions;

/// <summary>
/// The regional figures of an area (a regency, a branch's area, a province, the country) for one
/// month, summed over its regencies and cities, and the three coverage ratios built on
/// <see cref="Coverage.Percentage"/> (the portal's one percentage rule): all workers
/// (PU + BPU) / (formal + informal), formal workers PU / formal, informal workers BPU / informal.
/// </summary>
public sealed record AreaFigures(
    long FormalWorkers,
    long InformalWorkers,
    long ParticipantsPu,
    long ParticipantsBpu,
    long ActiveEmployers,
    long? AwareVillages)
{
    public static AreaFigures Zero { get; } = new(0, 0, 0, 0, 0, null);

    public long Workers => FormalWorkers + InformalWorkers;

    public long Participants => ParticipantsPu + ParticipantsBpu;

    /// <summary>(PU + BPU) / (formal + informal), in percent with two decimals.</summary>
    public decimal? AllCoverage => Coverage.Percentage(Participants, Workers);

    /// <summary>PU / formal workers.</summary>
    public decimal? FormalCoverage => Coverage.Percentage(ParticipantsPu, FormalWorkers);

    /// <summary>BPU / informal workers.</summary>
    public decimal? InformalCoverage => Coverage.Percentage(ParticipantsBpu, InformalWorkers);

    /// <summary>The sum of several regencies' figures; desa sadar stays unknown only when every part leaves it empty.</summary>
    public static AreaFigures Sum(IEnumerable<AreaFigures> parts)
    {
        long formal = 0, informal = 0, pu = 0, bpu = 0, employers = 0;
        long? villages = null;
        foreach (var p in parts)
        {
            formal += p.FormalWorkers;
            informal += p.InformalWorkers;
            pu += p.ParticipantsPu;
            bpu += p.ParticipantsBpu;
            employers += p.ActiveEmployers;
            if (p.AwareVillages is long v)
            {
                villages = (villages ?? 0) + v;
            }
        }

        return new AreaFigures(formal, informal, pu, bpu, employers, villages);
    }
}

/// <summary>One area ranked by its coverage of all workers, with its gap to the area it belongs to.</summary>
public sealed record RankedArea(int Rank, string Code, string Name, AreaFigures Figures, decimal? Gap)
{
    public decimal? Coverage => Figures.AllCoverage;
}

/// <summary>
/// How many of an area's regencies and cities gave figures for a period: an area's figures are the
/// sum of those that reported, so a period with fewer than <see cref="Expected"/> is incomplete and
/// is said to be ("belum lengkap: 9 dari 514 kabupaten/kota") wherever it is shown.
/// </summary>
public sealed record Completeness(int Reporting, int Expected)
{
    public bool IsComplete => Reporting >= Expected;
}

/// <summary>
/// An area's change against a year earlier, like for like: both periods summed over the regencies
/// and cities that reported in both (<see cref="Common"/>), so a regency that joined or left the
/// extract in between moves neither side. When every regency of either period reported in both
/// (<see cref="SameRegencies"/>), <see cref="Now"/> is the period's figures as shown and the changes
/// are the differences of the figures shown.
/// </summary>
public sealed record YearOnYear(AreaFigures Now, AreaFigures Before, int Common, int ReportingNow, int ReportingBefore)
{
    public bool SameRegencies => Common == ReportingNow && Common == ReportingBefore;

    public decimal? AllPoints => RegionalCoverage.PointChange(Now.AllCoverage, Before.AllCoverage);

    public decimal? FormalPoints => RegionalCoverage.PointChange(Now.FormalCoverage, Before.FormalCoverage);

    public decimal? InformalPoints => RegionalCoverage.PointChange(Now.InformalCoverage, Before.InformalCoverage);

    public decimal? EmployersPercent => RegionalCoverage.PercentChange(Now.ActiveEmployers, Before.ActiveEmployers);

    public decimal? VillagesPercent => RegionalCoverage.PercentChange(Now.AwareVillages, Before.AwareVillages);
}

/// <summary>The rules of the coverage pages (issue 16): changes against a year earlier, ranks, gaps, colour bands.</summary>
public static class RegionalCoverage
{
    /// <summary>The month a period is compared with: the same month a year earlier.</summary>
    public static DateOnly YearEarlier(DateOnly period) => period.AddYears(-1);

    /// <summary>
    /// The change of a ratio in percentage points: the difference of the two percentages as shown
    /// (each already rounded to two decimals), so the reader can check it; null without both.
    /// </summary>
    public static decimal? PointChange(decimal? now, decimal? before) =>
        now is decimal n && before is decimal b ? n - b : null;

    /// <summary>
    /// The change of a count in percent of the earlier count, rounded half away from zero to two
    /// decimals (as <see cref="Coverage.Percentage"/>); null when the earlier count is missing or zero.
    /// </summary>
    public static decimal? PercentChange(long? now, long? before) =>
        now is long n && before is long b && b != 0
            ? Math.Round(100m * (n - b) / b, 2, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>
    /// The areas ordered by coverage of all workers, highest first (areas without a workforce last,
    /// ties by code), ranked 1, 2, 2, 4 (equal coverage, equal rank), each with its gap in percentage
    /// points to <paramref name="reference"/> (the coverage of the whole).
    /// </summary>
    public static IReadOnlyList<RankedArea> Rank(IEnumerable<(string Code, string Name, AreaFigures Figures)> areas, decimal? reference)
    {
        var ordered = areas
            .OrderBy(a => a.Figures.AllCoverage is null)
            .ThenByDescending(a => a.Figures.AllCoverage)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .ToList();
        var result = new List<RankedArea>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (code, name, figures) = ordered[i];
            var coverage = figures.AllCoverage;
            var rank = coverage is null ? 0
                : i > 0 && result[i - 1].Coverage == coverage ? result[i - 1].Rank
                : i + 1;
            result.Add(new RankedArea(rank, code, name, figures, PointChange(coverage, reference)));
        }

        return result;
    }

    /// <summary>
    /// The change of an area from <paramref name="before"/> (the same month a year earlier) to
    /// <paramref name="now"/>, each the figures of the regencies and cities that reported (by code),
    /// over those that reported in both; null when none did (nothing to compare).
    /// </summary>
    public static YearOnYear? CompareLikeForLike(IReadOnlyDictionary<string, AreaFigures> now, IReadOnlyDictionary<string, AreaFigures> before)
    {
        var common = now.Keys.Where(before.ContainsKey).ToList();
        return common.Count == 0
            ? null
            : new YearOnYear(
                AreaFigures.Sum(common.Select(c => now[c])),
                AreaFigures.Sum(common.Select(c => before[c])),
                common.Count,
                now.Count,
                before.Count);
    }

    /// <summary>The lower bounds (percent) of the tile map's colour bands: band 1 below 20 %, ..., band 5 from 50 %.</summary>
    public static IReadOnlyList<decimal> BandBounds { get; } = [20m, 30m, 40m, 50m];

    /// <summary>The colour band of a coverage: 0 without figures, 1 below 20 %, 2 from 20 %, 3 from 30 %, 4 from 40 %, 5 from 50 %.</summary>
    public static int Band(decimal? coverage) =>
        coverage is decimal c ? 1 + BandBounds.Count(bound => c >= bound) : 0;
}
