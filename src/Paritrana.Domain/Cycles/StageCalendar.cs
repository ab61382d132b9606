namespace Paritrana.Domain.Cycles;

/// <summary>Where a date falls in a schedule of stages.</summary>
public enum StagePositionKind
{
    /// <summary>No stage has both dates: nothing can be said.</summary>
    NotScheduled = 0,
    /// <summary>Before the first scheduled stage starts.</summary>
    Before = 1,
    /// <summary>Within one or more stages (stages may overlap).</summary>
    InStage = 2,
    /// <summary>After one scheduled stage ended and before the next one starts.</summary>
    BetweenStages = 3,
    /// <summary>After the last scheduled stage ended.</summary>
    After = 4,
}

/// <summary>A stage running on the day, and the days left until its last day (0: it ends today).</summary>
public sealed record RunningStage(StageKind Stage, DateOnly EndsOn, int DaysLeft);

/// <summary>
/// The position of a day in a schedule: the stages running (in stage order), or the next stage to
/// start and the days until it starts (for "before" and "between stages").
/// </summary>
public sealed record StagePosition(StagePositionKind Kind, IReadOnlyList<RunningStage> Running, StageKind? Next = null, int? DaysUntilNext = null);

/// <summary>What is wrong with a province's own date for one stage.</summary>
public enum ProvinceStageProblem
{
    /// <summary>The cycle has not scheduled this stage, so the province has no dates to stay within.</summary>
    CycleStageNotScheduled = 1,
    /// <summary>The province's stage starts outside the cycle's dates of the stage.</summary>
    StartsOutsideCycle = 2,
    /// <summary>The province's stage ends outside the cycle's dates of the stage.</summary>
    EndsOutsideCycle = 3,
}

public sealed record ProvinceStageIssue(StageKind Stage, ProvinceStageProblem Problem);

/// <summary>
/// The stage calendar of a province in a cycle. A province may set its own dates for a stage
/// within the cycle's dates for that stage; its effective dates are its own where set, else the
/// cycle's. Days are calendar days (WIB, decisions/029): a stage ending on 10 March runs through
/// that whole day.
/// </summary>
public static class StageCalendar
{
    /// <summary>Per stage in order: the province's dates where it set both, else the cycle's.</summary>
    public static IReadOnlyList<StageDates> Effective(IEnumerable<StageDates> cycle, IEnumerable<StageDates> province)
    {
        var own = province.Where(IsScheduled).ToDictionary(s => s.Stage);
        var ofCycle = cycle.ToDictionary(s => s.Stage);
        return StageSchedule.Order
            .Select(stage => own.TryGetValue(stage, out var p) ? p
                : ofCycle.TryGetValue(stage, out var c) ? c
                : new StageDates(stage, null, null))
            .ToList();
    }

    /// <summary>Whether the stage has both a start and an end.</summary>
    public static bool IsScheduled(StageDates s) => s.StartsOn is not null && s.EndsOn is not null;

    /// <summary>
    /// The province's own dates checked against the cycle's: each stage the province sets lies
    /// within the cycle's dates of that stage. (Completeness and order: <see cref="StageSchedule.Check"/>.)
    /// </summary>
    public static IReadOnlyList<ProvinceStageIssue> CheckWithinCycle(IEnumerable<StageDates> cycle, IEnumerable<StageDates> province)
    {
        var ofCycle = cycle.ToDictionary(s => s.Stage);
        var issues = new List<ProvinceStageIssue>();
        foreach (var own in province.Where(p => p.StartsOn is not null || p.EndsOn is not null).OrderBy(p => p.Stage))
        {
            if (!ofCycle.TryGetValue(own.Stage, out var c) || !IsScheduled(c))
            {
                issues.Add(new ProvinceStageIssue(own.Stage, ProvinceStageProblem.CycleStageNotScheduled));
                continue;
            }

            if (own.StartsOn is DateOnly start && (start < c.StartsOn || start > c.EndsOn))
            {
                issues.Add(new ProvinceStageIssue(own.Stage, ProvinceStageProblem.StartsOutsideCycle));
            }

            if (own.EndsOn is DateOnly end && (end > c.EndsOn || end < c.StartsOn))
            {
                issues.Add(new ProvinceStageIssue(own.Stage, ProvinceStageProblem.EndsOutsideCycle));
            }
        }

        return issues;
    }

    /// <summary>Where <paramref name="today"/> falls in the given (effective) stage dates; stages without both dates are ignored.</summary>
    public static StagePosition PositionOn(IEnumerable<StageDates> stages, DateOnly today)
    {
        var scheduled = stages.Where(IsScheduled).OrderBy(s => s.StartsOn).ThenBy(s => s.Stage).ToList();
        if (scheduled.Count == 0)
        {
            return new StagePosition(StagePositionKind.NotScheduled, []);
        }

        var running = scheduled
            .Where(s => s.StartsOn <= today && today <= s.EndsOn)
            .OrderBy(s => s.Stage)
            .Select(s => new RunningStage(s.Stage, s.EndsOn!.Value, s.EndsOn!.Value.DayNumber - today.DayNumber))
            .ToList();
        if (running.Count > 0)
        {
            return new StagePosition(StagePositionKind.InStage, running);
        }

        var next = scheduled.FirstOrDefault(s => s.StartsOn > today);
        if (next is null)
        {
            return new StagePosition(StagePositionKind.After, []);
        }

        var kind = scheduled.Any(s => s.EndsOn < today) ? StagePositionKind.BetweenStages : StagePositionKind.Before;
        return new StagePosition(kind, [], next.Stage, next.StartsOn!.Value.DayNumber - today.DayNumber);
    }

    /// <summary>Days from <paramref name="today"/> to a closing day: 0 when it closes today, negative once past.</summary>
    public static int DaysLeft(DateOnly closesOn, DateOnly today) => closesOn.DayNumber - today.DayNumber;

    /// <summary>Whether something closing on <paramref name="closesOn"/> is closed on <paramref name="today"/> (the closing day itself still counts).</summary>
    public static bool IsPast(DateOnly? closesOn, DateOnly today) => closesOn is DateOnly c && today > c;
}
