using System.Globalization;
using System.Runtime.CompilerServices;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Imports;

/// <summary>Outcome of reading a count from a cell.</summary>
public enum CountParse
{
    Ok,
    Missing,
    NotAWholeNumber,
    Negative,
    TooLarge,
}

/// <summary>The cell formats of the employer file: counts, dates, size classes.</summary>
public static class ImportValues
{
    /// <summary>The earliest as-of date accepted (BPJamsostek's electronic records start later).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    private static readonly string[] IsoFormats = ["yyyy-MM-dd"];
    private static readonly string[] DayFirstFormats = ["d/M/yyyy"];

    /// <summary>
    /// A non-negative whole number: plain digits (<c>1234</c>) or with id-ID thousands dots in
    /// groups of three (<c>1.234</c>, <c>12.345.678</c>). <c>1.23</c>, <c>1,5</c> and <c>+3</c> are
    /// not whole numbers; <c>-5</c> and <c>-1.234</c> are negative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CsvRecordReader
    public static CountParse ParseCount(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return CountParse.Missing;
        }

        var negative = text[0] == '-';
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        if (!IsGroupedDigits(digits))
        {
            return CountParse.NotAWholeNumber;
        }

        if (negative)
        {
            return CountParse.Negative;
        }

        long result = 0;
        foreach (var c in digits)
        {
            if (c == '.')
            {
                continue;
            }

            result = (result * 10) + (c - '0');
            if (result > int.MaxValue)
            {
                return CountParse.TooLarge;
            }
        }

        value = (int)result;
        return CountParse.Ok;
    }

    private static bool IsGroupedDigits(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var firstDot = s.IndexOf('.');
        if (firstDot < 0)
        {
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        // 1 to 3 digits, then groups of exactly ".ddd".
        if (firstDot is 0 or > 3 || (s.Length - firstDot) % 4 != 0)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var isDotPosition = i >= firstDot && (i - firstDot) % 4 == 0;
            if (isDotPosition ? s[i] != '.' : !char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A real calendar date written <c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c> (day and month may have one digit).</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || DateOnly.TryParseExact(text, DayFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>BPJamsostek's size classes in Indonesian, in any letter case.</summary>
    public static bool TryParseSizeClass(string text, out SizeClass size)
    {
        size = text.ToUpperInvariant() switch
        {
            "BESAR" => SizeClass.Large,
            "MENENGAH" => SizeClass.Medium,
            "KECIL" => SizeClass.Small,
            "MIKRO" => SizeClass.Micro,
            _ => 0,
        };
        return size != 0;
    }

    /// <summary>The Indonesian name of a size class, as the file writes it.</summary>
    public static string SizeClassName(SizeClass size) => size switch
    {
        SizeClass.Large => "Besar",
        SizeClass.Medium => "Menengah",
        SizeClass.Small => "Kecil",
        SizeClass.Micro => "Mikro",
        _ => "",
    };

    /// <summary>An NPP is ASCII letters and digits only.</summary>
    public static bool IsValidNpp(string npp)
    {
        foreach (var c in npp)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return npp.Length > 0;
    }
}
