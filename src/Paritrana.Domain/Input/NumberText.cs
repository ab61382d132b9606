using System.Globalization;

namespace Paritrana.Domain.Input;

/// <summary>
/// Reads a number typed by a person in the format of the culture the form was shown in
/// (docs/decisions/040): id-ID "1.027.000" and "39,41", English "1,027,000" and "39.41". Thousands
/// separators only between groups of three digits, so that a decimal typed in the other language's
/// format (English "39,41" in English mode) is refused rather than read as 3941. One exception: a point
/// that cannot be a thousands separator (not followed by exactly three digits) is a decimal point in
/// every culture, because a browser's number field always sends "87.5".
/// </summary>
public static class NumberText
{
    /// <summary>
    /// Parses <paramref name="text"/> (trimmed; an optional leading minus) with the separators of
    /// <paramref name="format"/>. <paramref name="groups"/>: thousands separators are allowed;
    /// <paramref name="fraction"/>: a decimal part is allowed. False for anything else, and for a
    /// number beyond <see cref="decimal"/>.
    /// </summary>
    public static bool TryParse(string? text, NumberFormatInfo format, bool groups, bool fraction, out decimal value)
    {
        value = 0m;
        var t = (text ?? "").Trim();
        var negative = t.StartsWith('-');
        if (negative)
        {
            t = t[1..];
        }

        if (!TryDigits(t, format.NumberDecimalSeparator, format.NumberGroupSeparator, groups, fraction, out var invariant)
            && !(format.NumberDecimalSeparator != "." && fraction && TryBrowserDecimal(t, out invariant)))
        {
            return false;
        }

        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            value = 0m;
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>"1.027.000,5" → "1027000.5" with id-ID's separators; false when the text is not written so.</summary>
    private static bool TryDigits(string t, string decimalSeparator, string groupSeparator, bool groups, bool fraction, out string invariant)
    {
        invariant = "";
        var at = t.IndexOf(decimalSeparator, StringComparison.Ordinal);
        var whole = at < 0 ? t : t[..at];
        var part = at < 0 ? "" : t[(at + decimalSeparator.Length)..];
        if (at >= 0 && (!fraction || !IsDigits(part)))
        {
            return false;
        }

        if (groups && groupSeparator.Length > 0 && whole.Contains(groupSeparator, StringComparison.Ordinal))
        {
            var parts = whole.Split(groupSeparator);
            if (parts[0].Length is < 1 or > 3 || !parts.All(IsDigits) || parts.Skip(1).Any(p => p.Length != 3))
            {
                return false;
            }

            whole = string.Concat(parts);
        }
        else if (!IsDigits(whole))
        {
            return false;
        }

        invariant = part.Length == 0 ? whole : whole + "." + part;
        return true;
    }

    /// <summary>"87.5" as a browser's number field sends it: digits, one point, digits other than three.</summary>
    private static bool TryBrowserDecimal(string t, out string invariant)
    {
        invariant = "";
        var at = t.IndexOf('.', StringComparison.Ordinal);
        if (at < 0 || !IsDigits(t[..at]) || !IsDigits(t[(at + 1)..]) || t.Length - at - 1 == 3)
        {
            return false;
        }

        invariant = t;
        return true;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
