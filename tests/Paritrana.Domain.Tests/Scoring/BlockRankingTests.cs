using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class BlockRankingTests
{
    [Fact]
    public void It_ranks_exactly_as_the_documented_rule_does_including_ties_and_unscored()
    {
        RankInput[] inputs =
        [
            new(5, 80m, 70m, 50m), new(4, 80m, 70m, 50m), new(6, 60m, 10m, 10m), new(1, 80.004m, 60m, 40m),
            new(2, 79.995m, 75m, 10m), new(9, null, null, 20m), new(3, 90m, 50m, 50m), new(7, 80m, 70m, 51m),
        ];

        var ranked = BlockRanking.Rank(inputs, finalistCount: 3);

        ranked.Select(r => (r.NominationId, r.Rank, r.Tied, r.BrokenBy, r.IsDefaultFinalist)).ShouldBe(
        [
            (3, 1, false, TieBreak.None, true),
            (2, 2, true, TieBreak.Interview, true),
            (7, 3, true, TieBreak.Coverage, true),
            (4, 4, true, TieBreak.Unresolved, false),
            (5, 4, true, TieBreak.Unresolved, false),
            (1, 6, true, TieBreak.Interview, false),
            (6, 7, false, TieBreak.None, false),
            (9, 0, false, TieBreak.None, false),
        ]);
        ranked.ShouldBe(Ranking.Rank(inputs, finalistCount: 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_random_categories_with_many_ties_it_gives_the_same_result_as_Ranking_Rank(int seed)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(1, 300).Select(i => new RankInput(
            i,
            random.Next(10) == 0 ? null : random.Next(40, 50) + (random.Next(3) * 0.001m),
            random.Next(3) == 0 ? null : random.Next(2) * 10m,
            random.Next(2) * 5m)).ToList();

        BlockRanking.Rank(inputs, finalistCount: 5).ShouldBe(Ranking.Rank(inputs, finalistCount: 5));
    }
}
