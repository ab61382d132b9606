namespace Paritrana.Web.Features.Notifications;

/// <summary>
/// The signed-in person's notifications: the bell's count on every page (one indexed count, on
/// <c>ix_notifications_open</c>), the list, and marking read. A person sees only their own, and only
/// those of the province they belong to now.
/// </summary>
public sealed class NotificationBell(ParitranaDbContext db, CurrentUser me, TimeProvider clock)
{
    /// <summary>The person's notifications (none for an account without a province).</summary>
    public IQueryable<Notification> Mine() =>
        me.Id is Guid id && me.ProvinceCode is { } province
            ? db.Notifications.Where(n => n.UserId == id && n.ProvinceCode == province)
            : db.Notifications.Where(n => false);

    /// <summary>Unread and not settled: the bell's number.</summary>
    public Task<int> OpenCountAsync(CancellationToken ct = default) =>
        me.Id is null ? Task.FromResult(0) : Mine().CountAsync(n => n.ReadAt == null && n.SettledAt == null, ct);

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
        return notification.Link;
    }

    /// <summary>Marks all the person's unread notifications read; returns how many.</summary>
    public Task<int> ReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
