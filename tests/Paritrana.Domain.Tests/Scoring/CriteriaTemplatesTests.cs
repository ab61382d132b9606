using Paritrana.Domain.Cycles;
using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class CriteriaTemplatesTests
{
    private static List<CriteriaRules.AspectShape> Shape(IReadOnlyList<CriteriaTemplates.AspectTemplate> t) =>
        t.Select(a => new CriteriaRules.AspectShape(a.Name, a.Weight, a.Indicators.Select(i => new CriteriaRules.WeightItem(i.Name, i.Weight)).ToList())).ToList();

    [Fact]
    public void Both_templates_pass_the_weight_rules()
    {
        CriteriaRules.Problems(Shape(CriteriaTemplates.Government)).ShouldBeEmpty();
        CriteriaRules.Problems(Shape(CriteriaTemplates.Company)).ShouldBeEmpty();
    }

    [Fact]
    public void Governments_are_scored_on_regulation_budget_innovation_coverage_and_interview()
    {
        CriteriaTemplates.For(CategoryKind.RegencyGovernment).Select(a => (a.Code, a.Weight))
            .ShouldBe([("REG", 30m), ("ANG", 20m), ("INO", 15m), ("KIN", 20m), ("WAW", 15m)]);
        CriteriaTemplates.For(CategoryKind.VillageGovernment).ShouldBeSameAs(CriteriaTemplates.Government);
    }

    [Fact]
    public void Companies_are_scored_on_compliance_digital_commitment_and_interview()
    {
        CriteriaTemplates.For(CategoryKind.MediumCompany).Select(a => (a.Code, a.Weight))
            .ShouldBe([("KEP", 50m), ("DIG", 30m), ("WAW", 20m)]);
    }

    [Fact]
    public void A_built_set_carries_every_indicator_with_a_rubric_for_each_level()
    {
        var set = CriteriaTemplates.Build(1, 2, CategoryKind.LargeCompany, DateTimeOffset.UnixEpoch);
        set.Aspects.Count.ShouldBe(3);
        set.Aspects.SelectMany(a => a.Indicators).Count().ShouldBe(11);
        var kep2 = set.Aspects[0].Indicators[1];
        kep2.Code.ShouldBe("KEP2");
        kep2.Rubric5.ShouldBe("Seluruh program termasuk JKP.");
        set.Aspects[0].Indicators[0].Rubric1.ShouldBeNull(); // a 0–100 indicator has no levels
        set.Aspects.SelectMany(a => a.Indicators).Where(i => i.Scale == ScaleKind.Levels).ShouldAllBe(i => i.Rubric1 != null && i.Rubric5 != null);
    }

    [Fact]
    public void The_default_rounds_weigh_100_and_the_interview_scores_only_the_interview()
    {
        CriteriaTemplates.DefaultRounds.Sum(r => r.Weight).ShouldBe(100m);
        CriteriaTemplates.DefaultRounds.Single(r => r.Kind == RoundKind.Interview).AspectCodes.ShouldBe(["WAW"]);
    }
}
