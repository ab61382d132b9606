using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Candidates;

/// <summary>
/// What a candidate's representative is told of their nomination's status (docs/decisions/049): the
/// committee's working steps (drafts, verification, returns to the branch office, field assessment,
/// scoring) are one stage to them, and a decision only once it is made. Never a score or a rank.
/// </summary>
public enum CandidateStage
{
    /// <summary>Being prepared, verified, visited or scored by the provincial committee.</summary>
    InAssessment = 1,

    /// <summary>Chosen as a finalist by the provincial plenary (forwarded to the national stage or not yet).</summary>
    ProvincialFinalist,

    /// <summary>Not chosen as a finalist.</summary>
    NotShortlisted,

    /// <summary>A winner of the award.</summary>
    Winner,

    /// <summary>A national finalist that did not win.</summary>
    NationalFinalist,

    /// <summary>Withdrawn.</summary>
    Withdrawn,
}

public static class CandidateStages
{
    public static CandidateStage Of(NominationStatus status) => status switch
    {
        NominationStatus.Finalist or NominationStatus.ForwardedToNational => CandidateStage.ProvincialFinalist,
        NominationStatus.NotShortlisted => CandidateStage.NotShortlisted,
        NominationStatus.Winner => CandidateStage.Winner,
        NominationStatus.NotWinner => CandidateStage.NationalFinalist,
        NominationStatus.Withdrawn => CandidateStage.Withdrawn,
        _ => CandidateStage.InAssessment,
    };
}
