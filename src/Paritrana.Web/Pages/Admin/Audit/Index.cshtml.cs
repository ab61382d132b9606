namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>
/// The audit trail, newest first, as sentences a person reads (<see cref="AuditSentences"/>), filtered
/// by action, person, nomination, e-mail and WIB dates; the same events as CSV (<c>?handler=Csv</c>).
/// Administrators only (the details carry scores, docs/decisions/010).
/// </summary>
public class IndexModel(AuditLog log, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "person")]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "nomination")]
    public int? Nomination { get; set; }

    [BindProperty(SupportsGet = true, Name = "email")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditLine> Events { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    /// <summary>The filters of this page, for the CSV link.</summary>
    public Dictionary<string, string> RouteValues => new()
    {
        ["action"] = ActionFilter ?? "",
        ["person"] = Person?.ToString() ?? "",
        ["nomination"] = Nomination?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["email"] = Email ?? "",
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    };

    private AuditLog.Filter Filter => new(ActionFilter, Person, Nomination, Email, From, To);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await log.Query(Filter).ToPagedListAsync(PageNumber, ct: ct);
        var sentences = new AuditSentences(await log.NamesAsync(page.Items, ct), l, Url);
        Events = new PagedList<AuditLine>(page.Items.Select(sentences.Line).ToList(), page.Page, page.PageSize, page.TotalCount);
        People = await log.PeopleAsync(ct);
    }

    /// <summary>Every event of the filters (not only this page's), in the spreadsheet format of every export.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"jejak-audit-{DateTime.UtcNow:yyyyMMdd}.csv\"";
        await AuditCsv.WriteAsync(Response.Body, log, Filter, l, Url, ct);
        return new EmptyResult();
    }
}
