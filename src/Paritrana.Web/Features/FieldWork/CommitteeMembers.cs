namespace Paritrana.Web.Features.FieldWork;

/// <summary>The chair and members of a province's committee: who may go on a visit.</summary>
public static class CommitteeMembers
{
    public sealed record Member(Guid Id, string FullName, bool IsChair);

    /// <summary>The committee of a province (active accounts), the chair first, then by name.</summary>
    public static async Task<IReadOnlyList<Member>> OfProvinceAsync(ParitranaDbContext db, string provinceCode, CancellationToken ct)
    {
        var chair = await RoleIdAsync(db, Roles.CommitteeChair, ct);
        var member = await RoleIdAsync(db, Roles.CommitteeMember, ct);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.ProvinceCode == provinceCode && !u.IsDisabled)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                IsChair = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == chair),
                IsMember = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == member),
            })
            .Where(u => u.IsChair || u.IsMember)
            .ToListAsync(ct);
        return members
            .OrderByDescending(m => m.IsChair).ThenBy(m => m.FullName, StringComparer.CurrentCulture)
            .Select(m => new Member(m.Id, m.FullName, m.IsChair))
            .ToList();
    }

    private static async Task<Guid> RoleIdAsync(ParitranaDbContext db, string role, CancellationToken ct) =>
        await db.Roles.AsNoTracking().Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
}
