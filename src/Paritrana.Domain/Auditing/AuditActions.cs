namespace Paritrana.Domain.Auditing;

/// <summary>The names of audited actions, as stored in <see cref="AuditEvent.Action"/>.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignOut = "auth.sign-out";
    public const string PasswordChanged = "auth.password-changed";
    /// <summary>"Lupa kata sandi?": a reset link was mailed to the account's address.</summary>
    public const string PasswordResetRequested = "auth.password-reset-requested";
    /// <summary>A new password set through a mailed reset link.</summary>
    public const string PasswordResetByLink = "auth.password-reset";
    public const string AccessRefused = "auth.access-refused";
    /// <summary>One or more sessions ended on the server; the details carry the reason and how many.</summary>
    public const string SessionEnded = "auth.session-ended";

    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserUnlocked = "user.unlocked";
    /// <summary>The administrator turned another user's two-factor sign-in off (a lost phone); the details carry the reason.</summary>
    public const string UserTwoFactorReset = "user.two-factor-reset";
    /// <summary>An invitation link was mailed to an account without a password (created, or sent again).</summary>
    public const string InvitationSent = "user.invitation-sent";
    /// <summary>The invited person set their password through the link.</summary>
    public const string InvitationAccepted = "user.invitation-accepted";
    public const string InvitationRevoked = "user.invitation-revoked";
    /// <summary>A signed-in user asked to change their e-mail address; the confirmation link went to the new one.</summary>
    public const string EmailChangeRequested = "auth.email-change-requested";
    /// <summary>The new address was confirmed from its mailbox and is now the account's (and its sign-in name).</summary>
    public const string EmailChanged = "auth.email-changed";
    public const string TwoFactorEnabled = "auth.two-factor-enabled";
    public const string TwoFactorDisabled = "auth.two-factor-disabled";
    /// <summary>New recovery codes were made; the old ones stopped working.</summary>
    public const string RecoveryCodesRenewed = "auth.recovery-codes-renewed";
    /// <summary>A sign-in's second step with a recovery code (each works once).</summary>
    public const string RecoveryCodeUsed = "auth.recovery-code-used";
    /// <summary>A wrong authenticator or recovery code at sign-in.</summary>
    public const string TwoFactorFailed = "auth.two-factor-failed";

    public const string RegionalOfficeCreated = "regional-office.created";
    public const string RegionalOfficeUpdated = "regional-office.updated";
    public const string BranchOfficeCreated = "branch-office.created";
    public const string BranchOfficeUpdated = "branch-office.updated";

    public const string CycleCreated = "cycle.created";
    public const string CycleUpdated = "cycle.updated";
    public const string CycleMadeCurrent = "cycle.made-current";
    public const string CycleClosed = "cycle.closed";
    public const string CycleReopened = "cycle.reopened";
    public const string CategoryCreated = "category.created";
    public const string CategoryUpdated = "category.updated";
    public const string CategoriesCopied = "category.copied";

    public const string ImportPreviewed = "import.previewed";
    public const string ImportCompleted = "import.completed";
    public const string ImportFailed = "import.failed";
    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationUpdated = "organisation.updated";

    public const string NominationCreated = "nomination.created";
    public const string NominationUpdated = "nomination.updated";
    /// <summary>A workflow transition; the details carry "from → to" and the reason.</summary>
    public const string NominationStatusChanged = "nomination.status-changed";

    /// <summary>A candidate sent its self-assessment (docs/decisions/051).</summary>
    public const string SelfAssessmentSubmitted = "self-assessment.submitted";
    /// <summary>The committee returned a self-assessment with reasons.</summary>
    public const string SelfAssessmentReturned = "self-assessment.returned";
    /// <summary>The committee took values of a self-assessment into the nomination (the nomination's own update is audited beside it).</summary>
    public const string SelfAssessmentAccepted = "self-assessment.accepted";

    public const string VisitPlanned = "visit.planned";
    public const string VisitDone = "visit.done";
    public const string VisitCancelled = "visit.cancelled";
    public const string VisitRescheduled = "visit.rescheduled";
    public const string CoachingCreated = "coaching.created";
    public const string CoachingStarted = "coaching.started";
    public const string CoachingResolved = "coaching.resolved";
    public const string CoachingWaived = "coaching.waived";
    public const string CoachingReopened = "coaching.reopened";
    public const string CoachingShared = "coaching.shared";
    public const string CoachingUnshared = "coaching.unshared";
    public const string CoachingAnswered = "coaching.answered";
    public const string CoachingAnswerReturned = "coaching.answer-returned";
    public const string FileUploaded = "file.uploaded";
    public const string FileRemoved = "file.removed";

    public const string CriteriaCreated = "criteria.created";
    public const string CriteriaCopied = "criteria.copied";
    public const string CriteriaUpdated = "criteria.updated";
    /// <summary>A locked criteria set was changed: the change became a new version.</summary>
    public const string CriteriaVersioned = "criteria.new-version";
    public const string ScoringSettingsUpdated = "scoring-settings.updated";
    public const string ProvinceStagesUpdated = "province-stages.updated";
    public const string RoundCreated = "round.created";
    public const string RoundUpdated = "round.updated";
    public const string RoundOpened = "round.opened";
    public const string RoundClosed = "round.closed";
    public const string AssignmentCreated = "assignment.created";
    public const string AssignmentRemoved = "assignment.removed";
    public const string ConflictDeclared = "conflict.declared";
    public const string ScorecardSaved = "scorecard.saved";
    public const string ScorecardSubmitted = "scorecard.submitted";
    public const string ScorecardReopened = "scorecard.reopened";

    public const string PlenaryRecorded = "plenary.recorded";
    public const string FinalistsDecided = "finalists.decided";
    /// <summary>The frozen record of a plenary decision was stored; the details carry its number and hash.</summary>
    public const string DecisionDocumentIssued = "decision-document.issued";
    /// <summary>The chair re-opened a decided plenary; the details carry the superseded number and the reason.</summary>
    public const string PlenaryReopened = "plenary.reopened";
    public const string FinalistsForwarded = "finalists.forwarded";
    public const string NationalResultRecorded = "national-result.recorded";
    public const string InterviewScheduled = "interview.scheduled";
    public const string InterviewChanged = "interview.changed";
    public const string InterviewCancelled = "interview.cancelled";
}
