namespace Paritrana.Web.Features.Scoring;

/// <summary>Outstanding work per scorer and round: assigned, draft and submitted cards, in one grouped query.</summary>
public static class ProgressQuery
{
    public sealed record Cell(Guid ScorerId, string Name, int RoundId, int Assigned, int Draft, int Submitted);

    public sealed record Total(Guid ScorerId, string Name, int Assigned, int Draft, int Submitted);

    public static async Task<IReadOnlyList<Cell>> PerScorerAndRoundAsync(ParitranaDbContext db, IReadOnlyCollection<int> roundIds, CancellationToken ct)
    {
        var ids = roundIds.ToList();
        var rows = await (
                from a in db.Assignments.AsNoTracking()
                where ids.Contains(a.RoundId)
                let status = db.Scorecards.Where(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == a.ScorerId)
                    .Select(c => (ScorecardStatus?)c.Status).FirstOrDefault()
                group status by new { a.ScorerId, a.RoundId } into g
                select new
                {
                    g.Key.ScorerId,
                    g.Key.RoundId,
                    Assigned = g.Count(),
                    Draft = g.Count(s => s == ScorecardStatus.Draft),
                    Submitted = g.Count(s => s == ScorecardStatus.Submitted),
                })
            .ToListAsync(ct);
        var scorerIds = rows.Select(r => r.ScorerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => scorerIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return rows.Select(r => new Cell(r.ScorerId, names.GetValueOrDefault(r.ScorerId) ?? "", r.RoundId, r.Assigned, r.Draft, r.Submitted))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public static async Task<IReadOnlyList<Total>> PerScorerAsync(ParitranaDbContext db, IReadOnlyCollection<int> roundIds, CancellationToken ct) =>
        (await PerScorerAndRoundAsync(db, roundIds, ct))
            .GroupBy(c => (c.ScorerId, c.Name))
            .Select(g => new Total(g.Key.ScorerId, g.Key.Name, g.Sum(c => c.Assigned), g.Sum(c => c.Draft), g.Sum(c => c.Submitted)))
            .ToList();
}
