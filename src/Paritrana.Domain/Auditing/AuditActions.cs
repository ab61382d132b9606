namespace Paritrana.Domain.Auditing;

/// <summary>The names of audited actions, as stored in <see cref="AuditEvent.Action"/>.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignOut = "auth.sign-out";
    public const string PasswordChanged = "auth.password-changed";
    public const string AccessRefused = "auth.access-refused";

    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserUnlocked = "user.unlocked";

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
}
