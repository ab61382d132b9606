using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Cycles;

/// <summary>A stage that has ended while nominations are still in its statuses: when it ended, how many days ago, how many.</summary>
public sealed record LateStage(StageKind Stage, DateOnly EndedOn, int DaysLate, int Nominations);

/// <summary>
/// How late a province (or one category of it) is against its stage calendar (decisions/029, 044):
/// each ended stage that still holds nominations, with the days since its last day; and the
/// nominations late by either of the two rules of the home page (in a status of an ended stage, or
/// submitted and waiting for verification too long), each counted once.
/// </summary>
public static class StageLateness
{
    /// <summary>
    /// The stages of <paramref name="effective"/> whose last day is before <paramref name="today"/>
    /// and which still hold nominations (<paramref name="counts"/> by status), in stage order. A
    /// stage ending on 10 March is 2 days late on 12 March.
    /// </summary>
    public static IReadOnlyList<LateStage> Of(IEnumerable<StageDates> effective, DateOnly today, IReadOnlyDictionary<NominationStatus, int> counts) =>
        effective.Where(s => s.EndsOn is DateOnly end && end < today)
            .OrderBy(s => s.Stage)
            .Select(s => new LateStage(s.Stage, s.EndsOn!.Value, today.DayNumber - s.EndsOn!.Value.DayNumber, StageStatuses.Of(s.Stage).Sum(counts.GetValueOrDefault)))
            .Where(s => s.Nominations > 0)
            .ToList();

    /// <summary>The most days any stage in <paramref name="late"/> is late; null when none is.</summary>
    public static int? MostDaysLate(IReadOnlyList<LateStage> late) => late.Count == 0 ? null : late.Max(s => s.DaysLate);

    /// <summary>
    /// The nominations of one status that are late by either rule, each once: all of them when the
    /// status belongs to an ended stage (<paramref name="lateStatuses"/>, <see cref="StageStatuses.Late"/>),
    /// otherwise those waiting for verification too long (<paramref name="waitingTooLong"/>, only
    /// ever submitted ones).
    /// </summary>
    public static int LateIn(NominationStatus status, int count, int waitingTooLong, IReadOnlyCollection<NominationStatus> lateStatuses) =>
        lateStatuses.Contains(status) ? count : waitingTooLong;
}
