namespace Paritrana.Web.Pages.Employers;

/// <summary>
/// One employer: profile, contact, branch office and the history of its imported coverage figures,
/// newest first. Read through the user's scope: an employer outside it answers 404.
/// </summary>
public class DetailsModel(ParitranaDbContext db, CurrentUser me, Features.Participation.CandidateTrends trends, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Profile Employer { get; private set; } = null!;

    public PagedList<FiguresRow> History { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>The employer's coverage over all its imports, oldest first, as a small chart and table (issue 16).</summary>
    public ChartSpec? Trend { get; private set; }

    public bool CanNominate => Roles.IsCommittee(me.Role ?? "");

    public sealed record Profile(
        int Id,
        string? Npp,
        string Name,
        string ProvinceCode,
        string? ProvinceName,
        string? RegencyCode,
        string? RegencyName,
        string? BranchName,
        SizeClass? Size,
        string? Sector,
        string? Address,
        string? ContactName,
        string? ContactPhone,
        string? ContactEmail,
        bool IsDemo);

    public sealed record FiguresRow(DateOnly AsOf, int Workers, int ParticipantsPu, int ParticipantsBpu, Programs Programs, int ArrearsMonths, DateTimeOffset RecordedAt)
    {
        public decimal? Coverage => Domain.Organisations.Coverage.Percentage((long)ParticipantsPu + ParticipantsBpu, Workers);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var employer = await (
                from o in db.Organisations.AsNoTracking().InScope(scope)
                where o.Id == id && o.Type == OrganisationType.Employer
                join p in db.Provinces on o.ProvinceCode equals p.Code into provinces
                from p in provinces.DefaultIfEmpty()
                join r in db.RegenciesAndCities on o.RegencyCode equals r.Code into regencies
                from r in regencies.DefaultIfEmpty()
                join b in db.BranchOffices on o.BranchOfficeId equals (int?)b.Id into branches
                from b in branches.DefaultIfEmpty()
                select new Profile(o.Id, o.Npp, o.Name, o.ProvinceCode, p.Name, o.RegencyCode, r.Name, b.Name, o.SizeClass, o.Sector,
                    o.Address, o.ContactName, o.ContactPhone, o.ContactEmail, o.IsDemo))
            .FirstOrDefaultAsync(ct);
        if (employer is null)
        {
            return NotFound();
        }

        Employer = employer;
        History = await db.CoverageFigures.AsNoTracking()
            .Where(f => f.OrganisationId == id)
            .OrderByDescending(f => f.AsOf)
            .Select(f => new FiguresRow(f.AsOf, f.Workers, f.ParticipantsPu, f.ParticipantsBpu, f.Programs, f.ArrearsMonths, f.RecordedAt))
            .ToPagedListAsync(PageNumber, ct: ct);
        Trend = Participation.TrendCharts.Employer(await trends.EmployerAsync(id, ct), employer.Name, l);
        return Page();
    }
}
