using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class CriteriaRulesTests
{
    private static CriteriaRules.AspectShape Aspect(string name, decimal weight, params decimal[] indicatorWeights) =>
        new(name, weight, indicatorWeights.Select((w, i) => new CriteriaRules.WeightItem($"{name}-{i + 1}", w)).ToList());

    [Fact]
    public void A_set_whose_weights_add_up_to_100_at_each_level_has_no_problem() =>
        CriteriaRules.Problems([Aspect("Regulasi", 40m, 50m, 50m), Aspect("Anggaran", 35.5m, 100m), Aspect("Inovasi", 24.5m, 33.33m, 33.33m, 33.34m)])
            .ShouldBeEmpty();

    [Fact]
    public void Aspect_weights_must_add_up_to_100()
    {
        var problems = CriteriaRules.Problems([Aspect("Regulasi", 40m, 100m), Aspect("Anggaran", 50m, 100m)]);
        problems.ShouldBe([new RuleProblem(ScoringTexts.AspectWeightsSum, 90m)]);
    }

    [Fact]
    public void Indicator_weights_must_add_up_to_100_within_each_aspect()
    {
        var problems = CriteriaRules.Problems([Aspect("Regulasi", 60m, 50m, 40m), Aspect("Inovasi", 40m)]);
        problems.Select(p => p.Template).ShouldBe([ScoringTexts.IndicatorWeightsSum, ScoringTexts.AspectWithoutIndicators]);
        problems[0].Args.ShouldBe(["Regulasi", 90m]);
        problems[1].Args.ShouldBe(["Inovasi"]);
    }

    [Fact]
    public void Weights_are_positive_at_most_100_with_two_decimals()
    {
        CriteriaRules.IsValidWeight(0.01m).ShouldBeTrue();
        CriteriaRules.IsValidWeight(100m).ShouldBeTrue();
        CriteriaRules.IsValidWeight(0m).ShouldBeFalse();
        CriteriaRules.IsValidWeight(-5m).ShouldBeFalse();
        CriteriaRules.IsValidWeight(100.01m).ShouldBeFalse();
        CriteriaRules.IsValidWeight(33.333m).ShouldBeFalse();
        CriteriaRules.Problems([Aspect("A", 100m, 0m, 100m)]).Select(p => p.Template)
            .ShouldBe([ScoringTexts.IndicatorWeightInvalid]);
    }

    [Fact]
    public void An_empty_set_is_refused() =>
        CriteriaRules.Problems([]).ShouldBe([new RuleProblem(ScoringTexts.NoAspects)]);

    [Theory]
    [InlineData(ScaleKind.Percent, 0, true)]
    [InlineData(ScaleKind.Percent, 100, true)]
    [InlineData(ScaleKind.Percent, 72.25, true)]
    [InlineData(ScaleKind.Percent, 72.255, false)]
    [InlineData(ScaleKind.Percent, 100.5, false)]
    [InlineData(ScaleKind.Percent, -1, false)]
    [InlineData(ScaleKind.Levels, 1, true)]
    [InlineData(ScaleKind.Levels, 5, true)]
    [InlineData(ScaleKind.Levels, 0, false)]
    [InlineData(ScaleKind.Levels, 3.5, false)]
    [InlineData(ScaleKind.Levels, 6, false)]
    public void Scores_must_fit_the_scale(ScaleKind scale, double value, bool valid) =>
        CriteriaRules.IsValidScore(scale, (decimal)value).ShouldBe(valid);

    [Fact]
    public void A_problem_reads_in_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        try
        {
            new RuleProblem(ScoringTexts.AspectWeightsSum, 99.5m).ToString().ShouldBe("Jumlah bobot aspek harus 100; sekarang 99,5.");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
