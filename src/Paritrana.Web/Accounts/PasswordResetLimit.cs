using System.Security.Cryptography;
using System.Text;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Limits "Lupa kata sandi?" requests per e-mail address and per client address within an hour
/// (<c>Security:PasswordResetsPerAddressPerHour</c>, default 3; <c>Security:PasswordResetsPerClientPerHour</c>,
/// default 10), counted in the shared sign-in limit store (<c>sign_in_attempts</c>, one atomic upsert
/// per key and window, <see cref="SignInRateLimit.CountAsync"/>), so that several instances allow
/// together what one allows. The address counts whether or not an account has it: the limit says
/// nothing about which addresses exist. Old windows go with the sign-in pruning job.
/// </summary>
public sealed class PasswordResetLimit(IConfiguration configuration, TimeProvider clock)
{
    public int PerAddress { get; } = configuration.GetValue("Security:PasswordResetsPerAddressPerHour", 3);

    public int PerClient { get; } = configuration.GetValue("Security:PasswordResetsPerClientPerHour", 10);

    /// <summary>Counts one request of this client for this address; false when either is over its limit this hour.</summary>
    public async Task<bool> AllowsAsync(string? clientAddress, string email, CancellationToken ct)
    {
        var window = HourOf(clock.GetUtcNow());
        var byClient = await SignInRateLimit.CountAsync(configuration, "reset:client:" + (clientAddress ?? "unknown"), window, ct);
        var byAddress = await SignInRateLimit.CountAsync(configuration, "reset:email:" + Key(email), window, ct);
        return byClient <= PerClient && byAddress <= PerAddress;
    }

    /// <summary>The start of the hour window that holds <paramref name="now"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>The address, normalised and hashed: the store's key column is short, and keeps no addresses.</summary>
    private static string Key(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())))[..32];
}
