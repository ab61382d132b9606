using Paritrana.Web.Features.Notifications;

namespace Paritrana.Web.Pages.Notifications;

/// <summary>
/// "Pemberitahuan": the signed-in person's notifications, newest first, paged. Opening one (a POST)
/// marks it read and goes to the thing itself; "mark all read" empties the bell.
/// </summary>
public class IndexModel(NotificationBell bell) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Notification> Notifications { get; private set; } = null!;

    public int OpenCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notifications = await bell.Mine().AsNoTracking().OrderByDescending(n => n.Id).ToPagedListAsync(PageNumber, ct: ct);
        OpenCount = await bell.OpenCountAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var link = await bell.OpenAsync(id, ct);
        if (link is null)
        {
            return NotFound();
        }

        return LocalRedirect(Url.IsLocalUrl(link) ? link : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await bell.ReadAllAsync(ct);
        return RedirectToPage();
    }
}
