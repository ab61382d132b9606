using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages;

/// <summary>
/// The home page, "Tugas saya": the current stage of the person's province, what awaits them
/// (<see cref="WorkList"/>) or, for the administrator, every province (<see cref="ProvinceOverview"/>),
/// then who they are and what they may see.
/// </summary>
public class IndexModel(ParitranaDbContext db, CurrentUser me, WorkList work, ProvinceOverview overview, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Where the person's province stands in the current cycle ("Tahap Penilaian: 12 hari lagi ...").</summary>
    public IReadOnlyList<string> Stage { get; private set; } = [];

    /// <summary>The administrator's overview of the provinces.</summary>
    public NationalOverview? Overview { get; private set; }

    public IReadOnlyList<WorkGroup> Work { get; private set; } = [];

    public string FullName { get; private set; } = "";
    public string? Role { get; private set; }
    public string? ProvinceName { get; private set; }
    public string? BranchName { get; private set; }
    public int ProvinceCount { get; private set; }
    public int RegencyCount { get; private set; }
    public IReadOnlyList<string> RegencyNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        Work = await work.ForAsync(ct);
        if (scope.ProvinceCode is string own && await StageQueries.CurrentAsync(db, scope, ct) is { } schedule)
        {
            Stage = StageTexts.Describe(schedule.PositionFor(own, Wib.Today(clock)), schedule.Year, l);
        }

        if (me.Role == Roles.Administrator)
        {
            Overview = await overview.ForAsync(ct);
        }

        FullName = me.FullName;
        Role = me.Role;
        ProvinceCount = await db.Provinces.AsNoTracking().InScope(scope).CountAsync(ct);
        RegencyCount = await db.RegenciesAndCities.AsNoTracking().InScope(scope).CountAsync(ct);
        if (scope.ProvinceCode is { } province)
        {
            ProvinceName = await db.Provinces.AsNoTracking().Where(p => p.Code == province).Select(p => p.Name).FirstOrDefaultAsync(ct);
        }

        if (scope.BranchOfficeId is int branch)
        {
            BranchName = await db.BranchOffices.AsNoTracking().Where(b => b.Id == branch).Select(b => b.Name).FirstOrDefaultAsync(ct);
            RegencyNames = await db.RegenciesAndCities.AsNoTracking().InScope(scope).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync(ct);
        }
    }
}
