using Paritrana.Domain.National;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// What a plenary decides, by its scope (docs/decisions/011, 047): a province's plenary takes its
/// Scored nominations to Finalist or NotShortlisted; the national plenary (scope
/// <see cref="NationalStage.Code"/>) takes the cycle's forwarded finalists to Winner or NotWinner.
/// The one place where the plenary's mechanism (record, decision, frozen document, re-opening)
/// tells the two stages apart.
/// </summary>
public sealed record PlenaryStage(
    bool IsNational,
    NominationStatus Decidable,
    NominationAction Chosen,
    NominationAction NotChosen,
    NominationStatus ChosenStatus,
    NominationStatus NotChosenStatus,
    NominationAction Reopen)
{
    public static readonly PlenaryStage Provincial = new(
        false, NominationStatus.Scored, NominationAction.DecideFinalist, NominationAction.DecideNotShortlisted,
        NominationStatus.Finalist, NominationStatus.NotShortlisted, NominationAction.ReopenDecision);

    public static readonly PlenaryStage National = new(
        true, NominationStatus.ForwardedToNational, NominationAction.RecordWinner, NominationAction.RecordNotWinner,
        NominationStatus.Winner, NominationStatus.NotWinner, NominationAction.ReopenNationalDecision);

    /// <summary>The stage of a plenary of this scope: national for <see cref="NationalStage.Code"/>, else a province's.</summary>
    public static PlenaryStage Of(string scope) => NationalStage.IsNational(scope) ? National : Provincial;

    /// <summary>The status a decided nomination takes: chosen (finalist, winner) or not.</summary>
    public NominationStatus StatusOf(bool chosen) => chosen ? ChosenStatus : NotChosenStatus;

    /// <summary>Whether a nomination of this status was decided by this stage's plenary.</summary>
    public bool IsDecided(NominationStatus status) => status == ChosenStatus || status == NotChosenStatus;
}
