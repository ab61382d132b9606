using System.Globalization;
using Paritrana.Domain.Input;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// Reads a score or a weight typed by a person, in the format of the culture the form was shown in
/// (docs/decisions/040): "87,5" in Indonesian, "87.5" in English, and "87.5" (what a browser's number
/// field sends) in both. Thousands separators are not accepted: scores and weights never exceed 100,
/// so "1.000" (Indonesian) or "1,000" (English) is a mistake rather than a thousand, and is refused.
/// </summary>
public static class ScoreText
{
    /// <summary>Whether nothing was typed (a score not given yet).</summary>
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>Parses a non-negative decimal in the current culture's format; false for anything else.</summary>
    public static bool TryParse(string? text, out decimal value) => TryParse(text, CultureInfo.CurrentCulture.NumberFormat, out value);

    /// <summary>Parses a non-negative decimal written with <paramref name="format"/>'s decimal separator (or a browser's point); false for anything else.</summary>
    public static bool TryParse(string? text, NumberFormatInfo format, out decimal value)
    {
        value = 0m;
        if (IsBlank(text) || text!.TrimStart().StartsWith('-'))
        {
            return false;
        }

        return NumberText.TryParse(text, format, groups: false, fraction: true, out value);
    }

    /// <summary>A value as a number field carries it: invariant, no trailing zeros ("87.5", "4", "33.33").</summary>
    public static string ForInput(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as a person reads it in the request culture, no trailing zeros ("87,5" in id-ID).</summary>
    public static string ForDisplay(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
