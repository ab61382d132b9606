using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;
using S = Paritrana.Domain.Nominations.NominationStatus;
using A = Paritrana.Domain.Nominations.NominationAction;

namespace Paritrana.Domain.Tests.Nominations;

/// <summary>"Sudah dinilai" with incomplete scoring: refused without a reason, allowed with one (docs/decisions/015).</summary>
public class MarkScoredTests
{
    private const string Incomplete = "Penilaian nominasi ini belum lengkap; ketua hanya dapat menandainya sudah dinilai dengan alasan.";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Incomplete_scoring_without_a_reason_is_refused(string? reason) =>
        NominationWorkflow.Decide(S.ReadyForScoring, A.MarkScored, Roles.CommitteeChair, reason, new WorkflowFacts { IncompleteRounds = 2 })
            .ShouldBe(WorkflowDecision.Refuse(Incomplete));

    [Fact]
    public void Incomplete_scoring_with_the_chairs_reason_is_allowed() =>
        NominationWorkflow.Decide(S.ReadyForScoring, A.MarkScored, Roles.CommitteeChair, "Penilai wawancara sakit; pleno tidak dapat ditunda.", new WorkflowFacts { IncompleteRounds = 1 })
            .ShouldBe(WorkflowDecision.Allow(S.Scored));

    [Fact]
    public void Complete_scoring_needs_no_reason() =>
        NominationWorkflow.Decide(S.ReadyForScoring, A.MarkScored, Roles.CommitteeChair, null, new WorkflowFacts { IncompleteRounds = 0 })
            .ShouldBe(WorkflowDecision.Allow(S.Scored));

    [Fact]
    public void The_role_and_status_are_checked_before_completeness()
    {
        NominationWorkflow.Decide(S.ReadyForScoring, A.MarkScored, Roles.CommitteeMember, null, new WorkflowFacts { IncompleteRounds = 1 })
            .ShouldBe(WorkflowDecision.Refuse("Peran Anda tidak berwenang melakukan langkah ini."));
        NominationWorkflow.Decide(S.InFieldAssessment, A.MarkScored, Roles.CommitteeChair, null, new WorkflowFacts { IncompleteRounds = 1 })
            .ShouldBe(WorkflowDecision.Refuse("Langkah ini tidak dapat dilakukan pada status nominasi saat ini."));
    }

    [Fact]
    public void Incomplete_rounds_concern_no_other_step() =>
        NominationWorkflow.Decide(S.Scored, A.DecideFinalist, Roles.CommitteeChair, null, new WorkflowFacts(AtPlenary: true) { IncompleteRounds = 3 })
            .ShouldBe(WorkflowDecision.Allow(S.Finalist));
}
