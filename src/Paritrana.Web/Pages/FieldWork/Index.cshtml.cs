using Microsoft.AspNetCore.Mvc.Rendering;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.FieldWork;

/// <summary>
/// The visit agenda of the province: upcoming visits (planned, from now on, the soonest first; within
/// the next <see cref="Days"/> days when given), past ones (everything else, the latest first) or the
/// unrecorded ones (still planned though their time has passed), filtered by committee member and
/// regency or city. The home page's visit lines link here (Features/Work/WorkQueries).
/// </summary>
public class IndexModel(ParitranaDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const string Upcoming = "upcoming";
    public const string Past = "past";
    public const string Unrecorded = "unrecorded";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary><see cref="Upcoming"/> (default), <see cref="Past"/> or <see cref="Unrecorded"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "when")]
    public string? When { get; set; }

    /// <summary>With upcoming visits: only those of the next so many days.</summary>
    [BindProperty(SupportsGet = true, Name = "days")]
    public int? Days { get; set; }

    [BindProperty(SupportsGet = true, Name = "member")]
    public Guid? Member { get; set; }

    [BindProperty(SupportsGet = true, Name = "regency")]
    public string? Regency { get; set; }

    /// <summary>The administrator's province filter (others see their own province).</summary>
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    public bool ShowPast => When == Past;

    public bool ShowUnrecorded => When == Unrecorded;

    public bool IsNational { get; private set; }

    public PagedList<Row> Visits { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Regencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public sealed record Row(
        int Id,
        int NominationId,
        string OrganisationName,
        string ProvinceCode,
        string? RegencyName,
        DateTimeOffset PlannedAt,
        DateTimeOffset? DoneAt,
        string Place,
        VisitStatus Status,
        IReadOnlyList<string> MemberNames)
    {
        /// <summary>When it was done, once recorded; else when it is planned (VisitRules.ShownAt).</summary>
        public DateTimeOffset ShownAt => VisitRules.ShownAt(Status, PlannedAt, DoneAt);
    }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        IsNational = scope.IsNational;
        var now = clock.GetUtcNow();
        Now = now;
        IQueryable<Visit> visits;
        if (ShowUnrecorded)
        {
            visits = WorkQueries.UnrecordedVisits(db, scope, now, Member).OrderBy(v => v.PlannedAt).ThenBy(v => v.Id);
        }
        else if (ShowPast)
        {
            // Done, cancelled, or planned with its time passed; a done visit by the day it was done (VisitRules.ShownAt).
            visits = MemberVisits(scope).Where(v => v.Status != VisitStatus.Planned || v.PlannedAt < now).OrderByDescending(VisitRules.ShownAtExpression).ThenByDescending(v => v.Id);
        }
        else
        {
            var until = Days is int days and > 0 ? now.AddDays(days) : (DateTimeOffset?)null;
            visits = WorkQueries.PlannedVisits(db, scope, now, until, Member).OrderBy(v => v.PlannedAt).ThenBy(v => v.Id);
        }

        visits = visits.AsNoTracking();
        if (IsNational && !string.IsNullOrEmpty(Province))
        {
            visits = visits.Where(v => v.ProvinceCode == Province);
        }

        if (!string.IsNullOrEmpty(Regency))
        {
            visits = visits.Where(v => v.RegencyCode == Regency);
        }

        Visits = await visits
            .Select(v => new Row(
                v.Id,
                v.NominationId,
                db.Nominations.Where(n => n.Id == v.NominationId).Select(n => n.Organisation!.Name).First(),
                v.ProvinceCode,
                db.RegenciesAndCities.Where(r => r.Code == v.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                v.PlannedAt,
                v.DoneAt,
                v.Place,
                v.Status,
                v.Members.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.FullName).OrderBy(n => n).ToList()))
            .ToPagedListAsync(PageNumber, ct: ct);

        await LoadFiltersAsync(scope, ct);
    }

    private IQueryable<Visit> MemberVisits(AccessScope scope) =>
        Member is Guid member ? db.Visits.InScope(scope, db.Nominations).Where(v => v.Members.Any(m => m.UserId == member)) : db.Visits.InScope(scope, db.Nominations);

    private async Task LoadFiltersAsync(AccessScope scope, CancellationToken ct)
    {
        if (IsNational)
        {
            Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new SelectListItem(p.Name, p.Code)).ToListAsync(ct);
        }

        var province = IsNational ? Province : scope.ProvinceCode;
        if (string.IsNullOrEmpty(province))
        {
            return;
        }

        Members = (await CommitteeMembers.OfProvinceAsync(db, province, ct)).Select(m => new SelectListItem(m.FullName, m.Id.ToString())).ToList();
        Regencies = await db.RegenciesAndCities.AsNoTracking().InScope(scope)
            .Where(r => r.ProvinceCode == province)
            .OrderBy(r => r.Code)
            .Select(r => new SelectListItem(r.Name, r.Code))
            .ToListAsync(ct);
    }
}
