using Paritrana.Domain.Access;

namespace Paritrana.Domain.Nominations;

public enum NominationStatus
{
    Draft = 1,
    Submitted = 2,
    Verified = 3,
    Returned = 4,
    InFieldAssessment = 5,
    ReadyForScoring = 6,
    Scored = 7,
    Finalist = 8,
    NotShortlisted = 9,
    ForwardedToNational = 10,
    Winner = 11,
    NotWinner = 12,
    Withdrawn = 13,
}

public enum NominationAction
{
    Submit = 1,
    Verify = 2,
    Return = 3,
    StartFieldAssessment = 4,
    MarkReadyForScoring = 5,
    MarkScored = 6,
    DecideFinalist = 7,
    DecideNotShortlisted = 8,
    Forward = 9,
    RecordWinner = 10,
    RecordNotWinner = 11,
    Withdraw = 12,
    /// <summary>The chair takes a nomination that is ready for scoring back to field assessment (with a reason), so that coaching items can be recorded or reopened again (decisions/014).</summary>
    ReturnToFieldAssessment = 13,
    /// <summary>The chair re-opens the plenary's decision: finalists and not-shortlisted go back to Scored (plenary page only).</summary>
    ReopenDecision = 14,
    /// <summary>The national secretariat re-opens the national plenary's decision: winners and not-winners go back to forwarded (its page only, docs/decisions/047).</summary>
    ReopenNationalDecision = 15,
}

/// <summary>Facts from outside the nomination that some transitions depend on.</summary>
/// <param name="AtPlenary">The step is taken by the plenary's decision as a whole (see <see cref="NominationWorkflow.Transition.PlenaryOnly"/>).</param>
public sealed record WorkflowFacts(int OpenCoachingItems = 0, bool AtPlenary = false)
{
    /// <summary>How many open or closed rounds are not complete for the nomination (<see cref="Scoring.ScoringCompleteness.Missing"/>).</summary>
    public int IncompleteRounds { get; init; }
}

/// <summary>The outcome of asking the workflow: allowed (with the new status) or refused (with why).</summary>
public sealed record WorkflowDecision(bool Allowed, NominationStatus To, string? Refusal)
{
    public static WorkflowDecision Allow(NominationStatus to) => new(true, to, null);
    public static WorkflowDecision Refuse(string reason) => new(false, default, reason);
}

/// <summary>
/// The nomination's state machine: which action leads from which status to which, who may take it,
/// and what it needs (a reason, resolved coaching items). Refusals are Indonesian texts that the
/// portal shows through its localizer (see WorkflowTexts).
/// </summary>
public static class NominationWorkflow
{
    /// <param name="PlenaryOnly">Taken only for all of a plenary's nominations together (the plenary page), never for one nomination.</param>
    public sealed record Transition(NominationAction Action, NominationStatus[] From, NominationStatus To, string[] Roles, bool NeedsReason, bool PlenaryOnly = false);

    private static readonly string[] Committee = [Access.Roles.CommitteeChair, Access.Roles.CommitteeMember];
    private static readonly string[] Chair = [Access.Roles.CommitteeChair];
    private static readonly string[] Officer = [Access.Roles.BranchOfficer];
    private static readonly string[] Admin = [Access.Roles.Administrator];

    /// <summary>Statuses from which nothing more happens.</summary>
    public static readonly IReadOnlySet<NominationStatus> Final = new HashSet<NominationStatus>
    {
        NominationStatus.NotShortlisted, NominationStatus.Winner, NominationStatus.NotWinner, NominationStatus.Withdrawn,
    };

    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(NominationAction.Submit, [NominationStatus.Draft, NominationStatus.Returned], NominationStatus.Submitted, Committee, false),
        new(NominationAction.Verify, [NominationStatus.Submitted], NominationStatus.Verified, Officer, false),
        new(NominationAction.Return, [NominationStatus.Submitted], NominationStatus.Returned, Officer, true),
        new(NominationAction.StartFieldAssessment, [NominationStatus.Verified], NominationStatus.InFieldAssessment, Committee, false),
        new(NominationAction.MarkReadyForScoring, [NominationStatus.InFieldAssessment], NominationStatus.ReadyForScoring, Committee, false),
        new(NominationAction.MarkScored, [NominationStatus.ReadyForScoring], NominationStatus.Scored, Chair, false),
        // Finalists are decided by the plenary as a whole, with its record and decision document
        // (decisions/014, 022), never one nomination at a time from its page.
        new(NominationAction.DecideFinalist, [NominationStatus.Scored], NominationStatus.Finalist, Chair, false, PlenaryOnly: true),
        new(NominationAction.DecideNotShortlisted, [NominationStatus.Scored], NominationStatus.NotShortlisted, Chair, false, PlenaryOnly: true),
        new(NominationAction.Forward, [NominationStatus.Finalist], NominationStatus.ForwardedToNational, Chair, false),
        // The winners are decided by the national plenary as a whole, with its record and decision
        // document (decisions/047), never one nomination at a time.
        new(NominationAction.RecordWinner, [NominationStatus.ForwardedToNational], NominationStatus.Winner, Admin, false, PlenaryOnly: true),
        new(NominationAction.RecordNotWinner, [NominationStatus.ForwardedToNational], NominationStatus.NotWinner, Admin, false, PlenaryOnly: true),
        new(
            NominationAction.Withdraw,
            [NominationStatus.Draft, NominationStatus.Submitted, NominationStatus.Verified, NominationStatus.Returned, NominationStatus.InFieldAssessment,
             NominationStatus.ReadyForScoring, NominationStatus.Scored, NominationStatus.Finalist, NominationStatus.ForwardedToNational],
            NominationStatus.Withdrawn,
            [Access.Roles.CommitteeChair, Access.Roles.CommitteeMember, Access.Roles.Administrator],
            true),
        // Only from ReadyForScoring: once scored, the scores are the plenary's basis (decisions/014).
        new(NominationAction.ReturnToFieldAssessment, [NominationStatus.ReadyForScoring], NominationStatus.InFieldAssessment, Chair, true),
        new(NominationAction.ReopenDecision, [NominationStatus.Finalist, NominationStatus.NotShortlisted], NominationStatus.Scored, Chair, true, PlenaryOnly: true),
        new(NominationAction.ReopenNationalDecision, [NominationStatus.Winner, NominationStatus.NotWinner], NominationStatus.ForwardedToNational, Admin, true, PlenaryOnly: true),
    ];

    /// <summary>Decides whether <paramref name="role"/> may take <paramref name="action"/> on a nomination in <paramref name="current"/>.</summary>
    public static WorkflowDecision Decide(NominationStatus current, NominationAction action, string? role, string? reason = null, WorkflowFacts? facts = null)
    {
        var transition = Transitions.Single(t => t.Action == action);
        if (!transition.From.Contains(current))
        {
            return WorkflowDecision.Refuse(Final.Contains(current)
                ? WorkflowTexts.Finished
                : WorkflowTexts.WrongStatus);
        }

        if (role is null || !transition.Roles.Contains(role))
        {
            return WorkflowDecision.Refuse(WorkflowTexts.WrongRole);
        }

        if (transition.PlenaryOnly && facts?.AtPlenary != true)
        {
            return WorkflowDecision.Refuse(WorkflowTexts.PlenaryOnly);
        }

        if (transition.NeedsReason && string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowDecision.Refuse(WorkflowTexts.ReasonRequired);
        }

        if (action == NominationAction.MarkReadyForScoring && (facts?.OpenCoachingItems ?? 0) > 0)
        {
            return WorkflowDecision.Refuse(WorkflowTexts.OpenCoachingItems);
        }

        // Incomplete scoring: the chair may still mark the nomination scored, but only with a reason.
        if (action == NominationAction.MarkScored && (facts?.IncompleteRounds ?? 0) > 0 && string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowDecision.Refuse(WorkflowTexts.ScoringIncomplete);
        }

        return WorkflowDecision.Allow(transition.To);
    }

    /// <summary>The actions a role could take on one nomination from a status (for showing buttons); the final check is <see cref="Decide"/>.</summary>
    public static IReadOnlyList<NominationAction> ActionsFor(NominationStatus current, string? role) =>
        Transitions.Where(t => !t.PlenaryOnly && t.From.Contains(current) && role is not null && t.Roles.Contains(role)).Select(t => t.Action).ToList();

    /// <summary>Statuses in which the committee may still edit the nomination's figures.</summary>
    public static bool FiguresEditable(NominationStatus status) => status is NominationStatus.Draft or NominationStatus.Returned;
}
