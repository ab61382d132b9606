using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class CriteriaTextTests
{
    private static List<Aspect> Set(decimal firstWeight = 60m, string? rubric = null) =>
    [
        new()
        {
            Code = "A2", Name = "Kepatuhan", Weight = 40m, SortOrder = 2,
            Indicators = [new() { Code = "A2.1", Name = "Iuran", Weight = 100m, SortOrder = 1, Scale = ScaleKind.Percent }],
        },
        new()
        {
            Code = "A1", Name = "Regulasi", Weight = firstWeight, SortOrder = 1,
            Indicators =
            [
                new() { Code = "A1.2", Name = "Anggaran", Weight = 50m, SortOrder = 2, Scale = ScaleKind.Levels },
                new() { Code = "A1.1", Name = "Perda", Weight = 50m, SortOrder = 1, Scale = ScaleKind.Levels, Rubric3 = rubric },
            ],
        },
    ];

    [Fact]
    public void Aspects_and_indicators_come_in_their_order()
    {
        var ordered = CriteriaText.Ordered(Set());
        ordered.Select(a => a.Code).ShouldBe(["A1", "A2"]);
        ordered[0].Indicators.Select(i => i.Code).ShouldBe(["A1.1", "A1.2"]);
    }

    [Fact]
    public void The_signature_changes_with_anything_a_person_can_change_and_not_with_the_order_given()
    {
        var signature = CriteriaText.Signature(Set());
        signature.ShouldBe(
            "A|A1|Regulasi|60|1\n" +
            "I|A1.1|Perda|50|Levels||||||\n" +
            "I|A1.2|Anggaran|50|Levels||||||\n" +
            "A|A2|Kepatuhan|40|2\n" +
            "I|A2.1|Iuran|100|Percent||||||\n");
        CriteriaText.Signature(Enumerable.Reverse(Set()).ToList()).ShouldBe(signature);
        CriteriaText.Signature(Set(firstWeight: 60.5m)).ShouldNotBe(signature);
        CriteriaText.Signature(Set(rubric: "Ada perda")).ShouldNotBe(signature);
    }

    [Fact]
    public void The_summary_names_codes_and_weights_in_the_order_given() =>
        CriteriaText.Summary(Set(firstWeight: 62.5m)).ShouldBe("A2 40 (A2.1 100), A1 62.5 (A1.2 50 A1.1 50)");

    [Fact]
    public void The_shape_carries_names_and_weights_for_the_rules() =>
        CriteriaText.Shape(Set()).Select(a => $"{a.Name} {a.Weight} [{string.Join(",", a.Indicators.Select(i => $"{i.Name} {i.Weight}"))}]")
            .ShouldBe(["Kepatuhan 40 [Iuran 100]", "Regulasi 60 [Anggaran 50,Perda 50]"]);
}
