using Paritrana.Domain.Access;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using C = Paritrana.Domain.FieldWork.CoachingStatus;

namespace Paritrana.Domain.Tests.FieldWork;

/// <summary>
/// The coaching gate as the portal applies it: the nomination's items are counted with
/// <see cref="CoachingRules.IsOpen"/> and the count goes into the workflow as a fact.
/// </summary>
public class CoachingGateTests
{
    private static WorkflowDecision MarkReady(params C[] items) =>
        NominationWorkflow.Decide(
            NominationStatus.InFieldAssessment,
            NominationAction.MarkReadyForScoring,
            Roles.CommitteeMember,
            facts: new WorkflowFacts(OpenCoachingItems: items.Count(CoachingRules.IsOpen)));

    [Theory]
    [InlineData(C.Open)]
    [InlineData(C.InProgress)]
    public void An_open_or_in_progress_item_blocks_ready_for_scoring(C status)
    {
        MarkReady(C.Resolved, status, C.Waived).ShouldBe(new WorkflowDecision(false, default, WorkflowTexts.OpenCoachingItems));
        MarkReady(status).Refusal.ShouldBe("Masih ada butir pembinaan yang terbuka atau sedang dikerjakan; selesaikan atau kesampingkan dulu sebelum nominasi siap dinilai.");
    }

    [Fact]
    public void Resolved_and_waived_items_do_not_block()
    {
        MarkReady(C.Resolved, C.Waived, C.Resolved).ShouldBe(new WorkflowDecision(true, NominationStatus.ReadyForScoring, null));
        MarkReady().ShouldBe(new WorkflowDecision(true, NominationStatus.ReadyForScoring, null));
    }

    [Fact]
    public void The_gate_is_checked_after_status_and_role()
    {
        // A branch officer is told about the role, not about coaching items.
        NominationWorkflow.Decide(NominationStatus.InFieldAssessment, NominationAction.MarkReadyForScoring, Roles.BranchOfficer, facts: new WorkflowFacts(3))
            .Refusal.ShouldBe(WorkflowTexts.WrongRole);
        // Open items do not matter to other steps.
        NominationWorkflow.Decide(NominationStatus.InFieldAssessment, NominationAction.Withdraw, Roles.CommitteeChair, "mundur", new WorkflowFacts(3))
            .Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Items_are_recorded_or_reopened_only_before_the_gate()
    {
        Enum.GetValues<NominationStatus>().Where(CoachingRules.AcceptsOpenItems).ShouldBe(
        [
            NominationStatus.Draft, NominationStatus.Submitted, NominationStatus.Verified, NominationStatus.Returned, NominationStatus.InFieldAssessment,
        ]);
    }

    [Fact]
    public void After_the_gate_the_refusal_says_what_can_be_done()
    {
        CoachingRules.GateRefusal(NominationStatus.InFieldAssessment).ShouldBeNull();
        CoachingRules.GateRefusal(NominationStatus.Verified).ShouldBeNull();
        CoachingRules.GateRefusal(NominationStatus.ReadyForScoring).ShouldBe(
            "Nominasi ini sudah siap dinilai, jadi butir pembinaan tidak dapat dicatat atau dibuka kembali. Bila masih ada temuan, Ketua Tim Panitia dapat mengembalikan nominasi ke penilaian lapangan dengan alasan; setelah itu butir pembinaan dapat dicatat lagi.");
        foreach (var scored in new[] { NominationStatus.Scored, NominationStatus.Finalist, NominationStatus.ForwardedToNational })
        {
            CoachingRules.GateRefusal(scored).ShouldBe("Nominasi ini sudah dinilai, jadi butir pembinaan tidak dapat lagi dicatat atau dibuka kembali.");
        }

        foreach (var finished in NominationWorkflow.Final)
        {
            CoachingRules.GateRefusal(finished).ShouldBe("Nominasi ini sudah selesai, jadi butir pembinaan tidak dapat lagi dicatat atau dibuka kembali.");
        }
    }

    [Fact]
    public void Sending_the_nomination_back_opens_the_gate_for_items_again()
    {
        var back = NominationWorkflow.Decide(NominationStatus.ReadyForScoring, NominationAction.ReturnToFieldAssessment, Roles.CommitteeChair, "temuan baru").To;
        CoachingRules.AcceptsOpenItems(back).ShouldBeTrue();
    }
}
