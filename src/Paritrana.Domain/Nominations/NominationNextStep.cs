using Paritrana.Domain.Work;

namespace Paritrana.Domain.Nominations;

/// <summary>Who must take a nomination's next step.</summary>
public enum NextStepParty
{
    /// <summary>The province's committee (chair or member).</summary>
    Committee = 1,
    /// <summary>The committee's chair alone.</summary>
    Chair = 2,
    /// <summary>The BPJamsostek branch office that verifies the figures.</summary>
    BranchOffice = 3,
    /// <summary>The national level (the administrator records its result).</summary>
    National = 4,
}

/// <summary>
/// A nomination's next step: the workflow action that moves it forward, who must take it, since
/// when it has waited (the last status change, or its creation), how many calendar days that is on
/// the province's clock, and whether the person looking is the one to take it.
/// </summary>
public sealed record NextStep(NominationAction Action, NextStepParty Party, DateTimeOffset Since, int Days, bool ViewerActs);

/// <summary>
/// "What happens next, whose turn, since when" for one nomination, read off
/// <see cref="NominationWorkflow.Transitions"/>: the next step is the first transition (in the
/// workflow's order) that leaves the current status forwards, that is, neither a withdrawal nor a step
/// back (return to the committee, back to field assessment, reopening the plenary's decision). A
/// finished nomination has no next step.
/// </summary>
public static class NominationNextStep
{
    /// <summary>Steps that go sideways or back; never "the next step".</summary>
    public static readonly IReadOnlySet<NominationAction> Sideways = new HashSet<NominationAction>
    {
        NominationAction.Withdraw, NominationAction.Return, NominationAction.ReturnToFieldAssessment, NominationAction.ReopenDecision,
        NominationAction.ReopenNationalDecision,
    };

    /// <param name="lastChange">When the status last changed; null when it never did (then <paramref name="created"/>).</param>
    public static NextStep? Of(NominationStatus status, DateTimeOffset created, DateTimeOffset? lastChange, DateTimeOffset now, string provinceCode, string? viewerRole)
    {
        var next = NominationWorkflow.Transitions.FirstOrDefault(t => t.From.Contains(status) && !Sideways.Contains(t.Action));
        if (next is null)
        {
            return null;
        }

        var since = lastChange ?? created;
        var party = PartyOf(next.Roles);
        return new NextStep(next.Action, party, since, Waiting.DaysSince(since, now, provinceCode), viewerRole is not null && next.Roles.Contains(viewerRole));
    }

    private static NextStepParty PartyOf(string[] roles) =>
        roles.Contains(Access.Roles.BranchOfficer) ? NextStepParty.BranchOffice
        : roles.Contains(Access.Roles.CommitteeMember) ? NextStepParty.Committee
        : roles.Contains(Access.Roles.CommitteeChair) ? NextStepParty.Chair
        : NextStepParty.National;
}
