namespace Paritrana.Domain.Cycles;

/// <summary>The dates of one stage as entered for a cycle; either both dates or neither.</summary>
public sealed record StageDates(StageKind Stage, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>What is wrong with the dates of one stage.</summary>
public enum StageDateProblem
{
    /// <summary>Only one of the two dates is filled in.</summary>
    Incomplete = 1,
    /// <summary>The stage ends before it starts.</summary>
    EndsBeforeStart = 2,
    /// <summary>The stage starts before an earlier stage starts.</summary>
    StartsBeforePreviousStage = 3,
}

/// <summary>One refused stage; <see cref="PreviousStage"/> names the earlier stage it conflicts with.</summary>
public sealed record StageDateIssue(StageKind Stage, StageDateProblem Problem, StageKind? PreviousStage = null);

/// <summary>
/// The rules of a cycle's stage dates. A stage may be left without dates (not planned yet); a
/// planned stage has a start and an end, ends on or after its start, and does not start before the
/// previous planned stage starts (stages may overlap: verification runs while nominations still come in).
/// </summary>
public static class StageSchedule
{
    /// <summary>The six stages in the order the award runs through them.</summary>
    public static IReadOnlyList<StageKind> Order { get; } =
        [StageKind.Nomination, StageKind.Verification, StageKind.FieldAssessment, StageKind.Scoring, StageKind.Plenary, StageKind.Forwarding];

    /// <summary>Every problem of the given dates, in stage order; empty when they are acceptable.</summary>
    public static IReadOnlyList<StageDateIssue> Check(IEnumerable<StageDates> stages)
    {
        var byStage = stages.ToDictionary(s => s.Stage);
        var issues = new List<StageDateIssue>();
        (StageKind Stage, DateOnly Start)? previous = null;
        foreach (var kind in Order)
        {
            if (!byStage.TryGetValue(kind, out var s) || (s.StartsOn is null && s.EndsOn is null))
            {
                continue;
            }

            if (s.StartsOn is not DateOnly start || s.EndsOn is not DateOnly end)
            {
                issues.Add(new StageDateIssue(kind, StageDateProblem.Incomplete));
                if (s.StartsOn is DateOnly onlyStart)
                {
                    previous = CheckOrder(kind, onlyStart, previous, issues);
                }

                continue;
            }

            if (end < start)
            {
                issues.Add(new StageDateIssue(kind, StageDateProblem.EndsBeforeStart));
            }

            previous = CheckOrder(kind, start, previous, issues);
        }

        return issues;
    }

    private static (StageKind, DateOnly)? CheckOrder(StageKind kind, DateOnly start, (StageKind Stage, DateOnly Start)? previous, List<StageDateIssue> issues)
    {
        if (previous is { } p && start < p.Start)
        {
            issues.Add(new StageDateIssue(kind, StageDateProblem.StartsBeforePreviousStage, p.Stage));
            // The later stages are compared with the earlier start, so one early date is reported once.
            return previous;
        }

        return (kind, start);
    }
}
