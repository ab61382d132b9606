using Paritrana.Domain.Imports;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Tests.Imports;

public class ImportValuesTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("1234", 1234)]
    [InlineData("007", 7)]
    [InlineData("1.234", 1234)]
    [InlineData("12.345", 12345)]
    [InlineData("123.456", 123456)]
    [InlineData("12.345.678", 12345678)]
    [InlineData("2.147.483.647", int.MaxValue)]
    public void Counts_are_digits_with_or_without_thousands_dots(string text, int expected)
    {
        ImportValues.ParseCount(text, out var value).ShouldBe(CountParse.Ok);
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.23")]
    [InlineData("1.2345")]
    [InlineData("1234.567")]
    [InlineData(".123")]
    [InlineData("1.234.")]
    [InlineData("1..234")]
    [InlineData("1,5")]
    [InlineData("1,234")]
    [InlineData("+3")]
    [InlineData("12a")]
    [InlineData("dua")]
    [InlineData("1 234")]
    [InlineData("-")]
    [InlineData("-1.23")]
    [InlineData("٣")]   // an Arabic-Indic digit is not an ASCII digit
    public void Anything_else_is_not_a_whole_number(string text) =>
        ImportValues.ParseCount(text, out _).ShouldBe(CountParse.NotAWholeNumber);

    [Theory]
    [InlineData("-1")]
    [InlineData("-1.234")]
    [InlineData("-0")]
    public void A_leading_minus_on_a_number_is_negative(string text) =>
        ImportValues.ParseCount(text, out _).ShouldBe(CountParse.Negative);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("2.147.483.648")]
    [InlineData("99999999999999999999")]
    public void Counts_beyond_the_integer_range_are_too_large(string text) =>
        ImportValues.ParseCount(text, out _).ShouldBe(CountParse.TooLarge);

    [Fact]
    public void An_empty_count_is_missing() => ImportValues.ParseCount("", out _).ShouldBe(CountParse.Missing);

    [Theory]
    [InlineData("2025-12-31", 2025, 12, 31)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("31/12/2025", 2025, 12, 31)]
    [InlineData("05/01/2024", 2024, 1, 5)]
    [InlineData("5/1/2024", 2024, 1, 5)]
    public void Dates_are_iso_or_day_first(string text, int year, int month, int day)
    {
        ImportValues.TryParseDate(text, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("2023-02-29")]   // not a leap year
    [InlineData("2025-13-01")]
    [InlineData("2025-04-31")]
    [InlineData("31/04/2025")]
    [InlineData("12/31/2025")]   // month first is not accepted
    [InlineData("2025/12/31")]
    [InlineData("31-12-2025")]
    [InlineData("2025-1-5")]
    [InlineData("31/12/25")]
    [InlineData("31 Desember 2025")]
    [InlineData("20251231")]
    [InlineData("2025-12-31T00:00")]
    public void Other_date_forms_and_impossible_dates_are_refused(string text) =>
        ImportValues.TryParseDate(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("Besar", SizeClass.Large)]
    [InlineData("MENENGAH", SizeClass.Medium)]
    [InlineData("kecil", SizeClass.Small)]
    [InlineData("Mikro", SizeClass.Micro)]
    public void Size_classes_are_the_indonesian_names_in_any_case(string text, SizeClass expected)
    {
        ImportValues.TryParseSizeClass(text, out var size).ShouldBeTrue();
        size.ShouldBe(expected);
        ImportValues.SizeClassName(size).ShouldBe(text[..1].ToUpperInvariant() + text[1..].ToLowerInvariant());
    }

    [Theory]
    [InlineData("Large")]
    [InlineData("Sedang")]
    [InlineData("UMKM")]
    [InlineData("1")]
    public void Other_size_classes_are_refused(string text) => ImportValues.TryParseSizeClass(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("12345678", true)]
    [InlineData("NN012345", true)]
    [InlineData("12-345", false)]
    [InlineData("123 45", false)]
    [InlineData("12345É", false)]
    [InlineData("", false)]
    public void An_npp_is_ascii_letters_and_digits(string npp, bool valid) => ImportValues.IsValidNpp(npp).ShouldBe(valid);
}
