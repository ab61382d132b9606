namespace Paritrana.Web.Features.Notifications;

/// <summary>
/// Who hears of what (docs/decisions/030-notifications.md). Every list is narrowed once more by
/// <see cref="Notifier"/> to active accounts of the thing's province: nobody outside it hears of it.
/// </summary>
public static class NotificationRecipients
{
    /// <summary>The chairs of a province.</summary>
    public static IQueryable<Guid> Chairs(ParitranaDbContext db, string provinceCode) => InRoles(db, provinceCode, Roles.CommitteeChair);

    /// <summary>The whole committee of a province: chairs and members.</summary>
    public static IQueryable<Guid> Committee(ParitranaDbContext db, string provinceCode) =>
        InRoles(db, provinceCode, Roles.CommitteeChair, Roles.CommitteeMember);

    /// <summary>A nomination's creator and the chairs of its province: those who work on it.</summary>
    public static async Task<List<Guid>> OfNominationAsync(ParitranaDbContext db, int nominationId, string provinceCode, CancellationToken ct)
    {
        var creator = await db.Nominations.Where(n => n.Id == nominationId).Select(n => n.CreatedBy).FirstAsync(ct);
        var chairs = await Chairs(db, provinceCode).ToListAsync(ct);
        return [creator, .. chairs];
    }

    private static IQueryable<Guid> InRoles(ParitranaDbContext db, string provinceCode, params string[] roles) =>
        from u in db.Users
        where u.ProvinceCode == provinceCode && !u.IsDisabled
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where roles.Contains(r.Name!)
        select u.Id;
}
