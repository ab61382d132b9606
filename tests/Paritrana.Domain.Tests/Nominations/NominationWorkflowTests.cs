using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;
using S = Paritrana.Domain.Nominations.NominationStatus;
using A = Paritrana.Domain.Nominations.NominationAction;

namespace Paritrana.Domain.Tests.Nominations;

public class NominationWorkflowTests
{
    private const string WrongStatus = "Langkah ini tidak dapat dilakukan pada status nominasi saat ini.";
    private const string WrongRole = "Peran Anda tidak berwenang melakukan langkah ini.";
    private const string Finished = "Nominasi ini sudah selesai; statusnya tidak dapat diubah lagi.";
    private const string NeedsReason = "Alasan wajib diisi untuk langkah ini.";

    // Every legal transition: (from, action, role, to). Reasons are given where they are needed.
    public static TheoryData<S, A, string, S> Legal => new()
    {
        { S.Draft, A.Submit, Roles.CommitteeMember, S.Submitted },
        { S.Draft, A.Submit, Roles.CommitteeChair, S.Submitted },
        { S.Returned, A.Submit, Roles.CommitteeMember, S.Submitted },
        { S.Submitted, A.Verify, Roles.BranchOfficer, S.Verified },
        { S.Submitted, A.Return, Roles.BranchOfficer, S.Returned },
        { S.Verified, A.StartFieldAssessment, Roles.CommitteeMember, S.InFieldAssessment },
        { S.InFieldAssessment, A.MarkReadyForScoring, Roles.CommitteeChair, S.ReadyForScoring },
        { S.ReadyForScoring, A.MarkScored, Roles.CommitteeChair, S.Scored },
        { S.Scored, A.DecideFinalist, Roles.CommitteeChair, S.Finalist },
        { S.Scored, A.DecideNotShortlisted, Roles.CommitteeChair, S.NotShortlisted },
        { S.Finalist, A.Forward, Roles.CommitteeChair, S.ForwardedToNational },
        { S.ForwardedToNational, A.RecordWinner, Roles.Administrator, S.Winner },
        { S.ForwardedToNational, A.RecordNotWinner, Roles.Administrator, S.NotWinner },
        { S.Draft, A.Withdraw, Roles.CommitteeMember, S.Withdrawn },
        { S.Submitted, A.Withdraw, Roles.CommitteeChair, S.Withdrawn },
        { S.Verified, A.Withdraw, Roles.CommitteeMember, S.Withdrawn },
        { S.Returned, A.Withdraw, Roles.CommitteeMember, S.Withdrawn },
        { S.InFieldAssessment, A.Withdraw, Roles.CommitteeMember, S.Withdrawn },
        { S.ReadyForScoring, A.Withdraw, Roles.CommitteeMember, S.Withdrawn },
        { S.Scored, A.Withdraw, Roles.CommitteeChair, S.Withdrawn },
        { S.Finalist, A.Withdraw, Roles.CommitteeChair, S.Withdrawn },
        { S.ForwardedToNational, A.Withdraw, Roles.Administrator, S.Withdrawn },
        { S.ReadyForScoring, A.ReturnToFieldAssessment, Roles.CommitteeChair, S.InFieldAssessment },
        // Taken only for a whole plenary decision (facts.AtPlenary), see below.
        { S.Finalist, A.ReopenDecision, Roles.CommitteeChair, S.Scored },
        { S.NotShortlisted, A.ReopenDecision, Roles.CommitteeChair, S.Scored },
        // The national plenary's (docs/decisions/047), likewise only for the whole decision.
        { S.Winner, A.ReopenNationalDecision, Roles.Administrator, S.ForwardedToNational },
        { S.NotWinner, A.ReopenNationalDecision, Roles.Administrator, S.ForwardedToNational },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void A_legal_transition_is_allowed_and_leads_to_its_status(S from, A action, string role, S to)
    {
        var decision = NominationWorkflow.Decide(from, action, role, reason: "alasan tertulis", new WorkflowFacts(AtPlenary: true));
        decision.ShouldBe(WorkflowDecision.Allow(to));
    }

    [Fact]
    public void Every_other_status_and_action_pair_is_refused_for_every_role()
    {
        var legal = Legal.Select(row => ((S)row[0], (A)row[1])).ToHashSet();
        var checkedPairs = 0;
        foreach (var from in Enum.GetValues<S>())
        {
            foreach (var action in Enum.GetValues<A>())
            {
                if (legal.Contains((from, action)))
                {
                    continue;
                }

                foreach (var role in Roles.All)
                {
                    var decision = NominationWorkflow.Decide(from, action, role, "alasan");
                    decision.Allowed.ShouldBeFalse($"{from} --{action}--> by {role}");
                    decision.Refusal.ShouldBe(NominationWorkflow.Final.Contains(from) ? Finished : WrongStatus);
                }

                checkedPairs++;
            }
        }

        legal.Count.ShouldBe(26); // 27 rows, Draft --Submit--> listed for two roles
        checkedPairs.ShouldBe((13 * 15) - 26); // 13 statuses, 15 actions
    }

    [Theory]
    [InlineData(S.Draft, A.Submit, Roles.BranchOfficer)]
    [InlineData(S.Draft, A.Submit, Roles.Administrator)]
    [InlineData(S.Submitted, A.Verify, Roles.CommitteeMember)]
    [InlineData(S.Submitted, A.Verify, Roles.CommitteeChair)]
    [InlineData(S.Submitted, A.Return, Roles.CommitteeChair)]
    [InlineData(S.ReadyForScoring, A.MarkScored, Roles.CommitteeMember)]
    [InlineData(S.Scored, A.DecideFinalist, Roles.CommitteeMember)]
    [InlineData(S.Scored, A.DecideNotShortlisted, Roles.BranchOfficer)]
    [InlineData(S.Finalist, A.Forward, Roles.CommitteeMember)]
    [InlineData(S.ForwardedToNational, A.RecordWinner, Roles.CommitteeChair)]
    [InlineData(S.Draft, A.Withdraw, Roles.BranchOfficer)]
    public void The_wrong_role_is_refused(S from, A action, string role)
    {
        NominationWorkflow.Decide(from, action, role, "alasan").ShouldBe(WorkflowDecision.Refuse(WrongRole));
    }

    [Fact]
    public void Without_a_role_nothing_is_allowed() =>
        NominationWorkflow.Decide(S.Draft, A.Submit, null).ShouldBe(WorkflowDecision.Refuse(WrongRole));

    [Theory]
    [InlineData(A.Return, S.Submitted, Roles.BranchOfficer)]
    [InlineData(A.Withdraw, S.Verified, Roles.CommitteeMember)]
    public void Returning_and_withdrawing_need_a_reason(A action, S from, string role)
    {
        NominationWorkflow.Decide(from, action, role, null).ShouldBe(WorkflowDecision.Refuse(NeedsReason));
        NominationWorkflow.Decide(from, action, role, "   ").ShouldBe(WorkflowDecision.Refuse(NeedsReason));
        NominationWorkflow.Decide(from, action, role, "Jumlah peserta tidak sesuai data BPJamsostek").Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Open_coaching_items_keep_a_nomination_from_being_ready_for_scoring()
    {
        NominationWorkflow.Decide(S.InFieldAssessment, A.MarkReadyForScoring, Roles.CommitteeMember, facts: new WorkflowFacts(OpenCoachingItems: 2))
            .ShouldBe(WorkflowDecision.Refuse("Masih ada butir pembinaan yang terbuka atau sedang dikerjakan; selesaikan atau kesampingkan dulu sebelum nominasi siap dinilai."));
        NominationWorkflow.Decide(S.InFieldAssessment, A.MarkReadyForScoring, Roles.CommitteeMember, facts: new WorkflowFacts(OpenCoachingItems: 0))
            .ShouldBe(WorkflowDecision.Allow(S.ReadyForScoring));
    }

    [Fact]
    public void Finalists_are_decided_only_by_the_plenary_as_a_whole()
    {
        const string PlenaryOnly = "Langkah ini hanya dapat diambil untuk seluruh keputusan pada halaman rapat pleno.";
        var atPlenary = new WorkflowFacts(AtPlenary: true);
        NominationWorkflow.Decide(S.Scored, A.DecideFinalist, Roles.CommitteeChair, null, atPlenary).ShouldBe(WorkflowDecision.Allow(S.Finalist));
        NominationWorkflow.Decide(S.Scored, A.DecideNotShortlisted, Roles.CommitteeChair, null, atPlenary).ShouldBe(WorkflowDecision.Allow(S.NotShortlisted));
        // One nomination from its own page, even by its chair: refused.
        NominationWorkflow.Decide(S.Scored, A.DecideFinalist, Roles.CommitteeChair).ShouldBe(WorkflowDecision.Refuse(PlenaryOnly));
        NominationWorkflow.Decide(S.Scored, A.DecideNotShortlisted, Roles.CommitteeChair).ShouldBe(WorkflowDecision.Refuse(PlenaryOnly));
        NominationWorkflow.Decide(S.Scored, A.DecideFinalist, Roles.CommitteeMember, null, atPlenary).ShouldBe(WorkflowDecision.Refuse(WrongRole));
    }

    [Fact]
    public void Re_opening_a_decision_is_the_chairs_with_a_reason_and_only_for_the_whole_plenary()
    {
        const string PlenaryOnly = "Langkah ini hanya dapat diambil untuk seluruh keputusan pada halaman rapat pleno.";
        var atPlenary = new WorkflowFacts(AtPlenary: true);
        NominationWorkflow.Decide(S.Finalist, A.ReopenDecision, Roles.CommitteeChair, "Salah hitung", atPlenary).ShouldBe(WorkflowDecision.Allow(S.Scored));
        NominationWorkflow.Decide(S.NotShortlisted, A.ReopenDecision, Roles.CommitteeChair, "Salah hitung", atPlenary).ShouldBe(WorkflowDecision.Allow(S.Scored));
        // One nomination on its own (the nomination page's buttons): refused, and not offered.
        NominationWorkflow.Decide(S.Finalist, A.ReopenDecision, Roles.CommitteeChair, "Salah hitung").ShouldBe(WorkflowDecision.Refuse(PlenaryOnly));
        NominationWorkflow.ActionsFor(S.Finalist, Roles.CommitteeChair).ShouldBe([A.Forward, A.Withdraw]);
        NominationWorkflow.ActionsFor(S.NotShortlisted, Roles.CommitteeChair).ShouldBeEmpty();
        // The chair's, with a reason; not once the finalist went to the national level.
        NominationWorkflow.Decide(S.Finalist, A.ReopenDecision, Roles.CommitteeMember, "Salah hitung", atPlenary).ShouldBe(WorkflowDecision.Refuse(WrongRole));
        NominationWorkflow.Decide(S.Finalist, A.ReopenDecision, Roles.CommitteeChair, " ", atPlenary).ShouldBe(WorkflowDecision.Refuse(NeedsReason));
        NominationWorkflow.Decide(S.ForwardedToNational, A.ReopenDecision, Roles.CommitteeChair, "Salah hitung", atPlenary).ShouldBe(WorkflowDecision.Refuse(WrongStatus));
    }

    [Fact]
    public void The_winners_are_the_national_plenarys_never_one_nomination_at_a_time()
    {
        const string PlenaryOnly = "Langkah ini hanya dapat diambil untuk seluruh keputusan pada halaman rapat pleno.";
        var atPlenary = new WorkflowFacts(AtPlenary: true);
        NominationWorkflow.Decide(S.ForwardedToNational, A.RecordWinner, Roles.Administrator, null, atPlenary).ShouldBe(WorkflowDecision.Allow(S.Winner));
        NominationWorkflow.Decide(S.ForwardedToNational, A.RecordWinner, Roles.Administrator).ShouldBe(WorkflowDecision.Refuse(PlenaryOnly));
        NominationWorkflow.Decide(S.ForwardedToNational, A.RecordNotWinner, Roles.Administrator).ShouldBe(WorkflowDecision.Refuse(PlenaryOnly));
        NominationWorkflow.Decide(S.Winner, A.ReopenNationalDecision, Roles.Administrator, "Salah hitung").ShouldBe(WorkflowDecision.Refuse(PlenaryOnly));
        NominationWorkflow.Decide(S.Winner, A.ReopenNationalDecision, Roles.Administrator, " ", atPlenary).ShouldBe(WorkflowDecision.Refuse(WorkflowTexts.ReasonRequired));
        NominationWorkflow.Decide(S.Winner, A.ReopenNationalDecision, Roles.CommitteeChair, "Salah hitung", atPlenary).ShouldBe(WorkflowDecision.Refuse(WorkflowTexts.WrongRole));
        // The nomination's own page offers the administrator only withdrawal of a forwarded finalist.
        NominationWorkflow.ActionsFor(S.ForwardedToNational, Roles.Administrator).ShouldBe([A.Withdraw]);
    }

    [Fact]
    public void The_buttons_offered_match_the_rules()
    {
        NominationWorkflow.ActionsFor(S.Submitted, Roles.BranchOfficer).ShouldBe([A.Verify, A.Return]);
        NominationWorkflow.ActionsFor(S.Submitted, Roles.CommitteeMember).ShouldBe([A.Withdraw]);
        // Finalists are the plenary's (below): a scored nomination's page offers only withdrawal.
        NominationWorkflow.ActionsFor(S.Scored, Roles.CommitteeChair).ShouldBe([A.Withdraw]);
        NominationWorkflow.ActionsFor(S.Winner, Roles.Administrator).ShouldBeEmpty();
    }

    [Fact]
    public void Figures_are_editable_only_before_verification()
    {
        Enum.GetValues<S>().Where(NominationWorkflow.FiguresEditable).ShouldBe([S.Draft, S.Returned]);
    }
}
