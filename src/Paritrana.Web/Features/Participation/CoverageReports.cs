using Microsoft.Extensions.Caching.Memory;

namespace Paritrana.Web.Features.Participation;

/// <summary>One period of an area's figures (a point of the coverage-over-time chart).</summary>
public sealed record CoveragePoint(DateOnly Period, AreaFigures Figures);

/// <summary>The employers of an area from their latest import: by size class, enrolled in all five programmes, in arrears.</summary>
public sealed record EmployerSummary(IReadOnlyList<EmployerSummary.SizeCount> BySize, long WithFigures, long AllFive, long InArrears)
{
    public sealed record SizeCount(SizeClass? Size, long Employers);

    public long Employers => BySize.Sum(s => s.Employers);

    /// <summary>Share of the employers with imported figures that are enrolled in JKK, JKM, JHT, JP and JKP.</summary>
    public decimal? AllFiveShare => Domain.Organisations.Coverage.Percentage(AllFive, WithFigures);

    /// <summary>Share of the employers with imported figures that owe at least one month.</summary>
    public decimal? ArrearsShare => Domain.Organisations.Coverage.Percentage(InArrears, WithFigures);
}

/// <summary>
/// What a coverage page shows of one area: the latest month and the same month a year earlier, the
/// area's figures over every period, its parts (regencies of a province, provinces of the country)
/// ranked at the latest month with their gap to the area, and its employers.
/// </summary>
public sealed record AreaReport(
    IReadOnlyList<CoveragePoint> Trend,
    IReadOnlyList<RankedArea> Parts,
    IReadOnlyList<PartSeries> PartTrends,
    EmployerSummary Employers,
    DateTimeOffset ComputedAt)
{
    public CoveragePoint? Latest => Trend.Count == 0 ? null : Trend[^1];

    /// <summary>The same month a year before the latest; null when that month was not imported.</summary>
    public CoveragePoint? YearEarlier => Latest is { } latest
        ? Trend.FirstOrDefault(p => p.Period == RegionalCoverage.YearEarlier(latest.Period))
        : null;

    /// <summary>The area's coverage of all workers at the latest month (the reference of the parts' gaps).</summary>
    public decimal? LatestCoverage => Latest?.Figures.AllCoverage;
}

/// <summary>A part's figures per period (the CSV export's rows).</summary>
public sealed record PartSeries(string Code, DateOnly Period, AreaFigures Figures);

/// <summary>
/// The figures of the coverage pages (issue 16), read through the reader's scope and kept per
/// instance for <see cref="Freshness"/> (docs/decisions/042): a province page sums at most a few
/// thousand regional rows but counts every employer of its area (tens of thousands), the national
/// page every employer of the country (700,000), which no page should do on every request. The
/// page says when its figures were computed.
/// </summary>
public sealed class CoverageReports(ParitranaDbContext db, ReferenceData reference, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long a computed report is reused before it is computed again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private static long s_generation;

    /// <summary>Forgets every report computed so far (tests that write figures by SQL; a finished import).</summary>
    public static void Forget() => Interlocked.Increment(ref s_generation);

    /// <summary>
    /// The regencies and cities of <paramref name="provinceCode"/> that the scope sees (a branch
    /// officer: their branch's), with their names; empty when the province is outside the scope.
    /// </summary>
    public async Task<IReadOnlyList<ReferenceData.RegencyRef>> RegenciesAsync(AccessScope scope, string provinceCode, CancellationToken ct) =>
        (await reference.RegenciesAsync(db, ct)).InScope(scope).Where(r => r.ProvinceCode == provinceCode).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    /// <summary>A province (or, for a branch officer, their branch's area of it) and its regencies and cities.</summary>
    public Task<AreaReport> ProvinceAsync(AccessScope scope, string provinceCode, CancellationToken ct)
    {
        var key = $"coverage:{Interlocked.Read(ref s_generation)}:province:{provinceCode}:{scope.BranchOfficeId?.ToString(CultureInfo.InvariantCulture) ?? "all"}";
        return CachedAsync(key, async () =>
        {
            var regencies = await RegenciesAsync(scope, provinceCode, ct);
            var codes = regencies.Select(r => r.Code).ToArray();
            var rows = await db.RegionalFigures.AsNoTracking()
                .Where(f => codes.Contains(f.RegencyCode))
                .Select(f => new PartRow(f.RegencyCode, f.Period, f.FormalWorkers, f.InformalWorkers, f.ParticipantsPu, f.ParticipantsBpu, f.ActiveEmployers, f.AwareVillages))
                .ToListAsync(ct);
            var employers = db.Organisations.AsNoTracking().InScope(scope).Where(o => o.ProvinceCode == provinceCode);
            return Build(rows, regencies.Select(r => (r.Code, r.Name)), await SummariseAsync(employers, ct));
        });
    }

    /// <summary>The country and its 38 provinces (the administrator).</summary>
    public Task<AreaReport> NationalAsync(AccessScope scope, CancellationToken ct)
    {
        var key = $"coverage:{Interlocked.Read(ref s_generation)}:national:{scope.IsNational}";
        return CachedAsync(key, async () =>
        {
            var provinces = (await reference.ProvincesAsync(db, ct)).InScope(scope).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
            var visible = provinces.Select(p => p.Code).ToArray();
            var rows = await db.RegionalFigures.AsNoTracking()
                .Where(f => visible.Contains(f.RegencyOrCity!.ProvinceCode))
                .GroupBy(f => new { f.RegencyOrCity!.ProvinceCode, f.Period })
                .Select(g => new PartRow(
                    g.Key.ProvinceCode,
                    g.Key.Period,
                    g.Sum(f => f.FormalWorkers),
                    g.Sum(f => f.InformalWorkers),
                    g.Sum(f => f.ParticipantsPu),
                    g.Sum(f => f.ParticipantsBpu),
                    g.Sum(f => f.ActiveEmployers),
                    // Unknown (null) when no regency of the province gave it, as AreaFigures.Sum: SUM alone would say 0.
                    g.Max(f => f.AwareVillages) == null ? null : g.Sum(f => (long?)f.AwareVillages)))
                .ToListAsync(ct);
            var employers = db.Organisations.AsNoTracking().InScope(scope);
            return Build(rows, provinces.Select(p => (p.Code, p.Name)), await SummariseAsync(employers, ct));
        });
    }

    private sealed record PartRow(string Code, DateOnly Period, long Formal, long Informal, long Pu, long Bpu, long Employers, long? Villages)
    {
        public AreaFigures Figures => new(Formal, Informal, Pu, Bpu, Employers, Villages);
    }

    private AreaReport Build(IReadOnlyList<PartRow> rows, IEnumerable<(string Code, string Name)> parts, EmployerSummary employers)
    {
        var trend = rows.GroupBy(r => r.Period)
            .OrderBy(g => g.Key)
            .Select(g => new CoveragePoint(g.Key, AreaFigures.Sum(g.Select(r => r.Figures))))
            .ToList();
        var latest = trend.Count == 0 ? (DateOnly?)null : trend[^1].Period;
        var atLatest = rows.Where(r => r.Period == latest).ToDictionary(r => r.Code, r => r.Figures, StringComparer.Ordinal);
        var ranked = RegionalCoverage.Rank(
            parts.Select(p => (p.Code, p.Name, atLatest.GetValueOrDefault(p.Code) ?? AreaFigures.Zero)),
            trend.Count == 0 ? null : trend[^1].Figures.AllCoverage);
        var series = rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Period)
            .Select(r => new PartSeries(r.Code, r.Period, r.Figures))
            .ToList();
        return new AreaReport(trend, ranked, series, employers, clock.GetUtcNow());
    }

    private static async Task<EmployerSummary> SummariseAsync(IQueryable<Organisation> organisations, CancellationToken ct)
    {
        // One statement over the employers' latest figures (copied onto the organisation by the import).
        var groups = await organisations
            .Where(o => o.Type == OrganisationType.Employer)
            .GroupBy(o => o.SizeClass)
            .Select(g => new
            {
                Size = g.Key,
                Employers = g.LongCount(),
                WithFigures = g.LongCount(o => o.LatestAsOf != null),
                AllFive = g.LongCount(o => o.LatestAsOf != null && o.LatestPrograms == Programs.All),
                InArrears = g.LongCount(o => o.LatestArrearsMonths > 0),
            })
            .ToListAsync(ct);
        var bySize = new[] { SizeClass.Large, SizeClass.Medium, SizeClass.Small, SizeClass.Micro }
            .Select(s => new EmployerSummary.SizeCount(s, groups.Where(g => g.Size == s).Sum(g => g.Employers)))
            .ToList();
        var unknown = groups.Where(g => g.Size is null).Sum(g => g.Employers);
        if (unknown > 0)
        {
            bySize.Add(new EmployerSummary.SizeCount(null, unknown));
        }

        return new EmployerSummary(bySize, groups.Sum(g => g.WithFigures), groups.Sum(g => g.AllFive), groups.Sum(g => g.InArrears));
    }

    private async Task<AreaReport> CachedAsync(string key, Func<Task<AreaReport>> compute)
    {
        if (cache.TryGetValue(key, out AreaReport? report) && report is not null)
        {
            return report;
        }

        report = await compute();
        cache.Set(key, report, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Freshness });
        return report;
    }
}
