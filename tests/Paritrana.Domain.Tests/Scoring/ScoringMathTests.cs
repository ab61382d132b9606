using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

/// <summary>
/// A company criteria set: Kepatuhan 50 % (K1 40 % on levels 1–5, K2 60 % on 0–100), Komitmen
/// digital 30 % (D1 100 %, 0–100), Wawancara 20 % (W1 100 %, levels). Expected figures are worked
/// out by hand in the comments.
/// </summary>
public class ScoringMathTests
{
    private static readonly IndicatorWeighting K1 = new(1, 10, 50m, 40m, ScaleKind.Levels);
    private static readonly IndicatorWeighting K2 = new(2, 10, 50m, 60m, ScaleKind.Percent);
    private static readonly IndicatorWeighting D1 = new(3, 20, 30m, 100m, ScaleKind.Percent);
    private static readonly IndicatorWeighting W1 = new(4, 30, 20m, 100m, ScaleKind.Levels);

    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Theory]
    [InlineData(ScaleKind.Levels, 1, 0)]
    [InlineData(ScaleKind.Levels, 2, 25)]
    [InlineData(ScaleKind.Levels, 4, 75)]
    [InlineData(ScaleKind.Levels, 5, 100)]
    [InlineData(ScaleKind.Percent, 87.5, 87.5)]
    public void Scores_are_normalised_to_0_100(ScaleKind scale, double raw, double expected) =>
        ScoringMath.Normalise(scale, (decimal)raw).ShouldBe((decimal)expected);

    [Fact]
    public void A_card_total_rebases_the_aspect_weights_of_its_round()
    {
        // Documents round: Kepatuhan and Digital only (50 and 30 → 62.5 % and 37.5 %).
        // Kepatuhan = 0.4 × 75 (level 4) + 0.6 × 80 = 78; Digital = 90.
        // Total = 50/80 × 78 + 30/80 × 90 = 48.75 + 33.75 = 82.5.
        var scores = new Dictionary<int, decimal> { [1] = 4m, [2] = 80m, [3] = 90m };
        ScoringMath.CardTotalOf([K1, K2, D1], scores).ShouldBe(82.5m);
        ScoringMath.AspectScoreOf([K1, K2], scores).ShouldBe(78m);
    }

    [Fact]
    public void A_card_over_all_aspects_uses_their_weights_as_they_are()
    {
        // 0.5 × 78 + 0.3 × 90 + 0.2 × 100 (level 5) = 39 + 27 + 20 = 86.
        var scores = new Dictionary<int, decimal> { [1] = 4m, [2] = 80m, [3] = 90m, [4] = 5m };
        ScoringMath.CardTotalOf([K1, K2, D1, W1], scores).ShouldBe(86m);
    }

    [Fact]
    public void A_card_with_an_unscored_indicator_has_no_total()
    {
        ScoringMath.CardTotalOf([K1, K2, D1], new Dictionary<int, decimal> { [1] = 4m, [2] = 80m }).ShouldBeNull();
        ScoringMath.CardTotalOf([], new Dictionary<int, decimal>()).ShouldBeNull();
    }

    [Fact]
    public void The_round_score_is_the_mean_of_the_submitted_cards()
    {
        // (82.5 + 70 + 91) / 3 = 81.1666… → 81.17 when shown.
        var cards = new[] { new CardTotal(A, 1, 82.5m), new CardTotal(B, 1, 70m), new CardTotal(C, 1, 91m) };
        ScoringMath.Round2(ScoringMath.RoundScore(cards, RoundAggregation.Mean)!.Value).ShouldBe(81.17m);
        ScoringMath.RoundScore(cards, RoundAggregation.Median).ShouldBe(82.5m);
    }

    [Fact]
    public void A_conflicted_scorer_does_not_count()
    {
        // Without C's 91: (82.5 + 70) / 2 = 76.25; the median of two is their mean.
        var cards = new[] { new CardTotal(A, 1, 82.5m), new CardTotal(B, 1, 70m), new CardTotal(C, 1, 91m, Conflicted: true) };
        ScoringMath.RoundScore(cards, RoundAggregation.Mean).ShouldBe(76.25m);
        ScoringMath.RoundScore(cards, RoundAggregation.Median).ShouldBe(76.25m);
        ScoringMath.RoundScore([new CardTotal(C, 1, 91m, Conflicted: true)], RoundAggregation.Mean).ShouldBeNull();
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        ScoringMath.Median([10m, 40m, 20m, 90m]).ShouldBe(30m);

    [Fact]
    public void The_total_combines_rounds_by_their_weights()
    {
        // (40 × 81.1666… + 35 × 75 + 25 × 88) / 100 = 32.4666… + 26.25 + 22 = 80.7166… → 80.72.
        var documents = 243.5m / 3m;
        var total = ScoringMath.Total([new RoundPart(40m, documents), new RoundPart(35m, 75m), new RoundPart(25m, 88m)]);
        ScoringMath.Round2(total.Value!.Value).ShouldBe(80.72m);
        total.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void A_round_not_yet_scored_is_left_out_and_the_total_is_incomplete()
    {
        // (40 × 81.1666… + 35 × 75) / 75 = 5871.666… / 75 = 78.2888… → 78.29.
        var total = ScoringMath.Total([new RoundPart(40m, 243.5m / 3m), new RoundPart(35m, 75m), new RoundPart(25m, null)]);
        ScoringMath.Round2(total.Value!.Value).ShouldBe(78.29m);
        total.IsComplete.ShouldBeFalse();
        ScoringMath.Total([new RoundPart(40m, null)]).ShouldBe(new TotalScore(null, false));
    }

    [Fact]
    public void The_spread_of_an_indicator_gives_range_standard_deviation_and_disagreement()
    {
        // 75, 50, 100: range 50; mean 75; variance (0 + 625 + 625) / 3 = 416.66…; sd 20.4124… → 20.41.
        var spread = ScoringMath.SpreadOf([75m, 50m, 100m], disagreementThreshold: 40m);
        spread.Range.ShouldBe(50m);
        ScoringMath.Round2(spread.StandardDeviation).ShouldBe(20.41m);
        spread.Disagreement.ShouldBeTrue();
        ScoringMath.SpreadOf([75m, 50m, 100m], disagreementThreshold: 50m).Disagreement.ShouldBeFalse();
        ScoringMath.SpreadOf([], 10m).ShouldBe(new Spread(0m, 0m, false));
    }

    [Fact]
    public void Z_scores_correct_a_lenient_scorer()
    {
        // A gives 80 and 60 (mean 70, sd 10): z = +1, −1. B gives 90 and 86 (mean 88, sd 2): z = +1, −1.
        // All cards: mean 79, sd √133 = 11.5325…; adjusted: 79 ± 11.5325… = 90.53 and 67.47.
        var cards = new[] { new CardTotal(A, 1, 80m), new CardTotal(A, 2, 60m), new CardTotal(B, 1, 90m), new CardTotal(B, 2, 86m) };
        var adjusted = ScoringMath.ZAdjustedScores(cards);
        ScoringMath.Round2(adjusted[1]).ShouldBe(90.53m);
        ScoringMath.Round2(adjusted[2]).ShouldBe(67.47m);
        // The raw means, for comparison: 85 and 73.
        ScoringMath.RoundScore(cards.Where(c => c.NominationId == 1), RoundAggregation.Mean).ShouldBe(85m);
    }

    [Fact]
    public void A_scorer_who_gives_everyone_the_same_total_has_z_zero()
    {
        // C: 70 and 70 → z 0 for both; all cards 70, 70: mean 70, sd 0 → both adjusted to 70.
        var adjusted = ScoringMath.ZAdjustedScores([new CardTotal(C, 1, 70m), new CardTotal(C, 2, 70m)]);
        adjusted[1].ShouldBe(70m);
        adjusted[2].ShouldBe(70m);
    }

    [Fact]
    public void Z_scores_leave_conflicted_cards_out() =>
        ScoringMath.ZAdjustedScores([new CardTotal(A, 1, 80m, Conflicted: true)]).ShouldBeEmpty();

    [Theory]
    [InlineData(2, 1.4142135623730950488016887242)]
    [InlineData(133, 11.532562594670797)]
    [InlineData(0, 0)]
    [InlineData(10000, 100)]
    public void Square_roots_are_exact_in_decimal(double value, double expected) =>
        Math.Round(ScoringMath.Sqrt((decimal)value), 12).ShouldBe(Math.Round((decimal)expected, 12));

    [Theory]
    [InlineData(2.345, 2.35)]
    [InlineData(2.344, 2.34)]
    [InlineData(-2.345, -2.35)]
    public void Shown_figures_round_half_away_from_zero(double value, double expected) =>
        ScoringMath.Round2((decimal)value).ShouldBe((decimal)expected);
}
