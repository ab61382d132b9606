using Microsoft.AspNetCore.Mvc.Rendering;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.FieldWork.Coaching;

/// <summary>
/// All open coaching items (open or in progress) of the province, grouped by nomination: the
/// nominations whose earliest due date is earliest come first, and within each the items by due
/// date, so overdue items lead. Paged by nomination; the items of a page are read in one query.
/// </summary>
public class IndexModel(ParitranaDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "regency")]
    public string? Regency { get; set; }

    /// <summary>The administrator's province filter (others see their own province).</summary>
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    /// <summary>Only the items past their due date (WIB), as the administrator's home page counts them.</summary>
    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OverdueOnly { get; set; }

    public PagedList<Group> Groups { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<SelectListItem> Regencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public bool IsNational { get; private set; }

    public sealed record Group(int NominationId, string OrganisationName, string? RegencyName, string ProvinceCode, int OpenCount, int OverdueCount, IReadOnlyList<Row> Items);

    public sealed record Row(int Id, string Finding, string? ResponsiblePerson, DateOnly DueDate, CoachingStatus Status, int DaysOverdue);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        IsNational = scope.IsNational;
        var items = (OverdueOnly ? WorkQueries.OverdueCoachingItems(db, scope, Wib.Today(clock)) : WorkQueries.OpenCoachingItems(db, scope)).AsNoTracking();
        if (IsNational && !string.IsNullOrEmpty(Province))
        {
            items = items.Where(c => c.ProvinceCode == Province);
        }

        if (!string.IsNullOrEmpty(Regency))
        {
            items = items.Where(c => c.RegencyCode == Regency);
        }

        var page = await items
            .GroupBy(c => c.NominationId)
            .Select(g => new { NominationId = g.Key, FirstDue = g.Min(c => c.DueDate) })
            .OrderBy(g => g.FirstDue).ThenBy(g => g.NominationId)
            .ToPagedListAsync(PageNumber, ct: ct);

        var ids = page.Items.Select(g => g.NominationId).ToList();
        var rows = await items
            .Where(c => ids.Contains(c.NominationId))
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.NominationId,
                c.ProvinceCode,
                Organisation = db.Nominations.Where(n => n.Id == c.NominationId).Select(n => n.Organisation!.Name).First(),
                RegencyName = db.RegenciesAndCities.Where(r => r.Code == c.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                c.Id,
                c.Finding,
                c.ResponsiblePerson,
                c.DueDate,
                c.Status,
            })
            .ToListAsync(ct);

        var todays = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        DateOnly Today(string province) => todays.TryGetValue(province, out var d) ? d : todays[province] = LocalTime.Today(clock, province);

        var groups = new List<Group>();
        foreach (var g in page.Items)
        {
            // Both queries filter alike; an item closed between them only leaves its group shorter (or out).
            var mine = rows.Where(r => r.NominationId == g.NominationId).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var first = mine[0];
            var itemRows = mine.Select(r => new Row(r.Id, r.Finding, r.ResponsiblePerson, r.DueDate, r.Status, CoachingRules.DaysOverdue(r.Status, r.DueDate, Today(r.ProvinceCode)))).ToList();
            groups.Add(new Group(g.NominationId, first.Organisation, first.RegencyName, first.ProvinceCode, itemRows.Count, itemRows.Count(r => r.DaysOverdue > 0), itemRows));
        }

        Groups = new PagedList<Group>(groups, page.Page, page.PageSize, page.TotalCount);

        await LoadFiltersAsync(scope, ct);
    }

    private async Task LoadFiltersAsync(AccessScope scope, CancellationToken ct)
    {
        if (IsNational)
        {
            Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new SelectListItem(p.Name, p.Code)).ToListAsync(ct);
        }

        var province = IsNational ? Province : scope.ProvinceCode;
        Regencies = string.IsNullOrEmpty(province)
            ? []
            : await db.RegenciesAndCities.AsNoTracking().InScope(scope)
                .Where(r => r.ProvinceCode == province)
                .OrderBy(r => r.Code)
                .Select(r => new SelectListItem(r.Name, r.Code))
                .ToListAsync(ct);
    }
}
