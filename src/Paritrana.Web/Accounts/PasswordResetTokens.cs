using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Identity's token provider for password-reset links ("Lupa kata sandi?", docs/decisions/028):
/// the token is the creation time, the user, the purpose and the account's security stamp,
/// protected with Data Protection (keys in PostgreSQL, so a link made by one instance works on
/// every other). It is valid for <see cref="Lifetime"/> by the portal's clock, and once: resetting
/// the password changes the security stamp. Identity's DataProtectorTokenProvider does the same
/// but reads the system clock, which a test cannot move.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, PasswordResetLinkLifetime lifetime)
    : ClockedLinkTokenProvider(protection, clock, "Paritrana.PasswordResetLink")
{
    public const string Name = "PasswordReset";

    public override TimeSpan Lifetime => lifetime.Value;
}

/// <summary>
/// The same for the link that confirms a new e-mail address (docs/decisions/031): Identity's
/// change-email purpose names the new address, so the link confirms that address only; changing
/// the address changes the security stamp, so the link works once.
/// </summary>
public sealed class EmailChangeTokenProvider(IDataProtectionProvider protection, TimeProvider clock, EmailChangeLinkLifetime lifetime)
    : ClockedLinkTokenProvider(protection, clock, "Paritrana.EmailChangeLink")
{
    public const string Name = "EmailChange";

    public override TimeSpan Lifetime => lifetime.Value;
}

/// <summary>How long an e-mail change link works (<c>Security:EmailChangeLinkLifetime</c>, default 24 hours).</summary>
public sealed record EmailChangeLinkLifetime(TimeSpan Value)
{
    public static readonly TimeSpan Default = TimeSpan.FromHours(24);
}

/// <summary>
/// A token of a mailed link: the creation time, the user, the purpose and the security stamp,
/// protected with Data Protection, valid for <see cref="Lifetime"/> by the portal's clock.
/// </summary>
public abstract class ClockedLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock, string protectorPurpose)
    : IUserTwoFactorTokenProvider<PortalUser>
{
    private readonly IDataProtector _protector = protection.CreateProtector(protectorPurpose);

    public abstract TimeSpan Lifetime { get; }

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var payload = string.Join('|', clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), user.Id.ToString("N"), purpose, stamp);
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|', 4);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var created = new DateTimeOffset(ticks, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        return created <= now && now < created + Lifetime
            && parts[1] == user.Id.ToString("N")
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);
}

/// <summary>How long a password-reset link works (<c>Security:PasswordResetLinkLifetime</c>, default one hour).</summary>
public sealed record PasswordResetLinkLifetime(TimeSpan Value)
{
    public static readonly TimeSpan Default = TimeSpan.FromHours(1);
}
