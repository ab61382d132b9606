using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Scoring;

/// <summary>Which nominations take part in scoring, by their workflow status.</summary>
public static class ScoringEligibility
{
    /// <summary>Nominations that may be assigned to scorers and scored: ready for scoring, or scored while rounds are still open.</summary>
    public static readonly IReadOnlyList<NominationStatus> Assignable = [NominationStatus.ReadyForScoring, NominationStatus.Scored];

    /// <summary>Nominations shown in the ranking: every status from ready for scoring on, except withdrawn.</summary>
    public static readonly IReadOnlyList<NominationStatus> Ranked =
    [
        NominationStatus.ReadyForScoring, NominationStatus.Scored, NominationStatus.Finalist, NominationStatus.NotShortlisted,
        NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner,
    ];

    public static bool IsAssignable(NominationStatus status) => Assignable.Contains(status);
}
