namespace Paritrana.Web.Pages.Employers;

/// <summary>
/// The query behind candidate discovery, shared by the list and its CSV export: employers in the
/// user's scope, filtered and sorted entirely in SQL. The coverage ratio is computed from the
/// latest imported figures on the organisation row (PU + BPU over workers), so 50,000 employers
/// are filtered without touching their history.
/// </summary>
public static class EmployerDiscovery
{
    /// <summary>What the user asked for (query-string values, already parsed).</summary>
    public sealed record Filter
    {
        public string? Text { get; init; }
        public string? ProvinceCode { get; init; }
        public string? RegencyCode { get; init; }
        public int? BranchOfficeId { get; init; }
        public SizeClass? Size { get; init; }
        public string? Sector { get; init; }
        public decimal? CoverageMin { get; init; }
        public decimal? CoverageMax { get; init; }
        public int? ArrearsMax { get; init; }
        public Programs Programs { get; init; }
        public string Sort { get; init; } = SortKeys.Name;
        public bool Descending { get; init; }
    }

    /// <summary>The sort keys of the query string.</summary>
    public static class SortKeys
    {
        public const string Name = "nama";
        public const string Coverage = "cakupan";
        public const string Workers = "pekerja";
        public const string Arrears = "tunggakan";
        public const string AsOf = "tanggal";

        public static readonly IReadOnlyList<string> All = [Name, Coverage, Workers, Arrears, AsOf];
    }

    public sealed record Row(
        int Id,
        string? Npp,
        string Name,
        string? RegencyName,
        string? BranchName,
        SizeClass? Size,
        string? Sector,
        int? Workers,
        int? ParticipantsPu,
        int? ParticipantsBpu,
        decimal? Coverage,
        Programs Programs,
        int? ArrearsMonths,
        DateOnly? AsOf);

    /// <summary>An employer with its coverage computed in SQL, so that filters and sorts can use it.</summary>
    private sealed class Candidate
    {
        public Organisation O { get; init; } = null!;
        public decimal? Coverage { get; init; }
    }

    /// <summary>The filtered, sorted rows (not yet paged); the caller pages them or streams them all.</summary>
    public static IQueryable<Row> Query(ParitranaDbContext db, AccessScope scope, Filter f)
    {
        var employers = db.Organisations.AsNoTracking().InScope(scope).Where(o => o.Type == OrganisationType.Employer);

        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var pattern = TextSearch.ContainsPattern(f.Text);
            employers = employers.Where(o => EF.Functions.ILike(o.Name, pattern, @"\") || EF.Functions.ILike(o.Npp!, pattern, @"\"));
        }

        if (!string.IsNullOrEmpty(f.ProvinceCode))
        {
            employers = employers.Where(o => o.ProvinceCode == f.ProvinceCode);
        }

        if (!string.IsNullOrEmpty(f.RegencyCode))
        {
            employers = employers.Where(o => o.RegencyCode == f.RegencyCode);
        }

        if (f.BranchOfficeId is int branch)
        {
            employers = employers.Where(o => o.BranchOfficeId == branch);
        }

        if (f.Size is SizeClass size)
        {
            employers = employers.Where(o => o.SizeClass == size);
        }

        if (!string.IsNullOrEmpty(f.Sector))
        {
            employers = employers.Where(o => o.Sector == f.Sector);
        }

        if (f.ArrearsMax is int arrears)
        {
            employers = employers.Where(o => o.LatestArrearsMonths <= arrears);
        }

        if (f.Programs != Programs.None)
        {
            var mask = f.Programs;
            employers = employers.Where(o => (o.LatestPrograms & mask) == mask);
        }

        // Rounded in SQL as Coverage.Percentage rounds (PostgreSQL's round(numeric, 2) rounds half away
        // from zero), so that the filter compares the very value the list shows.
        var candidates = employers.Select(o => new Candidate
        {
            O = o,
            Coverage = o.LatestWorkers > 0 && (o.LatestParticipantsPu != null || o.LatestParticipantsBpu != null)
                ? Math.Round((decimal)((o.LatestParticipantsPu ?? 0) + (o.LatestParticipantsBpu ?? 0)) * 100m / o.LatestWorkers.Value, 2)
                : null,
        });

        if (f.CoverageMin is decimal min)
        {
            candidates = candidates.Where(c => c.Coverage >= min);
        }

        if (f.CoverageMax is decimal max)
        {
            candidates = candidates.Where(c => c.Coverage <= max);
        }

        var sorted = Sort(candidates, f);

        return from c in sorted
               join r in db.RegenciesAndCities on c.O.RegencyCode equals r.Code into regencies
               from r in regencies.DefaultIfEmpty()
               join b in db.BranchOffices on c.O.BranchOfficeId equals (int?)b.Id into branches
               from b in branches.DefaultIfEmpty()
               select new Row(
                   c.O.Id,
                   c.O.Npp,
                   c.O.Name,
                   r.Name,
                   b.Name,
                   c.O.SizeClass,
                   c.O.Sector,
                   c.O.LatestWorkers,
                   c.O.LatestParticipantsPu,
                   c.O.LatestParticipantsBpu,
                   c.Coverage,
                   c.O.LatestPrograms,
                   c.O.LatestArrearsMonths,
                   c.O.LatestAsOf);
    }

    /// <summary>Sorts by the chosen key; rows without a value come last either way; ties by name, then id (stable pages).</summary>
    private static IOrderedQueryable<Candidate> Sort(IQueryable<Candidate> q, Filter f)
    {
        var d = f.Descending;
        IOrderedQueryable<Candidate> sorted = f.Sort switch
        {
            SortKeys.Coverage => d ? q.OrderBy(c => c.Coverage == null).ThenByDescending(c => c.Coverage) : q.OrderBy(c => c.Coverage == null).ThenBy(c => c.Coverage),
            SortKeys.Workers => d ? q.OrderBy(c => c.O.LatestWorkers == null).ThenByDescending(c => c.O.LatestWorkers) : q.OrderBy(c => c.O.LatestWorkers == null).ThenBy(c => c.O.LatestWorkers),
            SortKeys.Arrears => d ? q.OrderBy(c => c.O.LatestArrearsMonths == null).ThenByDescending(c => c.O.LatestArrearsMonths) : q.OrderBy(c => c.O.LatestArrearsMonths == null).ThenBy(c => c.O.LatestArrearsMonths),
            SortKeys.AsOf => d ? q.OrderBy(c => c.O.LatestAsOf == null).ThenByDescending(c => c.O.LatestAsOf) : q.OrderBy(c => c.O.LatestAsOf == null).ThenBy(c => c.O.LatestAsOf),
            _ => d ? q.OrderByDescending(c => c.O.Name) : q.OrderBy(c => c.O.Name),
        };
        return f.Sort == SortKeys.Name || !SortKeys.All.Contains(f.Sort)
            ? sorted.ThenBy(c => c.O.Id)
            : sorted.ThenBy(c => c.O.Name).ThenBy(c => c.O.Id);
    }

    /// <summary>A percentage typed in the page's culture ("12,5" or "12,5 %" in Indonesian, "12.5" in English; "12.5" in both); null when empty; false when it is not a number.</summary>
    public static bool TryParsePercent(string? text, out decimal? value)
    {
        value = null;
        var t = (text ?? "").Replace("%", "", StringComparison.Ordinal).Trim();
        if (t.Length == 0)
        {
            return true;
        }

        if (!t.StartsWith('-') && Paritrana.Domain.Input.NumberText.TryParse(t, CultureInfo.CurrentCulture.NumberFormat, groups: false, fraction: true, out var v))
        {
            value = v;
            return true;
        }

        return false;
    }
}
