using Paritrana.Domain.Candidates;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Tests.Candidates;

public class CandidateStagesTests
{
    [Theory]
    [InlineData(NominationStatus.Draft, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.Submitted, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.Verified, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.Returned, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.InFieldAssessment, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.ReadyForScoring, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.Scored, CandidateStage.InAssessment)]
    [InlineData(NominationStatus.Finalist, CandidateStage.ProvincialFinalist)]
    [InlineData(NominationStatus.ForwardedToNational, CandidateStage.ProvincialFinalist)]
    [InlineData(NominationStatus.NotShortlisted, CandidateStage.NotShortlisted)]
    [InlineData(NominationStatus.Winner, CandidateStage.Winner)]
    [InlineData(NominationStatus.NotWinner, CandidateStage.NationalFinalist)]
    [InlineData(NominationStatus.Withdrawn, CandidateStage.Withdrawn)]
    public void The_committees_working_steps_are_one_stage_to_a_candidate(NominationStatus status, CandidateStage expected) =>
        CandidateStages.Of(status).ShouldBe(expected);

    [Fact]
    public void Every_status_is_named_above() =>
        // 13 statuses, each in one InlineData row of the theory above.
        Enum.GetValues<NominationStatus>().Length.ShouldBe(13);
}
