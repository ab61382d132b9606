namespace Paritrana.Web.Infrastructure;

/// <summary>What the _Pager partial needs, whatever the row type.</summary>
public interface IPagerModel
{
    int Page { get; }
    int PageCount { get; }
    int TotalCount { get; }
    bool HasPrevious { get; }
    bool HasNext { get; }
    int FirstRow { get; }
    int LastRow { get; }
}

/// <summary>One page of a list. Every list in the portal is paged (25 rows by default).</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount) : IPagerModel
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
    public int FirstRow => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int LastRow => Math.Min(Page * PageSize, TotalCount);
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Counts, then reads one page of an ordered (and projected) query. Out-of-range pages clamp.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken ct = default) =>
        await query.ToPageAsync(page, await query.CountAsync(ct), pageSize, ct);

    /// <summary>Reads one page of a query whose number of rows the caller already knows (no count query). Out-of-range pages clamp.</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int total, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
