namespace Paritrana.Web.Features.Notifications;

/// <summary>
/// The signed-in person's notifications: the bell's count on every page (one indexed count, on
/// <c>ix_notifications_open</c>), the list, and marking read. A person sees only their own, and only
/// those of the province they belong to now or about their own account.
/// </summary>
public sealed class NotificationBell(ParitranaDbContext db, CurrentUser me, TimeProvider clock, IHttpContextAccessor http)
{
    private const string CountItem = "paritrana:open-notifications";

    /// <summary>The bell's rule: unread and not settled.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Notification, bool>> IsOpen = n => n.ReadAt == null && n.SettledAt == null;

    /// <summary>
    /// Keeps the count that the request's session check read in the same statement (SessionStore),
    /// so that the layout's bell sends no query of its own (docs/decisions/020).
    /// </summary>
    public static void Remember(HttpContext context, int count) => context.Items[CountItem] = count;

    /// <summary>The person's notifications: of their province (the national stage's for a juror), and about their own account.</summary>
    public IQueryable<Notification> Mine() => Of(db, me.Id, me.NotificationProvince);

    /// <summary>
    /// The "province" whose notifications a person sees: their own, or for a national juror (who has
    /// none) the national stage's (<see cref="NationalStage.Code"/>, the interview schedule's notifications).
    /// </summary>
    public static string? ProvinceOf(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.FindFirst(PortalClaims.Province)?.Value ?? (principal.IsInRole(Roles.NationalJuror) ? NationalStage.Code : null);

    /// <summary>
    /// A person's notifications of the province they belong to now, and those about their own account
    /// (no province; the only ones of an account without a province, docs/decisions/045).
    /// </summary>
    public static IQueryable<Notification> Of(ParitranaDbContext db, Guid? user, string? province) =>
        user is not Guid id ? db.Notifications.Where(n => false)
        : province is not null ? db.Notifications.Where(n => n.UserId == id && (n.ProvinceCode == province || n.ProvinceCode == null))
        : db.Notifications.Where(n => n.UserId == id && n.ProvinceCode == null);

    /// <summary>Unread and not settled: the bell's number.</summary>
    public Task<int> OpenCountAsync(CancellationToken ct = default) =>
        me.Id is null ? Task.FromResult(0)
        : http.HttpContext?.Items.TryGetValue(CountItem, out var held) == true && held is int count ? Task.FromResult(count)
        : Mine().CountAsync(IsOpen, ct);

    /// <summary>Forgets the count read at the start of the request, after this request changed it.</summary>
    private void Forget() => http.HttpContext?.Items.Remove(CountItem);

    /// <summary>Marks one of the person's notifications read; returns its link, or null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(long id, CancellationToken ct)
    {
        var notification = await Mine().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null)
        {
            return null;
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Forget();
        return notification.Link;
    }

    /// <summary>Marks all the person's unread notifications read; returns how many.</summary>
    public Task<int> ReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Forget();
        return Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
