using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Paritrana.Domain.Scoring;

/// <summary>A snapshot ready to store: its canonical JSON, the SHA-256 of that text and the verification code.</summary>
public sealed record SealedSnapshot(string CanonicalJson, string Sha256, string VerificationCode);

/// <summary>
/// The official record of a plenary decision (docs/decisions/011): its document number, the JSON of
/// its snapshot, the hash of the snapshot's canonical form and the short verification code printed
/// on the PDF.
/// </summary>
public static partial class DecisionDocument
{
    /// <summary>The shape of <see cref="DecisionSnapshot"/> this code writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Characters of the verification code: 10 base32 characters, 50 bits of the hash.</summary>
    public const int CodeLength = 10;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>camelCase names, enumerations by name (stable if their numbers ever change), no indentation.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>
    /// "PRT-2021-51-001": the award, the cycle's year, the province's Kemendagri code and the
    /// version of the province's decision in that cycle (001, then 002 after a re-decision).
    /// </summary>
    public static string Number(int year, string provinceCode, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"PRT-{year:0000}-{provinceCode}-{version:000}");

    /// <summary>A document number as typed: trimmed and upper-cased, or null when it is not one.</summary>
    public static string? ParseNumber(string? input)
    {
        var text = input?.Trim().ToUpperInvariant();
        return text is not null && NumberPattern().IsMatch(text) ? text : null;
    }

    /// <summary>Serializes, canonicalizes and hashes a snapshot.</summary>
    public static SealedSnapshot Seal(DecisionSnapshot snapshot)
    {
        var canonical = CanonicalJson.Canonicalize(JsonSerializer.Serialize(snapshot, Json));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return new SealedSnapshot(canonical, Convert.ToHexStringLower(hash), CodeOf(hash));
    }

    /// <summary>The SHA-256 (lower-case hex) of the canonical form of stored JSON, to compare with the hash stored beside it.</summary>
    public static string HashOf(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(json))));

    /// <summary>Reads a stored snapshot (schema version 1).</summary>
    public static DecisionSnapshot Read(string json)
    {
        var snapshot = JsonSerializer.Deserialize<DecisionSnapshot>(json, Json) ?? throw new FormatException("Empty snapshot.");
        return snapshot.SchemaVersion == SchemaVersion
            ? snapshot
            : throw new FormatException($"Snapshot schema version {snapshot.SchemaVersion} is not known to this version of the portal.");
    }

    /// <summary>The first <see cref="CodeLength"/> characters of the RFC 4648 base32 form of a hash.</summary>
    public static string CodeOf(ReadOnlySpan<byte> hash)
    {
        var code = new StringBuilder(CodeLength);
        var buffer = 0;
        var bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && code.Length < CodeLength)
            {
                code.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }

            if (code.Length == CodeLength)
            {
                break;
            }
        }

        return code.ToString();
    }

    /// <summary>The code as printed: two groups of five, "K7Q2M-XW4TB".</summary>
    public static string FormatCode(string code) => code.Length == CodeLength ? $"{code[..5]}-{code[5..]}" : code;

    /// <summary>
    /// A code as typed: spaces and hyphens dropped, upper case; 0, 1 and 8 (not in the base32
    /// alphabet) read as the letters O, I and B they are mistaken for. Null when it cannot be a code.
    /// </summary>
    public static string? ParseCode(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var code = new StringBuilder(CodeLength);
        foreach (var c in input.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var read = c switch { '0' => 'O', '1' => 'I', '8' => 'B', _ => c };
            if (!Base32Alphabet.Contains(read, StringComparison.Ordinal))
            {
                return null;
            }

            code.Append(read);
        }

        return code.Length == CodeLength ? code.ToString() : null;
    }

    [GeneratedRegex(@"^PRT-[0-9]{4}-[0-9]{2}-[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
