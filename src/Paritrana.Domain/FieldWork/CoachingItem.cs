using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.FieldWork;

/// <summary>
/// A coaching item (butir pembinaan): what the candidate must improve, by when, and what became of
/// it. A nomination may be proposed for scoring only when none of its items is open or in progress.
/// </summary>
public class CoachingItem : INominationBound
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    /// <summary>The visit where it was found, if any.</summary>
    public int? VisitId { get; set; }
    public required string Finding { get; set; }
    public required string Recommendation { get; set; }
    /// <summary>The person responsible at the candidate.</summary>
    public string? ResponsiblePerson { get; set; }
    public DateOnly DueDate { get; set; }
    public CoachingStatus Status { get; set; } = CoachingStatus.Open;
    public string? ResolutionNote { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
    public string? WaiverReason { get; set; }
    public DateTimeOffset? WaivedAt { get; set; }
    public Guid? WaivedBy { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Addressed to the candidate (issue 18, docs/decisions/050): the committee chose to show it in the
    /// candidate's area, where its representatives may answer it. Not shared by default.
    /// </summary>
    public bool SharedWithCandidate { get; set; }

    /// <summary>The candidate's latest answer ("sudah diperbaiki"), awaiting the committee while <see cref="CandidateAnsweredAt"/> is set.</summary>
    public string? CandidateAnswer { get; set; }

    /// <summary>When the candidate's latest answer came; null when none awaits the committee (none yet, or sent back).</summary>
    public DateTimeOffset? CandidateAnsweredAt { get; set; }

    public Guid? CandidateAnsweredBy { get; set; }

    /// <summary>Why the committee sent the candidate's last answer back (shown to the candidate); null when it did not.</summary>
    public string? AnswerReturnReason { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// What a candidate's representative may do with a coaching item (issue 18, docs/decisions/050):
/// answer an item addressed to them while it is open; the committee then resolves it, or sends the
/// answer back with a reason. An answer never moves the item's status nor the nomination.
/// </summary>
public static class CandidateCoachingRules
{
    /// <summary>Whether the candidate may answer now: addressed to them, still open, no answer awaiting the committee.</summary>
    public static bool MayAnswer(CoachingItem item) =>
        item.SharedWithCandidate && CoachingRules.IsOpen(item.Status) && item.CandidateAnsweredAt is null;

    /// <summary>Whether an answer of the candidate awaits the committee.</summary>
    public static bool AwaitsCommittee(CoachingItem item) =>
        item.SharedWithCandidate && CoachingRules.IsOpen(item.Status) && item.CandidateAnsweredAt is not null;
}

public enum CoachingStatus
{
    Open = 1,
    InProgress = 2,
    Resolved = 3,
    Waived = 4,
}

public enum CoachingAction
{
    Start = 1,
    Resolve = 2,
    Waive = 3,
    Reopen = 4,
}

/// <summary>The rules of coaching items: who may move them, what it needs, and when one is overdue.</summary>
public static class CoachingRules
{
    /// <summary>Open and in-progress items block the nomination from being ready for scoring.</summary>
    public static bool IsOpen(CoachingStatus status) => status is CoachingStatus.Open or CoachingStatus.InProgress;

    /// <summary>Overdue: still open after its due date (the due date itself is not overdue).</summary>
    public static bool IsOverdue(CoachingStatus status, DateOnly dueDate, DateOnly today) => IsOpen(status) && dueDate < today;

    /// <summary>Days past the due date of an open item; 0 when not overdue.</summary>
    public static int DaysOverdue(CoachingStatus status, DateOnly dueDate, DateOnly today) =>
        IsOverdue(status, dueDate, today) ? today.DayNumber - dueDate.DayNumber : 0;

    /// <summary>
    /// Whether a coaching item may be recorded or reopened on a nomination in <paramref name="status"/>:
    /// only before the coaching gate, that is before the nomination is ready for scoring. After it an
    /// open item would sit on a nomination that the gate has let through (decisions/014).
    /// </summary>
    public static bool AcceptsOpenItems(NominationStatus status) =>
        status is NominationStatus.Draft or NominationStatus.Submitted or NominationStatus.Verified or NominationStatus.Returned or NominationStatus.InFieldAssessment;

    /// <summary>
    /// Why no item may be recorded or reopened on a nomination in <paramref name="status"/>, or null
    /// when it may. Ready for scoring: the chair may first send it back to field assessment.
    /// </summary>
    public static string? GateRefusal(NominationStatus status) =>
        AcceptsOpenItems(status) ? null
        : status == NominationStatus.ReadyForScoring ? CoachingTexts.PastGate
        : NominationWorkflow.Final.Contains(status) ? CoachingTexts.NominationFinished
        : CoachingTexts.PastScoring;

    public sealed record Decision(bool Allowed, CoachingStatus To, string? Refusal);

    public static Decision Decide(CoachingStatus current, CoachingAction action, string? role, string? text)
    {
        var committee = role is Roles.CommitteeChair or Roles.CommitteeMember;
        switch (action)
        {
            case CoachingAction.Start when current == CoachingStatus.Open:
                return committee ? Allow(CoachingStatus.InProgress) : Refuse(NotAllowed);
            case CoachingAction.Resolve when IsOpen(current):
                if (!committee)
                {
                    return Refuse(NotAllowed);
                }

                return string.IsNullOrWhiteSpace(text) ? Refuse(CoachingTexts.NoteRequired) : Allow(CoachingStatus.Resolved);
            case CoachingAction.Waive when IsOpen(current):
                if (role != Roles.CommitteeChair)
                {
                    return Refuse(CoachingTexts.OnlyChairWaives);
                }

                return string.IsNullOrWhiteSpace(text) ? Refuse(CoachingTexts.WaiverReasonRequired) : Allow(CoachingStatus.Waived);
            case CoachingAction.Reopen when current is CoachingStatus.Resolved or CoachingStatus.Waived:
                return role == Roles.CommitteeChair ? Allow(CoachingStatus.Open) : Refuse(CoachingTexts.OnlyChairReopens);
            default:
                return Refuse(CoachingTexts.WrongStatus);
        }
    }

    private const string NotAllowed = CoachingTexts.WrongRole;

    private static Decision Allow(CoachingStatus to) => new(true, to, null);

    private static Decision Refuse(string why) => new(false, default, why);
}
