using System.Globalization;
using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class ScoreTextTests
{
    private static readonly NumberFormatInfo Indonesian = CultureInfo.GetCultureInfo("id-ID").NumberFormat;
    private static readonly NumberFormatInfo English = CultureInfo.GetCultureInfo("en").NumberFormat;

    [Theory]
    [InlineData("87,5", 87.5)]
    [InlineData("87.5", 87.5)] // a browser's number field
    [InlineData("39.41", 39.41)]
    [InlineData(" 4 ", 4)]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("33,333", 33.333)]
    public void In_Indonesian_a_decimal_comma_or_a_browsers_point_is_read(string text, double expected)
    {
        ScoreText.TryParse(text, Indonesian, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("87.5", 87.5)]
    [InlineData("39.41", 39.41)]
    [InlineData("33.333", 33.333)]
    [InlineData("100", 100)]
    public void In_English_a_decimal_point_is_read(string text, double expected)
    {
        ScoreText.TryParse(text, English, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("39,41")] // Indonesian decimal comma: in English a thousands separator in the wrong place
    [InlineData("87,5")]
    [InlineData("1,000")]
    public void In_English_a_comma_is_refused_rather_than_misread(string text) => ScoreText.TryParse(text, English, out _).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.000,5")]
    [InlineData("1.000")] // a thousand, or one with three decimals: refused rather than guessed
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("4a")]
    [InlineData(",5")]
    [InlineData("5.")]
    [InlineData("1e2")]
    public void Anything_else_is_refused(string? text) => ScoreText.TryParse(text, Indonesian, out _).ShouldBeFalse();

    [Fact]
    public void Blank_means_not_scored_yet()
    {
        ScoreText.IsBlank("  ").ShouldBeTrue();
        ScoreText.IsBlank("0").ShouldBeFalse();
    }

    [Fact]
    public void Values_go_into_form_fields_invariant_without_trailing_zeros() =>
        (ScoreText.ForInput(87.50m), ScoreText.ForInput(4m), ScoreText.ForInput(33.33m)).ShouldBe(("87.5", "4", "33.33"));
}
