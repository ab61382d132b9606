namespace Paritrana.Web.Features.National;

/// <summary>
/// The interview schedule as a reader may see it (docs/decisions/046): the whole jury's schedule for the
/// secretariat (administrator) and the national jurors, the province's own finalists' interviews for its
/// committee, nothing for anyone else.
/// </summary>
public static class InterviewList
{
    public sealed record Row(
        int Id, int NominationId, string Candidate, string ProvinceCode, string ProvinceName, DateTimeOffset StartsAt, int DurationMinutes,
        string? Place, string? VideoLink, string PresenterName, string PresenterPosition, InterviewStatus Status, string? CancelReason,
        IReadOnlyList<string> Jurors, bool Seated);

    public static IQueryable<Interview> InScope(ParitranaDbContext db, AccessScope scope) =>
        scope.SeesNationalStage ? db.Interviews
        : scope.IsLimitedToRegencies ? db.Interviews.Where(_ => false)
        : db.Interviews.InScope(scope, db.Nominations);

    /// <summary>The cycle's interviews in scope, by time; <paramref name="reader"/>'s own seats marked.</summary>
    public static Task<List<Row>> OfCycleAsync(ParitranaDbContext db, AccessScope scope, int cycleId, Guid? reader, CancellationToken ct) =>
        InScope(db, scope).AsNoTracking()
            .Where(i => i.CycleId == cycleId)
            .OrderBy(i => i.Status).ThenBy(i => i.StartsAt).ThenBy(i => i.Id)
            .Select(i => new Row(
                i.Id,
                i.NominationId,
                db.Nominations.Where(n => n.Id == i.NominationId).Select(n => n.Organisation!.Name).First(),
                i.ProvinceCode,
                db.Provinces.Where(p => p.Code == i.ProvinceCode).Select(p => p.Name).First(),
                i.StartsAt,
                i.DurationMinutes,
                i.Place,
                i.VideoLink,
                i.PresenterName,
                i.PresenterPosition,
                i.Status,
                i.CancelReason,
                i.Jurors.Join(db.Users, j => j.UserId, u => u.Id, (j, u) => u.FullName).OrderBy(n => n).ToList(),
                reader != null && i.Jurors.Any(j => j.UserId == reader)))
            .ToListAsync(ct);

    /// <summary>The pool's finalists of the cycle without a scheduled interview (the secretariat's "to schedule").</summary>
    public static Task<List<(int Id, string Name, string Province)>> UnscheduledAsync(ParitranaDbContext db, int cycleId, CancellationToken ct) =>
        NationalPool.Of(db, cycleId).AsNoTracking()
            .Where(n => !db.Interviews.Any(i => i.NominationId == n.Id && i.Status == InterviewStatus.Scheduled))
            .OrderBy(n => n.ProvinceCode).ThenBy(n => n.Organisation!.Name)
            .Select(n => new ValueTuple<int, string, string>(n.Id, n.Organisation!.Name, db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First()))
            .ToListAsync(ct);
}
