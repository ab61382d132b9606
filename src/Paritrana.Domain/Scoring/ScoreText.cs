using System.Globalization;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// Reads a score or a weight typed by a person: "87,5" (the Indonesian decimal comma) and "87.5"
/// (what a browser's number field sends) are both 87.5. Thousands separators are not accepted:
/// scores and weights never exceed 100, so "1.000" is a mistake rather than a thousand.
/// </summary>
public static class ScoreText
{
    /// <summary>Whether nothing was typed (a score not given yet).</summary>
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>Parses a non-negative decimal with at most one separator ("," or "."); false for anything else.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (IsBlank(text))
        {
            return false;
        }

        var t = text!.Trim();
        if (t.Count(c => c is ',' or '.') > 1 || t[0] is ',' or '.' || t[^1] is ',' or '.' || !t.All(c => char.IsAsciiDigit(c) || c is ',' or '.'))
        {
            return false;
        }

        return decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A value as a form field carries it: invariant, no trailing zeros ("87.5", "4", "33.33").</summary>
    public static string ForInput(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as a person reads it in the request culture, no trailing zeros ("87,5" in id-ID).</summary>
    public static string ForDisplay(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
