namespace Paritrana.Domain.Notifications;

/// <summary>
/// One thing the portal tells one person (docs/decisions/030-notifications.md): what happened
/// (<see cref="Kind"/>, about <see cref="Subject"/>), where it is done (<see cref="Link"/>), and
/// whether it is still open. Its text is rendered when shown, in the reader's language.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>
    /// The province of the thing it is about (every recipient belongs to it); null for one about the
    /// person's own account (a two-factor reset), shown to them whatever their province, also to an
    /// account without one (docs/decisions/045).
    /// </summary>
    public string? ProvinceCode { get; set; }

    /// <summary>The name of the thing it is about, as it was then: an organisation, a round.</summary>
    public required string Subject { get; set; }

    /// <summary>The path of the page where the thing is, e.g. <c>/Nominations/Details/12</c>.</summary>
    public required string Link { get; set; }

    /// <summary>The work it asks for, e.g. <c>nomination:12</c>: when that work is done, the notification is settled.</summary>
    public string? WorkKey { get; set; }

    /// <summary>A reminder's once-only key (kind, thing, date, person): unique, so that no sweep queues it twice.</summary>
    public string? ReminderKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the work it asked for was done: it then no longer counts as open.</summary>
    public DateTimeOffset? SettledAt { get; set; }

    public bool IsOpen => ReadAt is null && SettledAt is null;
}

/// <summary>The events that ask something of a person. Stored by name: do not rename.</summary>
public enum NotificationKind
{
    NominationReturned,
    NominationVerified,
    AssignedAsScorer,
    RoundOpened,
    RoundClosingSoon,
    CardReopened,
    CoachingDueTomorrow,
    CoachingOverdue,
    VisitTomorrow,
    FinalistsDecided,

    /// <summary>The administrator reset the person's two-factor sign-in (the subject is their own address).</summary>
    TwoFactorReset,

    /// <summary>A finalist's national interview was scheduled (to its jurors and its province's committee; the subject is the candidate).</summary>
    InterviewScheduled,

    /// <summary>Its time, place, presenter or jurors changed.</summary>
    InterviewChanged,

    /// <summary>It was cancelled.</summary>
    InterviewCancelled,

    /// <summary>The national plenary decided the winners (to the committee of each province with a finalist in it; the subject is the cycle's year).</summary>
    NationalResultDecided,

    /// <summary>A candidate answered a coaching item addressed to it (to its province's committee; the subject is the candidate).</summary>
    CoachingAnswered,

    /// <summary>The committee addressed a coaching item to the candidate (to its representatives, no province; the subject is the finding).</summary>
    CoachingAddressed,

    /// <summary>The committee sent the candidate's answer back with a reason (to its representatives).</summary>
    CoachingAnswerReturned,

    /// <summary>The committee resolved a coaching item addressed to the candidate (to its representatives).</summary>
    CoachingResolvedForCandidate,

    /// <summary>The committee reopened a coaching item addressed to the candidate (to its representatives).</summary>
    CoachingReopenedForCandidate,

    /// <summary>A candidate sent its self-assessment (to the committee of its province; the subject is the candidate).</summary>
    SelfAssessmentSubmitted,

    /// <summary>The committee returned a candidate's self-assessment (to its representatives, on their account).</summary>
    SelfAssessmentReturned,

    /// <summary>The committee took values of a candidate's self-assessment into its nomination (to its representatives, on their account).</summary>
    SelfAssessmentAccepted,
}

/// <summary>How a person wants to hear of notifications by e-mail. Stored by name.</summary>
public enum MailFrequency
{
    Immediate,
    DailyDigest,
    None,
}

/// <summary>A person's choices: mail frequency and interface language (applied at sign-in).</summary>
public class UserPreference
{
    public Guid UserId { get; set; }
    public MailFrequency Mail { get; set; } = MailFrequency.Immediate;

    /// <summary>"id" or "en".</summary>
    public string Language { get; set; } = "id";

    /// <summary>The province-local day of the last digest sent: at most one a day.</summary>
    public DateOnly? LastDigestOn { get; set; }
}
