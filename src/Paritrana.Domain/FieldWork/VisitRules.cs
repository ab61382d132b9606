using System.Linq.Expressions;
using Paritrana.Domain.Cycles;

namespace Paritrana.Domain.FieldWork;

/// <summary>The period a visit is expected in: the field-assessment stage's dates, or the cycle's year when the stage has none.</summary>
/// <param name="FromStage">True when the dates are the field-assessment stage's; false when they are the whole year of the cycle.</param>
public sealed record VisitPeriod(DateOnly From, DateOnly To, bool FromStage)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// The dates of a visit: which one it goes by (the day it was done, once recorded; else the plan),
/// when a planned visit counts as "not recorded" (its planned time has passed, nobody recorded it),
/// and the period in which a visit is expected.
/// </summary>
public static class VisitRules
{
    /// <summary>The time a visit is titled, listed and sorted by: when it was done, once recorded; else when it is planned.</summary>
    public static DateTimeOffset ShownAt(VisitStatus status, DateTimeOffset plannedAt, DateTimeOffset? doneAt) =>
        status == VisitStatus.Done && doneAt is DateTimeOffset done ? done : plannedAt;

    /// <summary>The same as <see cref="ShownAt"/>, for queries (the database sorts and filters by it).</summary>
    public static readonly Expression<Func<Visit, DateTimeOffset>> ShownAtExpression =
        v => v.Status == VisitStatus.Done && v.DoneAt != null ? v.DoneAt.Value : v.PlannedAt;

    /// <summary>A planned visit whose time has passed: done or not, nobody recorded it ("belum dicatat").</summary>
    public static bool IsUnrecorded(VisitStatus status, DateTimeOffset plannedAt, DateTimeOffset now) =>
        status == VisitStatus.Planned && plannedAt < now;

    /// <summary>The same as <see cref="IsUnrecorded"/>, for queries.</summary>
    public static Expression<Func<Visit, bool>> Unrecorded(DateTimeOffset now) =>
        v => v.Status == VisitStatus.Planned && v.PlannedAt < now;

    /// <summary>
    /// The period in which visits are expected: the field-assessment stage's effective dates
    /// (<see cref="StageCalendar.Effective"/>) when scheduled, else the whole calendar year of the cycle.
    /// </summary>
    public static VisitPeriod PeriodOf(IEnumerable<StageDates> effectiveStages, int cycleYear)
    {
        var stage = effectiveStages.FirstOrDefault(s => s.Stage == StageKind.FieldAssessment);
        return stage is { StartsOn: DateOnly from, EndsOn: DateOnly to }
            ? new VisitPeriod(from, to, FromStage: true)
            : new VisitPeriod(new DateOnly(cycleYear, 1, 1), new DateOnly(cycleYear, 12, 31), FromStage: false);
    }
}
