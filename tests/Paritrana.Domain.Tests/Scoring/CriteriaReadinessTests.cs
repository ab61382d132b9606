using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class CriteriaReadinessTests
{
    private static readonly string[] RoundAspects = ["KEP", "WAW"];

    private static CategoryCriteria Valid(string name, params string[] codes) =>
        new(name, codes.Select(c => new CriteriaRules.AspectShape(c, 100m / codes.Length, [new CriteriaRules.WeightItem(c + "1", 100m)])).ToList(), codes);

    [Fact]
    public void Categories_with_a_valid_current_set_having_an_aspect_of_the_round_are_ready() =>
        CriteriaReadiness.Lacking([Valid("Perusahaan Besar", "KEP", "WAW"), Valid("Perusahaan Menengah", "WAW", "INO")], RoundAspects).ShouldBeEmpty();

    [Fact]
    public void A_category_without_a_current_set_lacks_criteria() =>
        CriteriaReadiness.Lacking([Valid("Perusahaan Besar", "KEP"), new CategoryCriteria("Usaha Kecil dan Mikro", null, [])], RoundAspects)
            .ShouldBe([new CategoryLack("Usaha Kecil dan Mikro", CriteriaLack.NoCriteria)]);

    [Fact]
    public void A_set_whose_weights_do_not_add_up_is_not_valid()
    {
        var unbalanced = new CategoryCriteria(
            "Perusahaan Besar",
            [new CriteriaRules.AspectShape("KEP", 60m, [new CriteriaRules.WeightItem("KEP1", 100m)]), new CriteriaRules.AspectShape("WAW", 30m, [new CriteriaRules.WeightItem("WAW1", 100m)])],
            ["KEP", "WAW"]);
        var empty = new CategoryCriteria("Perusahaan Menengah", [], []);

        CriteriaReadiness.Lacking([unbalanced, empty], RoundAspects)
            .ShouldBe([new CategoryLack("Perusahaan Besar", CriteriaLack.NotValid), new CategoryLack("Perusahaan Menengah", CriteriaLack.NotValid)]);
    }

    [Fact]
    public void A_valid_set_without_any_aspect_the_round_scores_leaves_the_scorer_nothing_to_score() =>
        CriteriaReadiness.Lacking([Valid("Pemerintah Provinsi", "REG", "ANG")], RoundAspects)
            .ShouldBe([new CategoryLack("Pemerintah Provinsi", CriteriaLack.NoAspectOfRound)]);

    [Fact]
    public void Without_round_aspects_only_the_set_itself_is_checked() =>
        CriteriaReadiness.Lacking([Valid("Pemerintah Provinsi", "REG"), new CategoryCriteria("Perusahaan Besar", null, [])], [])
            .ShouldBe([new CategoryLack("Perusahaan Besar", CriteriaLack.NoCriteria)]);
}
