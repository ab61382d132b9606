using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Tests.Nominations;

public class NominationNextStepTests
{
    // Bali (51) is on WITA, UTC+8.
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(NominationStatus.Draft, NominationAction.Submit, NextStepParty.Committee)]
    [InlineData(NominationStatus.Returned, NominationAction.Submit, NextStepParty.Committee)]
    [InlineData(NominationStatus.Submitted, NominationAction.Verify, NextStepParty.BranchOffice)]
    [InlineData(NominationStatus.Verified, NominationAction.StartFieldAssessment, NextStepParty.Committee)]
    [InlineData(NominationStatus.InFieldAssessment, NominationAction.MarkReadyForScoring, NextStepParty.Committee)]
    [InlineData(NominationStatus.ReadyForScoring, NominationAction.MarkScored, NextStepParty.Chair)]
    [InlineData(NominationStatus.Scored, NominationAction.DecideFinalist, NextStepParty.Chair)]
    [InlineData(NominationStatus.Finalist, NominationAction.Forward, NextStepParty.Chair)]
    [InlineData(NominationStatus.ForwardedToNational, NominationAction.RecordWinner, NextStepParty.National)]
    public void The_next_step_moves_the_nomination_forwards_and_names_whose_it_is(NominationStatus status, NominationAction action, NextStepParty party)
    {
        var next = NominationNextStep.Of(status, Created, null, Created, "51", null)!;
        next.Action.ShouldBe(action);
        next.Party.ShouldBe(party);
    }

    [Theory]
    [InlineData(NominationStatus.NotShortlisted)]
    [InlineData(NominationStatus.Winner)]
    [InlineData(NominationStatus.NotWinner)]
    [InlineData(NominationStatus.Withdrawn)]
    public void A_finished_nomination_has_no_next_step(NominationStatus status) =>
        NominationNextStep.Of(status, Created, null, Created, "51", Roles.CommitteeChair).ShouldBeNull();

    [Fact]
    public void Submitted_on_1_December_in_the_morning_it_has_waited_3_days_on_the_morning_of_4_December_in_Bali()
    {
        var submitted = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var now = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(8));
        var next = NominationNextStep.Of(NominationStatus.Submitted, Created, submitted, now, "51", Roles.CommitteeMember)!;
        next.Since.ShouldBe(submitted);
        next.Days.ShouldBe(3);
        next.ViewerActs.ShouldBeFalse();
    }

    [Fact]
    public void Counted_in_the_province_s_calendar_days_late_evening_to_early_morning_is_one_day()
    {
        // 23:30 WITA on 3 December is 15:30 UTC; 00:30 WITA on 4 December is 16:30 UTC of the 3rd.
        var submitted = new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero);
        var now = new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero);
        NominationNextStep.Of(NominationStatus.Submitted, Created, submitted, now, "51", null)!.Days.ShouldBe(1);
    }

    [Fact]
    public void A_draft_that_never_changed_status_waits_since_it_was_created()
    {
        var now = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
        var next = NominationNextStep.Of(NominationStatus.Draft, Created, null, now, "51", Roles.CommitteeChair)!;
        next.Since.ShouldBe(Created);
        next.Days.ShouldBe(5);
    }

    [Theory]
    [InlineData(NominationStatus.Submitted, Roles.BranchOfficer, true)]
    [InlineData(NominationStatus.Submitted, Roles.CommitteeChair, false)]
    [InlineData(NominationStatus.InFieldAssessment, Roles.CommitteeMember, true)]
    [InlineData(NominationStatus.ReadyForScoring, Roles.CommitteeMember, false)]
    [InlineData(NominationStatus.ReadyForScoring, Roles.CommitteeChair, true)]
    [InlineData(NominationStatus.ForwardedToNational, Roles.Administrator, true)]
    [InlineData(NominationStatus.Finalist, Roles.Administrator, false)]
    public void The_viewer_acts_when_the_workflow_lets_their_role_take_the_step(NominationStatus status, string role, bool acts) =>
        NominationNextStep.Of(status, Created, null, Created, "51", role)!.ViewerActs.ShouldBe(acts);

    [Fact]
    public void Every_non_final_status_has_a_next_step_that_the_workflow_allows_from_it()
    {
        foreach (var status in Enum.GetValues<NominationStatus>().Where(s => !NominationWorkflow.Final.Contains(s)))
        {
            var next = NominationNextStep.Of(status, Created, null, Created, "51", null)!;
            NominationWorkflow.Transitions.Single(t => t.Action == next.Action).From.ShouldContain(status);
            NominationNextStep.Sideways.ShouldNotContain(next.Action);
        }
    }
}
