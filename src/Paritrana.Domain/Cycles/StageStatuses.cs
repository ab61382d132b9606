using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Cycles;

/// <summary>
/// Which nomination statuses belong to which stage: a nomination still in one of them once its stage
/// has ended is late (decisions/029). Statuses after the plenary (finalist decided, forwarded, won)
/// belong to the national level and are never late here.
/// </summary>
public static class StageStatuses
{
    public static IReadOnlyList<NominationStatus> Of(StageKind stage) => stage switch
    {
        StageKind.Nomination => [NominationStatus.Draft],
        StageKind.Verification => [NominationStatus.Submitted, NominationStatus.Returned],
        StageKind.FieldAssessment => [NominationStatus.Verified, NominationStatus.InFieldAssessment],
        StageKind.Scoring => [NominationStatus.ReadyForScoring],
        StageKind.Plenary => [NominationStatus.Scored],
        StageKind.Forwarding => [NominationStatus.Finalist],
        _ => [],
    };

    /// <summary>The statuses of every stage whose (effective) last day is before <paramref name="today"/>.</summary>
    public static IReadOnlyList<NominationStatus> Late(IEnumerable<StageDates> effective, DateOnly today) =>
        effective.Where(s => s.EndsOn is DateOnly end && end < today)
            .SelectMany(s => Of(s.Stage))
            .Distinct()
            .Order()
            .ToList();
}
