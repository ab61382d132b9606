namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Which award cycle a page shows: the one asked for (?cycle=2025), else the current one, else the
/// latest. Pages that list or create nominations all pick their cycle this way.
/// </summary>
public static class CycleLookup
{
    public sealed record CycleRef(int Id, int Year, bool IsCurrent, bool IsClosed);

    public static async Task<CycleRef?> ResolveAsync(ParitranaDbContext db, int? year, CancellationToken ct = default)
    {
        var cycles = db.AwardCycles.AsNoTracking();
        if (year is int y)
        {
            return await cycles.Where(c => c.Year == y).Select(c => new CycleRef(c.Id, c.Year, c.IsCurrent, c.IsClosed)).FirstOrDefaultAsync(ct);
        }

        return await cycles.OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.Year)
            .Select(c => new CycleRef(c.Id, c.Year, c.IsCurrent, c.IsClosed)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The same choice as <see cref="ResolveAsync"/>, from the list a cycle picker has already read
    /// (<see cref="AllAsync"/>), so a page with a picker needs one query for both.
    /// </summary>
    public static CycleRef? Resolve(IReadOnlyList<CycleRef> all, int? year) =>
        year is int y
            ? all.FirstOrDefault(c => c.Year == y)
            : all.OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.Year).FirstOrDefault();

    /// <summary>All cycles, newest first, for a cycle picker.</summary>
    public static async Task<IReadOnlyList<CycleRef>> AllAsync(ParitranaDbContext db, CancellationToken ct = default) =>
        await db.AwardCycles.AsNoTracking().OrderByDescending(c => c.Year)
            .Select(c => new CycleRef(c.Id, c.Year, c.IsCurrent, c.IsClosed)).ToListAsync(ct);
}
