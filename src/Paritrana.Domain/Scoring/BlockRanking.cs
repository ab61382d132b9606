namespace Paritrana.Domain.Scoring;

/// <summary>
/// The ranking of <see cref="Ranking.Rank"/>, computed block by block so that it stays fast for a
/// category with thousands of nominations. <see cref="Ranking.Rank"/> compares every nomination
/// with every other to find its ties (quadratic: 2,000 nominations take most of a second); ties can
/// only occur among equal totals (to two decimals), so each block of equal totals is ranked by
/// <see cref="Ranking.Rank"/> itself and its ranks are shifted by the number of nominations ranked
/// above the block. The result is the same, rule for rule (a unit test compares the two).
/// </summary>
public static class BlockRanking
{
    public static IReadOnlyList<RankedNomination> Rank(IEnumerable<RankInput> inputs, int finalistCount)
    {
        var all = inputs.ToList();
        var blocks = all
            .Where(i => i.Total is not null)
            .GroupBy(i => ScoringMath.Round2(i.Total!.Value))
            .OrderByDescending(g => g.Key);

        var result = new List<RankedNomination>(all.Count);
        var above = 0;
        foreach (var block in blocks)
        {
            var members = block.ToList();
            var ranked = members.Count == 1
                ? [new RankedNomination(members[0].NominationId, 1, members[0].Total, false, TieBreak.None, false)]
                : Ranking.Rank(members, finalistCount: 0);
            foreach (var r in ranked)
            {
                var rank = above + r.Rank;
                result.Add(r with { Rank = rank, IsDefaultFinalist = rank <= finalistCount });
            }

            above += members.Count;
        }

        result.AddRange(all.Where(i => i.Total is null).OrderBy(u => u.NominationId)
            .Select(u => new RankedNomination(u.NominationId, 0, null, false, TieBreak.None, false)));
        return result;
    }
}
