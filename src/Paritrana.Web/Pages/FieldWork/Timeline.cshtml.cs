using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork;

/// <summary>
/// The timeline of a nomination: status changes, visits, coaching items and files in one
/// chronological list (newest first unless <c>?order=oldest</c>), each with its local time, who and what.
/// </summary>
public class TimelineModel(ParitranaDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Oldest = "oldest";
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool OldestFirst => Order == Oldest;

    public NominationRef Nomination { get; private set; } = null!;

    public PagedList<TimelineEntry> Entries { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(int nominationId, CancellationToken ct)
    {
        var nomination = await NominationRef.LoadAsync(db, await me.GetScopeAsync(ct), nominationId, ct);
        if (nomination is null)
        {
            return NotFound();
        }

        Nomination = nomination;
        var all = await NominationTimeline.LoadAsync(new NominationTimeline.Context(db, nominationId, nomination.ProvinceCode, l), newestFirst: !OldestFirst, ct);
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(PageNumber, 1, pageCount);
        Entries = new PagedList<TimelineEntry>(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, all.Count);
        return Page();
    }
}
