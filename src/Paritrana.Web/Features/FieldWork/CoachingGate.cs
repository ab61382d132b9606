namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// The coaching gate: a nomination may be marked ready for scoring only when none of its coaching
/// items is open or in progress. The rule itself is in the domain workflow
/// (<c>NominationWorkflow.Decide</c> with <c>WorkflowFacts.OpenCoachingItems</c>); this counts the
/// fact for it and says on a page why the step is not possible yet.
/// </summary>
public static class CoachingGate
{
    /// <summary>The nomination's coaching items that are open or in progress (<see cref="CoachingRules.IsOpen"/>).</summary>
    public static Task<int> OpenItemsAsync(ParitranaDbContext db, int nominationId, CancellationToken ct) =>
        db.CoachingItems.AsNoTracking()
            .CountAsync(c => c.NominationId == nominationId && (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress), ct);

    /// <summary>
    /// The explanation shown beside the "ready for scoring" step while items are open, or null when
    /// none is. It names how many items hold the nomination back.
    /// </summary>
    public static string? Explanation(IStringLocalizer l, int openItems) =>
        openItems switch
        {
            <= 0 => null,
            1 => l["Belum dapat ditandai siap dinilai: 1 butir pembinaan masih terbuka atau sedang ditindaklanjuti. Selesaikan atau minta Ketua Tim Panitia mengesampingkannya dulu."].Value,
            _ => l["Belum dapat ditandai siap dinilai: {0} butir pembinaan masih terbuka atau sedang ditindaklanjuti. Selesaikan atau minta Ketua Tim Panitia mengesampingkannya dulu.", openItems.ToString("N0")].Value,
        };
}
