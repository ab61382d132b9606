namespace Paritrana.Web.Accounts;

/// <summary>
/// Limits how often one account may have an e-mail change confirmation mailed within an hour
/// (<c>Security:EmailChangesPerUserPerHour</c>, default 3): each accepted request mails two
/// addresses, one of them chosen by whoever holds the session. Counted in the shared sign-in limit
/// store (<c>sign_in_attempts</c>, key <c>email-change:&lt;user&gt;</c>, hour windows, one atomic upsert,
/// <see cref="SignInRateLimit.CountAsync"/>) like "Lupa kata sandi?" (<see cref="PasswordResetLimit"/>),
/// so that several instances allow together what one allows. Old windows go with the sign-in pruning job.
/// </summary>
public sealed class EmailChangeLimit(IConfiguration configuration, TimeProvider clock)
{
    public int PerUser { get; } = Math.Max(1, configuration.GetValue("Security:EmailChangesPerUserPerHour", 3));

    /// <summary>Counts one request of <paramref name="userId"/>; false when it is over the limit this hour.</summary>
    public async Task<bool> AllowsAsync(Guid userId, CancellationToken ct) =>
        await SignInRateLimit.CountAsync(configuration, $"email-change:{userId:N}", PasswordResetLimit.HourOf(clock.GetUtcNow()), ct) <= PerUser;
}
