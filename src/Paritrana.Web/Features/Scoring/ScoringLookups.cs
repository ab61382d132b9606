namespace Paritrana.Web.Features.Scoring;

/// <summary>A committee member or chair who can be assigned to score.</summary>
public sealed record ScorerRef(Guid Id, string FullName, string Email, bool IsChair);

/// <summary>
/// What most scoring pages read besides the rounds themselves: who can score in a province (the
/// enabled committee members and chair) and a cycle's scoring settings. Rounds are scoped by
/// <see cref="Accounts.ScopeQueries"/>, like every other record.
/// </summary>
public static class ScoringLookups
{
    /// <summary>The enabled committee members and chair of a province (the national jurors for <see cref="NationalStage.Code"/>), by name; only those of <paramref name="only"/> when given.</summary>
    public static IQueryable<ScorerRef> Scorers(ParitranaDbContext db, string provinceCode, IReadOnlyCollection<Guid>? only = null)
    {
        // A national round's scorers are the enabled national jurors (docs/decisions/043).
        var users = NationalStage.IsNational(provinceCode)
            ? Jurors(db)
            : db.Users.Where(u => u.ProvinceCode == provinceCode && !u.IsDisabled
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.CommitteeChair || r.Name == Roles.CommitteeMember))));
        if (only is not null)
        {
            var ids = only.Distinct().ToList();
            users = users.Where(u => ids.Contains(u.Id));
        }

        return users
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Select(u => new ScorerRef(u.Id, u.FullName, u.Email!, db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CommitteeChair))));
    }

    /// <summary>The enabled national jurors (the scorers of national rounds, the jury of the interviews and the recipients of the national stage's notifications).</summary>
    public static IQueryable<PortalUser> Jurors(ParitranaDbContext db) =>
        db.Users.Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.NationalJuror)));

    /// <summary>The cycle's scoring settings, or the defaults when none were saved.</summary>
    public static async Task<ScoringSettings> SettingsAsync(ParitranaDbContext db, int cycleId, CancellationToken ct) =>
        await db.ScoringSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == cycleId, ct)
        ?? new ScoringSettings { CycleId = cycleId };
}

/// <summary>A round as most scoring pages need it.</summary>
public sealed record RoundInfo(int Id, int CycleId, int CycleYear, bool CycleClosed, string ProvinceCode, string Name, RoundKind Kind, decimal Weight, int SortOrder, RoundStatus Status, uint Version, DateOnly? ClosesOn, bool RefuseLateCards)
{
    public AssignmentService.RoundRef Ref => new(Id, CycleId, ProvinceCode, Name, Status);
}

public static class RoundLookup
{
    /// <summary>A round within the scope, or null (the page answers 404).</summary>
    public static async Task<RoundInfo?> FindAsync(ParitranaDbContext db, int id, AccessScope scope, CancellationToken ct) =>
        await db.ScoringRounds.AsNoTracking().InScope(scope)
            .Where(r => r.Id == id)
            .Select(r => new RoundInfo(
                r.Id,
                r.CycleId,
                db.AwardCycles.Where(c => c.Id == r.CycleId).Select(c => c.Year).First(),
                db.AwardCycles.Where(c => c.Id == r.CycleId).Select(c => c.IsClosed).First(),
                r.ProvinceCode,
                r.Name,
                r.Kind,
                r.Weight,
                r.SortOrder,
                r.Status,
                r.Version,
                r.ClosesOn,
                r.RefuseLateCards))
            .FirstOrDefaultAsync(ct);
}
