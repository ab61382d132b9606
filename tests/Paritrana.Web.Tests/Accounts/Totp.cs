using System.Security.Cryptography;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>
/// RFC 6238 (TOTP: HMAC-SHA1, 30-second steps, 6 digits) and RFC 4648 base32, written here from the
/// RFCs so that the tests compute an authenticator's codes without the portal's (Identity's) code.
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code of <paramref name="key"/> (base32, as the setup page shows it: any case, spaces) at <paramref name="at"/>.</summary>
    public static string Code(string key, DateTimeOffset at) => Code(Base32(key), at.ToUnixTimeSeconds() / 30, 6);

    public static string Code(byte[] secret, long step, int digits)
    {
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            counter[i] = (byte)(step & 0xff);
            step >>= 8;
        }

        // RFC 6238's authenticator codes (and Identity's) are HMAC-SHA1: the standard, not a choice.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32(string key)
    {
        var text = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            value.ShouldBeGreaterThanOrEqualTo(0, $"'{c}' is not base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }

    /// <summary>A six-digit code that is none of the codes the server accepts around now (±2 steps).</summary>
    public static string Wrong(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Code(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + i * 7919).ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}

public class TotpTests
{
    [Theory]
    // RFC 6238, appendix B (SHA-1, secret "12345678901234567890"), the last 6 of its 8 digits.
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void The_test_vectors_of_RFC_6238(long unixTime, string code) =>
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixTime)).ShouldBe(code);
}
