using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Paritrana.Web.Pages.Employers;

/// <summary>
/// Candidate discovery: BPJamsostek's employers in the user's scope (a committee's province, a
/// branch officer's regencies, everything for the administrator), filtered by region, branch, size,
/// sector, coverage, arrears and programmes, sorted and paged, with the whole result as CSV.
/// </summary>
public class IndexModel(ParitranaDbContext db, CurrentUser me, IMemoryCache cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>
    /// How long the sector choices of a scope are reused: reading them is a scan of every employer in
    /// scope (50,000 for the administrator), and a sector new from an import may wait this long.
    /// </summary>
    public static readonly TimeSpan SectorCacheDuration = TimeSpan.FromMinutes(1);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Only the administrator chooses a province; everyone else has one.</summary>
    [BindProperty(SupportsGet = true, Name = "provinsi")]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "wilayah")]
    public string? Regency { get; set; }

    [BindProperty(SupportsGet = true, Name = "cabang")]
    public int? Branch { get; set; }

    [BindProperty(SupportsGet = true, Name = "skala")]
    public SizeClass? Size { get; set; }

    [BindProperty(SupportsGet = true, Name = "sektor")]
    public string? Sector { get; set; }

    /// <summary>Percentages as typed (a comma or a point), parsed by the page so that "12,5" works.</summary>
    [BindProperty(SupportsGet = true, Name = "cakupanMin")]
    public string? CoverageMin { get; set; }

    [BindProperty(SupportsGet = true, Name = "cakupanMaks")]
    public string? CoverageMax { get; set; }

    [BindProperty(SupportsGet = true, Name = "tunggakanMaks")]
    public int? ArrearsMax { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public List<string> ProgramCodesChosen { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "urut")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "arah")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<EmployerDiscovery.Row> Employers { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public bool IsNational { get; private set; }

    public bool CanNominate => Roles.IsCommittee(me.Role ?? "");

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Regencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Branches { get; private set; } = [];

    public IReadOnlyList<string> Sectors { get; private set; } = [];

    /// <summary>The CSV export of the current filter and sort (all pages).</summary>
    public string ExportUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var filter = ReadFilter(scope);
        if (filter is not null)
        {
            Employers = await EmployerDiscovery.Query(db, scope, filter).ToPagedListAsync(PageNumber, ct: ct);
        }

        await LoadChoicesAsync(scope, ct);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Request.QueryString.Value);
        var pairs = query.Where(kv => kv.Key is not ("p" or "handler"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Prepend(new("handler", "Export"));
        ExportUrl = Request.Path + QueryString.Create(pairs).ToString();
        return Page();
    }

    /// <summary>The whole filtered result as CSV, streamed row by row from the database.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var filter = ReadFilter(scope);
        if (filter is null)
        {
            return BadRequest();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileName = EmployerCsv.FileName(Wib.Today(clock)),
        }.ToString();
        await EmployerCsv.WriteAsync(Response.Body, EmployerDiscovery.Query(db, scope, filter).AsAsyncEnumerable(), l, ct);
        return new EmptyResult();
    }

    /// <summary>The filter of the query string, or null (with the reasons in ModelState) when a value is not understood.</summary>
    private EmployerDiscovery.Filter? ReadFilter(AccessScope scope)
    {
        IsNational = scope.IsNational;
        if (!EmployerDiscovery.TryParsePercent(CoverageMin, out var min))
        {
            ModelState.AddModelError("cakupanMin", l["Cakupan minimum harus berupa angka, misalnya 12,5."]);
        }

        if (!EmployerDiscovery.TryParsePercent(CoverageMax, out var max))
        {
            ModelState.AddModelError("cakupanMaks", l["Cakupan maksimum harus berupa angka, misalnya 80."]);
        }

        if (ArrearsMax < 0)
        {
            ModelState.AddModelError("tunggakanMaks", l["Tunggakan maksimum tidak boleh negatif."]);
        }

        var programs = ProgramCodes.Parse(string.Join(' ', ProgramCodesChosen), out var unknown);
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("program", l["Program tidak dikenal: {0}.", string.Join(", ", unknown)]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        Sort = EmployerDiscovery.SortKeys.All.Contains(Sort) ? Sort : EmployerDiscovery.SortKeys.Name;
        return new EmployerDiscovery.Filter
        {
            Text = string.IsNullOrWhiteSpace(Search) ? null : Search,
            ProvinceCode = scope.IsNational ? Province : null,
            RegencyCode = Regency,
            BranchOfficeId = Branch,
            Size = Size is SizeClass s && Enum.IsDefined(s) ? s : null,
            Sector = string.IsNullOrWhiteSpace(Sector) ? null : Sector,
            CoverageMin = min,
            CoverageMax = max,
            ArrearsMax = ArrearsMax,
            Programs = programs,
            Sort = Sort!,
            Descending = Direction == "turun",
        };
    }

    private async Task LoadChoicesAsync(AccessScope scope, CancellationToken ct)
    {
        var province = scope.IsNational ? Province : scope.ProvinceCode;
        if (scope.IsNational)
        {
            Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new SelectListItem(p.Name, p.Code)).ToListAsync(ct);
        }

        // The administrator picks a province first: 514 regencies in one list would help no one.
        if (!string.IsNullOrEmpty(province))
        {
            Regencies = await db.RegenciesAndCities.AsNoTracking().InScope(scope)
                .Where(r => r.ProvinceCode == province)
                .OrderBy(r => r.Code)
                .Select(r => new SelectListItem(r.Name, r.Code))
                .ToListAsync(ct);
            Branches = await db.BranchOffices.AsNoTracking().InScope(scope)
                .Where(b => b.ProvinceCode == province)
                .OrderBy(b => b.Name)
                .Select(b => new SelectListItem(b.Name, b.Id.ToString()))
                .ToListAsync(ct);
        }

        var key = $"employer-sectors:{province ?? "*"}:{scope.BranchOfficeId?.ToString(CultureInfo.InvariantCulture) ?? "-"}";
        if (cache.TryGetValue(key, out IReadOnlyList<string>? sectors) && sectors is not null)
        {
            Sectors = sectors;
            return;
        }

        var employers = db.Organisations.AsNoTracking().InScope(scope).Where(o => o.Type == OrganisationType.Employer && o.Sector != null);
        if (!string.IsNullOrEmpty(province))
        {
            employers = employers.Where(o => o.ProvinceCode == province);
        }

        Sectors = await employers.Select(o => o.Sector!).Distinct().OrderBy(s => s).ToListAsync(ct);
        cache.Set(key, Sectors, SectorCacheDuration);
    }
}
