namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>The audit trail, newest first, filtered by action, user e-mail and WIB dates.</summary>
public class IndexModel(ParitranaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "email")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Events { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public sealed record Row(
        long Id,
        DateTimeOffset At,
        Guid? UserId,
        string? UserEmail,
        string Action,
        string? EntityType,
        string? EntityId,
        string? ProvinceName,
        string? IpAddress,
        AuditDetails? Details);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditEvents.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(ActionFilter))
        {
            var action = ActionFilter.Trim();
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            var pattern = TextSearch.ContainsPattern(Email);
            query = query.Where(e => e.UserEmail != null && EF.Functions.ILike(e.UserEmail, pattern, @"\"));
        }

        if (From is { } from)
        {
            var start = Wib.StartOfDay(from);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = Wib.StartOfDay(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        Events = await (
                from e in query
                join p in db.Provinces on e.ProvinceCode equals p.Code into provinces
                from p in provinces.DefaultIfEmpty()
                orderby e.At descending, e.Id descending
                select new Row(e.Id, e.At, e.UserId, e.UserEmail, e.Action, e.EntityType, e.EntityId, p.Name, e.IpAddress, e.Details))
            .ToPagedListAsync(PageNumber, ct: ct);
    }
}
