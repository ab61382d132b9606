using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages;

/// <summary>
/// The home page, "Tugas saya": the current stage of the person's province, what awaits them
/// (<see cref="WorkList"/>) or, for the administrator, every province (<see cref="ProvinceOverview"/>),
/// then who they are and what they may see.
/// </summary>
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, WorkList work, ProvinceOverview overview, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (me.Role == Roles.CandidateRepresentative)
        {
            // A candidate's representative has their own area, not the committee's work (docs/decisions/049).
            return RedirectToPage("/Candidate/Index");
        }

        var scope = await me.GetScopeAsync(ct);
        Work = await work.ForAsync(ct);
        if (scope.ProvinceCode is string own && await StageQueries.CurrentAsync(db, reference, scope, ct) is { } schedule)
        {
            Stage = StageTexts.Describe(schedule.PositionFor(own, Wib.Today(clock)), schedule.Year, l);
        }

        if (me.Role == Roles.Administrator)
        {
            Overview = await overview.ForAsync(ct);
        }

        FullName = me.FullName;
        Role = me.Role;
        // From the instance's copy of the reference data: no query once it is held (decisions/032).
        var provinces = (await reference.ProvincesAsync(db, ct)).InScope(scope).ToList();
        var regencies = (await reference.RegenciesAsync(db, ct)).InScope(scope).ToList();
        ProvinceCount = provinces.Count;
        RegencyCount = regencies.Count;
        if (scope.ProvinceCode is { } province)
        {
            ProvinceName = provinces.FirstOrDefault(p => p.Code == province)?.Name;
        }

        if (scope.BranchOfficeId is int branch)
        {
            BranchName = (await reference.BranchOfficesAsync(db, ct)).FirstOrDefault(b => b.Id == branch)?.Name;
            RegencyNames = regencies.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Name).ToList();
        }

        return Page();
    }
}
