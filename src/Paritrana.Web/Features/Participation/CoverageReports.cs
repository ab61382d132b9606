using Microsoft.Extensions.Caching.Memory;

namespace Paritrana.Web.Features.Participation;

/// <summary>
/// One period of an area's figures (a point of the coverage-over-time chart), and how many of the
/// area's regencies and cities reported it (null for a single regency's own trend).
/// </summary>
public sealed record CoveragePoint(DateOnly Period, AreaFigures Figures, Completeness? Completeness = null);

/// <summary>The employers of an area from their latest import: by size class, enrolled in all five programmes, in arrears.</summary>
public sealed record EmployerSummary(IReadOnlyList<EmployerSummary.SizeCount> BySize, long WithFigures, long AllFive, long InArrears)
{
    /// <summary>The employers of one size class (null: unknown), with the same counts as the whole (the CSV's lines).</summary>
    public sealed record SizeCount(SizeClass? Size, long Employers, long WithFigures = 0, long AllFive = 0, long InArrears = 0);

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
    IReadOnlyDictionary<string, Completeness> PartsReporting,
    YearOnYear? Change,
    EmployerSummary Employers,
    DateTimeOffset ComputedAt)
{
    public CoveragePoint? Latest => Trend.Count == 0 ? null : Trend[^1];

    /// <summary>True when the parts are areas of several regencies (the provinces of the country), whose completeness is worth showing.</summary>
    public bool PartsHaveRegencies => PartsReporting.Values.Any(c => c.Expected > 1);

    /// <summary>The area's coverage of all workers at the latest month (the reference of the parts' gaps).</summary>
    public decimal? LatestCoverage => Latest?.Figures.AllCoverage;
}

/// <summary>A part's figures per period (the CSV export's rows), with how many of its regencies and cities reported.</summary>
public sealed record PartSeries(string Code, DateOnly Period, AreaFigures Figures, Completeness Completeness);

/// <summary>
/// The figures of the coverage pages (issue 16), read through the reader's scope and kept per
/// instance (docs/decisions/042, 044): a province page sums at most a few thousand regional rows
/// but counts every employer of its area (tens of thousands), the national page every employer of
/// the country (700,000), which no page should do on every request. A kept report is used only
/// while no import has finished since (<see cref="DataVersionAsync"/>, read on every request, so
/// an import finished on any instance shows on every instance at once), and at most for
/// <see cref="Freshness"/> (employers edited outside an import). The page says when its figures
/// were computed.
/// </summary>
public sealed class CoverageReports(ParitranaDbContext db, ReferenceData reference, IMemoryCache cache, CoverageReports.Generation generation, TimeProvider clock)
{
    /// <summary>How long a computed report is reused at most before it is computed again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    /// <summary>The instance's count of <see cref="Forget"/>s, part of every key (a singleton).</summary>
    public sealed class Generation
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Next() => Interlocked.Increment(ref _value);
    }

    /// <summary>Forgets every report the instance of <paramref name="services"/> computed so far (tests that write figures by SQL).</summary>
    public static void Forget(IServiceProvider services) => services.GetRequiredService<Generation>().Next();

    /// <summary>
    /// The regencies and cities of <paramref name="provinceCode"/> that the scope sees (a branch
    /// officer: their branch's), with their names; empty when the province is outside the scope.
    /// </summary>
    public async Task<IReadOnlyList<ReferenceData.RegencyRef>> RegenciesAsync(AccessScope scope, string provinceCode, CancellationToken ct) =>
        (await reference.RegenciesAsync(db, ct)).InScope(scope).Where(r => r.ProvinceCode == provinceCode).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// What the kept reports are computed from: the time of the latest finished import (employer or
    /// regional; the only writers of the figures), the same on every instance since it is read from
    /// the database. One statement over the small <c>import_batches</c> table.
    /// </summary>
    public Task<DateTimeOffset?> DataVersionAsync(CancellationToken ct) =>
        db.ImportBatches.AsNoTracking().Where(b => b.Status == ImportStatus.Completed).MaxAsync(b => b.CompletedAt, ct);

    /// <summary>A province (or, for a branch officer, their branch's area of it) and its regencies and cities.</summary>
    public async Task<AreaReport> ProvinceAsync(AccessScope scope, string provinceCode, CancellationToken ct)
    {
        var key = await KeyAsync($"province:{provinceCode}:{scope.BranchOfficeId?.ToString(CultureInfo.InvariantCulture) ?? "all"}", ct);
        return await CachedAsync(key, async () =>
        {
            var regencies = await RegenciesAsync(scope, provinceCode, ct);
            var codes = regencies.Select(r => r.Code).ToArray();
            var rows = await db.RegionalFigures.AsNoTracking()
                .Where(f => codes.Contains(f.RegencyCode))
                .Select(f => new PartRow(f.RegencyCode, f.Period, f.FormalWorkers, f.InformalWorkers, f.ParticipantsPu, f.ParticipantsBpu, f.ActiveEmployers, f.AwareVillages, 1))
                .ToListAsync(ct);
            var employers = db.Organisations.AsNoTracking().InScope(scope).Where(o => o.ProvinceCode == provinceCode);
            var parts = regencies.Select(r => new Part(r.Code, r.Name, 1)).ToList();
            return Build(rows, parts, Compare(rows), await SummariseAsync(employers, ct));
        });
    }

    /// <summary>The country and its 38 provinces (the administrator).</summary>
    public async Task<AreaReport> NationalAsync(AccessScope scope, CancellationToken ct)
    {
        var key = await KeyAsync($"national:{scope.IsNational}", ct);
        return await CachedAsync(key, async () =>
        {
            var provinces = (await reference.ProvincesAsync(db, ct)).InScope(scope).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
            var visible = provinces.Select(p => p.Code).ToArray();
            var regencies = (await reference.RegenciesAsync(db, ct)).InScope(scope).CountBy(r => r.ProvinceCode).ToDictionary(StringComparer.Ordinal);
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
                    g.Max(f => f.AwareVillages) == null ? null : g.Sum(f => (long?)f.AwareVillages),
                    g.Count()))
                .ToListAsync(ct);

            // The change against a year earlier is like for like (RegionalCoverage.CompareLikeForLike):
            // the regencies' own rows of the two months compared, at most twice 514.
            var change = (YearOnYear?)null;
            if (rows.Count > 0)
            {
                var latest = rows.Max(r => r.Period);
                var before = RegionalCoverage.YearEarlier(latest);
                var pair = await db.RegionalFigures.AsNoTracking()
                    .Where(f => visible.Contains(f.RegencyOrCity!.ProvinceCode) && (f.Period == latest || f.Period == before))
                    .Select(f => new PartRow(f.RegencyCode, f.Period, f.FormalWorkers, f.InformalWorkers, f.ParticipantsPu, f.ParticipantsBpu, f.ActiveEmployers, f.AwareVillages, 1))
                    .ToListAsync(ct);
                change = Compare(pair);
            }

            var employers = db.Organisations.AsNoTracking().InScope(scope);
            var parts = provinces.Select(p => new Part(p.Code, p.Name, regencies.GetValueOrDefault(p.Code))).ToList();
            return Build(rows, parts, change, await SummariseAsync(employers, ct));
        });
    }

    private sealed record PartRow(string Code, DateOnly Period, long Formal, long Informal, long Pu, long Bpu, long Employers, long? Villages, int Regencies)
    {
        public AreaFigures Figures => new(Formal, Informal, Pu, Bpu, Employers, Villages);
    }

    /// <summary>A part of the area (a regency, a province) and how many regencies and cities it has.</summary>
    private sealed record Part(string Code, string Name, int Regencies);

    /// <summary>The latest month against the same month a year earlier, from the regencies' own rows.</summary>
    private static YearOnYear? Compare(IReadOnlyList<PartRow> regencyRows)
    {
        if (regencyRows.Count == 0)
        {
            return null;
        }

        var latest = regencyRows.Max(r => r.Period);
        var before = RegionalCoverage.YearEarlier(latest);
        return RegionalCoverage.CompareLikeForLike(
            regencyRows.Where(r => r.Period == latest).ToDictionary(r => r.Code, r => r.Figures, StringComparer.Ordinal),
            regencyRows.Where(r => r.Period == before).ToDictionary(r => r.Code, r => r.Figures, StringComparer.Ordinal));
    }

    private AreaReport Build(IReadOnlyList<PartRow> rows, IReadOnlyList<Part> parts, YearOnYear? change, EmployerSummary employers)
    {
        var expected = parts.Sum(p => p.Regencies);
        var trend = rows.GroupBy(r => r.Period)
            .OrderBy(g => g.Key)
            .Select(g => new CoveragePoint(g.Key, AreaFigures.Sum(g.Select(r => r.Figures)), new Completeness(g.Sum(r => r.Regencies), expected)))
            .ToList();
        var latest = trend.Count == 0 ? (DateOnly?)null : trend[^1].Period;
        var atLatest = rows.Where(r => r.Period == latest).ToDictionary(r => r.Code, r => r.Figures, StringComparer.Ordinal);
        var ranked = RegionalCoverage.Rank(
            parts.Select(p => (p.Code, p.Name, atLatest.GetValueOrDefault(p.Code) ?? AreaFigures.Zero)),
            trend.Count == 0 ? null : trend[^1].Figures.AllCoverage);
        var sizes = parts.ToDictionary(p => p.Code, p => p.Regencies, StringComparer.Ordinal);
        var series = rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Period)
            .Select(r => new PartSeries(r.Code, r.Period, r.Figures, new Completeness(r.Regencies, sizes.GetValueOrDefault(r.Code, r.Regencies))))
            .ToList();
        var reporting = parts.ToDictionary(
            p => p.Code,
            p => new Completeness(rows.FirstOrDefault(r => r.Period == latest && r.Code == p.Code)?.Regencies ?? 0, p.Regencies),
            StringComparer.Ordinal);
        return new AreaReport(trend, ranked, series, reporting, change, employers, clock.GetUtcNow());
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
        EmployerSummary.SizeCount Count(SizeClass? size)
        {
            var of = groups.Where(g => g.Size == size).ToList();
            return new(size, of.Sum(g => g.Employers), of.Sum(g => g.WithFigures), of.Sum(g => g.AllFive), of.Sum(g => g.InArrears));
        }

        var bySize = new SizeClass?[] { SizeClass.Large, SizeClass.Medium, SizeClass.Small, SizeClass.Micro }.Select(Count).ToList();
        if (Count(null) is { Employers: > 0 } unknown)
        {
            bySize.Add(unknown);
        }

        return new EmployerSummary(bySize, groups.Sum(g => g.WithFigures), groups.Sum(g => g.AllFive), groups.Sum(g => g.InArrears));
    }

    /// <summary>The cache key of a report: this process's generation, the data's version, the report.</summary>
    private async Task<string> KeyAsync(string report, CancellationToken ct)
    {
        var version = await DataVersionAsync(ct);
        return $"coverage:{generation.Value}:{version?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "none"}:{report}";
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
