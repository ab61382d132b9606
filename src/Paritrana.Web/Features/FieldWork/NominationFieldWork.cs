namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// What the nomination's details page shows of its field work (the partial
/// Pages/FieldWork/_NominationFieldWork.cshtml): visits, open and overdue coaching items, files.
/// </summary>
public sealed record NominationFieldWork(
    int NominationId,
    string ProvinceCode,
    int VisitsPlanned,
    int VisitsDone,
    DateTimeOffset? NextVisitAt,
    string? NextVisitPlace,
    int OpenItems,
    int OverdueItems,
    int ClosedItems,
    int Files,
    IReadOnlyList<NominationFieldWork.OpenItem> FirstOpenItems,
    bool CanChange)
{
    /// <summary>An open item as the summary lists it, with its days overdue (0 when not overdue).</summary>
    public sealed record OpenItem(int Id, string Finding, DateOnly DueDate, CoachingStatus Status, int DaysOverdue);

    /// <summary>Whether coaching items may be recorded (before the coaching gate, CoachingRules.AcceptsOpenItems).</summary>
    public bool AcceptsItems { get; init; } = true;

    /// <summary>How many open items the summary lists (the most overdue first).</summary>
    public const int ListedItems = 5;

    /// <summary>
    /// Loads the summary of a nomination the caller has already found in the user's scope;
    /// <paramref name="role"/> (CurrentUser.Role) decides whether the links to plan a visit and add an item show.
    /// </summary>
    public static async Task<NominationFieldWork> LoadAsync(ParitranaDbContext db, int nominationId, string? role, TimeProvider clock, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().Where(n => n.Id == nominationId)
            .Select(n => new { n.ProvinceCode, n.Status, CycleClosed = db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.IsClosed).First() })
            .FirstAsync(ct);
        var province = nomination.ProvinceCode;
        var canChange = role is not null && Domain.Access.Roles.IsCommittee(role) && !nomination.CycleClosed && !Domain.Nominations.NominationWorkflow.Final.Contains(nomination.Status);
        var today = LocalTime.Today(clock, province);
        var now = clock.GetUtcNow();

        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.NominationId == nominationId)
            .GroupBy(v => 1)
            .Select(g => new
            {
                Planned = g.Count(v => v.Status == VisitStatus.Planned),
                Done = g.Count(v => v.Status == VisitStatus.Done),
            })
            .FirstOrDefaultAsync(ct);
        var next = await db.Visits.AsNoTracking()
            .Where(v => v.NominationId == nominationId && v.Status == VisitStatus.Planned && v.PlannedAt >= now)
            .OrderBy(v => v.PlannedAt)
            .Select(v => new { v.PlannedAt, v.Place })
            .FirstOrDefaultAsync(ct);
        var items = await db.CoachingItems.AsNoTracking()
            .Where(c => c.NominationId == nominationId)
            .GroupBy(c => 1)
            .Select(g => new
            {
                Open = g.Count(c => c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress),
                Overdue = g.Count(c => (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress) && c.DueDate < today),
                Closed = g.Count(c => c.Status == CoachingStatus.Resolved || c.Status == CoachingStatus.Waived),
            })
            .FirstOrDefaultAsync(ct);
        var firstOpen = await db.CoachingItems.AsNoTracking()
            .Where(c => c.NominationId == nominationId && (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress))
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Take(ListedItems)
            .Select(c => new { c.Id, c.Finding, c.DueDate, c.Status })
            .ToListAsync(ct);
        var files = await db.EvidenceFiles.AsNoTracking().CountAsync(f => f.NominationId == nominationId && !f.IsRemoved, ct);

        return new NominationFieldWork(
            nominationId,
            province,
            visits?.Planned ?? 0,
            visits?.Done ?? 0,
            next?.PlannedAt,
            next?.Place,
            items?.Open ?? 0,
            items?.Overdue ?? 0,
            items?.Closed ?? 0,
            files,
            firstOpen.Select(c => new OpenItem(c.Id, c.Finding, c.DueDate, c.Status, CoachingRules.DaysOverdue(c.Status, c.DueDate, today))).ToList(),
            canChange)
        {
            AcceptsItems = CoachingRules.AcceptsOpenItems(nomination.Status),
        };
    }
}
