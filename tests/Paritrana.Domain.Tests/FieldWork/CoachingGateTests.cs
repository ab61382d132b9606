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
}
