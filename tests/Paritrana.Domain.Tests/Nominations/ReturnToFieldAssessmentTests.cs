using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;
using S = Paritrana.Domain.Nominations.NominationStatus;
using A = Paritrana.Domain.Nominations.NominationAction;

namespace Paritrana.Domain.Tests.Nominations;

/// <summary>
/// "Kembalikan ke penilaian lapangan": the chair takes a nomination that is ready for scoring back
/// to field assessment, with a reason, so that coaching items can be recorded again (decisions/014).
/// </summary>
public class ReturnToFieldAssessmentTests
{
    private const string Reason = "Temuan baru: 40 pekerja harian belum didaftarkan.";

    [Fact]
    public void The_chair_sends_a_nomination_ready_for_scoring_back_to_field_assessment_with_a_reason()
    {
        NominationWorkflow.Decide(S.ReadyForScoring, A.ReturnToFieldAssessment, Roles.CommitteeChair, Reason)
            .ShouldBe(WorkflowDecision.Allow(S.InFieldAssessment));
    }

    [Theory]
    [InlineData(Roles.CommitteeMember)]
    [InlineData(Roles.BranchOfficer)]
    [InlineData(Roles.Administrator)]
    public void Nobody_else_may(string role)
    {
        NominationWorkflow.Decide(S.ReadyForScoring, A.ReturnToFieldAssessment, role, Reason)
            .ShouldBe(WorkflowDecision.Refuse("Peran Anda tidak berwenang melakukan langkah ini."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void A_reason_is_required(string? reason)
    {
        NominationWorkflow.Decide(S.ReadyForScoring, A.ReturnToFieldAssessment, Roles.CommitteeChair, reason)
            .ShouldBe(WorkflowDecision.Refuse("Alasan wajib diisi untuk langkah ini."));
    }

    [Fact]
    public void Only_from_ready_for_scoring_not_once_scored()
    {
        var from = Enum.GetValues<S>().Where(s => NominationWorkflow.Decide(s, A.ReturnToFieldAssessment, Roles.CommitteeChair, Reason).Allowed);
        from.ShouldBe([S.ReadyForScoring]);
        NominationWorkflow.Decide(S.Scored, A.ReturnToFieldAssessment, Roles.CommitteeChair, Reason)
            .ShouldBe(WorkflowDecision.Refuse("Langkah ini tidak dapat dilakukan pada status nominasi saat ini."));
        NominationWorkflow.Decide(S.Winner, A.ReturnToFieldAssessment, Roles.CommitteeChair, Reason)
            .ShouldBe(WorkflowDecision.Refuse("Nominasi ini sudah selesai; statusnya tidak dapat diubah lagi."));
    }

    [Fact]
    public void Open_coaching_items_do_not_stand_in_the_way_of_going_back()
    {
        // Going back is what makes room for new items; the gate applies only on the way to scoring.
        NominationWorkflow.Decide(S.ReadyForScoring, A.ReturnToFieldAssessment, Roles.CommitteeChair, Reason, new WorkflowFacts(OpenCoachingItems: 2))
            .ShouldBe(WorkflowDecision.Allow(S.InFieldAssessment));
    }

    [Fact]
    public void The_chair_is_offered_it_beside_the_other_steps_and_the_member_is_not()
    {
        NominationWorkflow.ActionsFor(S.ReadyForScoring, Roles.CommitteeChair).ShouldBe([A.MarkScored, A.Withdraw, A.ReturnToFieldAssessment]);
        NominationWorkflow.ActionsFor(S.ReadyForScoring, Roles.CommitteeMember).ShouldBe([A.Withdraw]);
        NominationWorkflow.ActionsFor(S.Scored, Roles.CommitteeChair).ShouldNotContain(A.ReturnToFieldAssessment);
    }

    [Fact]
    public void After_going_back_the_nomination_passes_the_gate_again_only_without_open_items()
    {
        var back = NominationWorkflow.Decide(S.ReadyForScoring, A.ReturnToFieldAssessment, Roles.CommitteeChair, Reason).To;
        NominationWorkflow.Decide(back, A.MarkReadyForScoring, Roles.CommitteeMember, facts: new WorkflowFacts(OpenCoachingItems: 1)).Allowed.ShouldBeFalse();
        NominationWorkflow.Decide(back, A.MarkReadyForScoring, Roles.CommitteeMember, facts: new WorkflowFacts(OpenCoachingItems: 0))
            .ShouldBe(WorkflowDecision.Allow(S.ReadyForScoring));
    }
}
