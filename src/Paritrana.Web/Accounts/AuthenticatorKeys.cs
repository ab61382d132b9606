using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Paritrana.Web.Accounts;

/// <summary>
/// The authenticator app's shared key (Identity's TOTP, RFC 6238: 30 s, 6 digits, SHA-1) as the
/// setup page shows it: an otpauth:// URI drawn as a QR code on the server (QRCoder, PNG data URI:
/// no script, allowed by the CSP's img-src data:), and the key in groups of four for typing.
/// </summary>
public sealed class AuthenticatorKeys(UserManager<PortalUser> users, IUserStore<PortalUser> store)
{
    public const string Issuer = "Portal Paritrana";
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// The account's key; a new one when it has none. Stored with the account's tokens without
    /// changing its security stamp (Identity's ResetAuthenticatorKeyAsync would end this session).
    /// </summary>
    public async Task<string> KeyOfAsync(PortalUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
        await users.UpdateAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>"abcd efgh ijkl ..." in lower case: easier to type than the base32 as stored.</summary>
    /// <summary>
    /// Turns two-factor sign-in off and forgets the key and the recovery codes (a new key is made,
    /// unused until set up again); each step changes the security stamp. The caller's transaction holds them together.
    /// </summary>
    public async Task<IdentityResult> ForgetAsync(PortalUser user)
    {
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded)
        {
            result = await users.ResetAuthenticatorKeyAsync(user);
        }

        if (result.Succeeded)
        {
            result = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0)) is null ? IdentityResult.Failed() : IdentityResult.Success;
        }

        return result;
    }

    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code of <paramref name="uri"/> as a PNG data URI.</summary>
    public static string QrDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A code as typed: spaces and hyphens dropped.</summary>
    public static string Clean(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
