using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

/// <summary>The coverage indicators worked out from a government's figures; expected values by hand in the comments.</summary>
public class ComputedIndicatorsTests
{
    private static Nomination Government(long? workforce, int? pu, int? bpu, int? nonAsn, int? nonAsnCovered) => new()
    {
        ProvinceCode = "51",
        WorkforceBps = workforce,
        ProtectedPu = pu,
        ProtectedBpu = bpu,
        NonAsnWorkers = nonAsn,
        NonAsnCovered = nonAsnCovered,
    };

    [Fact]
    public void The_three_coverage_indicators_of_a_government_are_percentages_rounded_to_two_decimals()
    {
        // Bali: 512,000 / 2,530,000 = 20.2371 % -> 20.24; 178,000 / (2,530,000 - 512,000 = 2,018,000) = 8.8206 % -> 8.82;
        // 9,800 / 13,900 = 70.5035 % -> 70.50.
        var values = ComputedIndicators.Of(Government(2_530_000, 512_000, 178_000, 13_900, 9_800));

        values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}").ShouldBe(["KIN1=20.24", "KIN2=8.82", "KIN3=70.50"]);
    }

    [Fact]
    public void Half_a_hundredth_rounds_away_from_zero()
    {
        // 1 / 8 = 12.5 %; 1 / 16 = 6.25 %; 1 / 800 = 0.125 % -> 0.13.
        var values = ComputedIndicators.Of(Government(800, 1, 0, 16, 1));

        (values["KIN1"], values["KIN2"], values["KIN3"]).ShouldBe((0.13m, 0m, 6.25m));
    }

    [Fact]
    public void A_value_whose_figures_are_missing_is_left_out_and_an_employer_has_none()
    {
        ComputedIndicators.Of(Government(1000, null, 10, 0, 0)).Keys.ShouldBeEmpty();
        var partial = ComputedIndicators.Of(Government(1000, 200, null, 50, 25));
        partial.Keys.Order().ShouldBe(["KIN1", "KIN3"]);
        (partial["KIN1"], partial["KIN3"]).ShouldBe((20m, 50m));
        ComputedIndicators.Of(new Nomination { ProvinceCode = "51", Workers = 100, ParticipantsPu = 90 }).ShouldBeEmpty();
    }

    [Fact]
    public void Figures_that_do_not_fit_give_no_value_rather_than_one_off_the_scale()
    {
        // 120 protected of a workforce of 100 would be 120 %: not offered.
        ComputedIndicators.Of(Government(100, 120, 0, null, null)).ContainsKey("KIN1").ShouldBeFalse();
    }

    [Theory]
    [InlineData("20.24", "20.24", null, false)]
    [InlineData("20.24", "25", null, true)]
    [InlineData("20.24", "25", "  ", true)]
    [InlineData("20.24", "25", "Data BPS 2024 lebih baru.", false)]
    [InlineData(null, "25", null, false)]
    public void A_changed_computed_value_needs_a_note(string? computed, string value, string? note, bool needs) =>
        ComputedIndicators.NeedsNote(computed is null ? null : decimal.Parse(computed, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), note).ShouldBe(needs);

    [Fact]
    public void A_blank_value_needs_no_note() => ComputedIndicators.NeedsNote(20.24m, null, null).ShouldBeFalse();
}
