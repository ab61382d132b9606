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

    public const string RegionalOfficeCreated = "regional-office.created";
    public const string RegionalOfficeUpdated = "regional-office.updated";
    public const string BranchOfficeCreated = "branch-office.created";
    public const string BranchOfficeUpdated = "branch-office.updated";
}
