using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class ScoreTextTests
{
    [Theory]
    [InlineData("87,5", 87.5)]
    [InlineData("87.5", 87.5)]
    [InlineData(" 4 ", 4)]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("33,333", 33.333)]
    public void A_decimal_comma_or_point_is_read(string text, double expected)
    {
        ScoreText.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.000,5")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("4a")]
    [InlineData(",5")]
    [InlineData("5.")]
    [InlineData("1e2")]
    public void Anything_else_is_refused(string? text) => ScoreText.TryParse(text, out _).ShouldBeFalse();

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
