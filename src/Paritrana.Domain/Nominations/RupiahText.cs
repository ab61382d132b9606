using System.Globalization;

namespace Paritrana.Domain.Nominations;

/// <summary>
/// Rupiah amounts as written in the culture the form was shown in (docs/decisions/040): in Indonesian
/// dots between thousands and a comma before the sen ("1.250.000.000", "1250000000,50",
/// "Rp 1.250.000.000,00"), in English commas and a point ("1,250,000,000.50"). A thousands separator
/// followed by anything but three digits, or sen of more than two digits, is refused rather than
/// guessed at, so that "1,250,000" in Indonesian or "12.5" never silently becomes a different amount.
/// </summary>
public static class RupiahText
{
    /// <summary>
    /// Reads an amount in the current culture's format; a leading minus is accepted so that the
    /// caller can say "must not be negative" rather than "not a number". Empty text is not an amount.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount) => TryParse(text, CultureInfo.CurrentCulture.NumberFormat, out amount);

    /// <summary>Reads an amount written with <paramref name="format"/>'s separators.</summary>
    public static bool TryParse(string? text, NumberFormatInfo format, out decimal amount)
    {
        amount = 0;
        var s = (text ?? "").Trim();
        var negative = false;
        if (s.StartsWith('-'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }

        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
            if (s.StartsWith('.'))
            {
                s = s[1..];
            }

            s = s.TrimStart();
            if (!negative && s.StartsWith('-'))
            {
                negative = true;
                s = s[1..].TrimStart();
            }
        }

        var separator = format.NumberDecimalSeparator;
        var at = s.IndexOf(separator, StringComparison.Ordinal);
        var whole = at < 0 ? s : s[..at];
        var sen = at < 0 ? "" : s[(at + separator.Length)..];
        if (at >= 0 && (sen.Length is 0 or > 2 || !sen.All(char.IsAsciiDigit)))
        {
            return false;
        }

        if (!IsWholePart(whole, format.NumberGroupSeparator))
        {
            return false;
        }

        var digits = whole.Replace(format.NumberGroupSeparator, "", StringComparison.Ordinal);
        // numeric(18,2): at most 16 digits before the comma.
        if (digits.TrimStart('0').Length > 16)
        {
            return false;
        }

        amount = decimal.Parse(sen.Length == 0 ? digits : $"{digits}.{sen}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (negative)
        {
            amount = -amount;
        }

        return true;
    }

    /// <summary>"1250000" or "1.250.000": plain digits, or groups of three after a first group of one to three.</summary>
    private static bool IsWholePart(string s, string groupSeparator)
    {
        if (s.Length == 0)
        {
            return false;
        }

        if (groupSeparator.Length == 0 || !s.Contains(groupSeparator, StringComparison.Ordinal))
        {
            return s.All(char.IsAsciiDigit);
        }

        var groups = s.Split(groupSeparator);
        return groups[0].Length is >= 1 and <= 3
               && groups.All(g => g.All(char.IsAsciiDigit))
               && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>"1.250.000.000" or "1.250.000.000,50" (English "1,250,000,000.50"): the form an input field shows, which <see cref="TryParse(string?, out decimal)"/> reads back.</summary>
    public static string FormatNumber(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "N0" : "N2", CultureInfo.CurrentCulture);

    /// <summary>"Rp 1.250.000.000" or "Rp 1.250.000.000,50" (in the current culture), for display.</summary>
    public static string Format(decimal amount) =>
        amount < 0 ? "-Rp " + FormatNumber(-amount) : "Rp " + FormatNumber(amount);
}
