using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class RankingTests
{
    [Fact]
    public void Nominations_rank_by_total_and_the_top_n_are_default_finalists()
    {
        var ranked = Ranking.Rank([new(1, 70m, 60m, 40m), new(2, 85.5m, 70m, 50m), new(3, 80m, 90m, 30m)], finalistCount: 2);
        ranked.Select(r => (r.NominationId, r.Rank, r.IsDefaultFinalist, r.Tied)).ShouldBe([(2, 1, true, false), (3, 2, true, false), (1, 3, false, false)]);
    }

    [Fact]
    public void Equal_totals_to_two_decimals_are_a_tie_broken_by_the_interview_score()
    {
        // 80.004 and 79.995 both show as 80.00: tied; nomination 2 has the higher interview score.
        var ranked = Ranking.Rank([new(1, 80.004m, 70m, 60m), new(2, 79.995m, 75m, 10m), new(3, 90m, 50m, 50m)], finalistCount: 2);
        ranked.Select(r => (r.NominationId, r.Rank, r.Tied, r.BrokenBy)).ShouldBe(
            [(3, 1, false, TieBreak.None), (2, 2, true, TieBreak.Interview), (1, 3, true, TieBreak.Interview)]);
        ranked.Where(r => r.IsDefaultFinalist).Select(r => r.NominationId).ShouldBe([3, 2]);
    }

    [Fact]
    public void Equal_interview_scores_fall_back_to_coverage()
    {
        var ranked = Ranking.Rank([new(1, 80m, 70m, 39.41m), new(2, 80m, 70m, 59m)], finalistCount: 1);
        ranked.Select(r => (r.NominationId, r.Rank, r.BrokenBy)).ShouldBe([(2, 1, TieBreak.Coverage), (1, 2, TieBreak.Coverage)]);
    }

    [Fact]
    public void A_tie_the_rule_cannot_break_shares_the_rank_and_is_left_to_the_chair()
    {
        var ranked = Ranking.Rank([new(5, 80m, 70m, 50m), new(4, 80m, 70m, 50m), new(6, 60m, 10m, 10m)], finalistCount: 1);
        ranked.Select(r => (r.NominationId, r.Rank, r.BrokenBy, r.IsDefaultFinalist)).ShouldBe(
            [(4, 1, TieBreak.Unresolved, true), (5, 1, TieBreak.Unresolved, true), (6, 3, TieBreak.None, false)]);
    }

    [Fact]
    public void Unscored_nominations_come_last_without_a_rank()
    {
        var ranked = Ranking.Rank([new(9, null, null, 20m), new(1, 50m, null, null)], finalistCount: 3);
        ranked.Select(r => (r.NominationId, r.Rank, r.IsDefaultFinalist)).ShouldBe([(1, 1, true), (9, 0, false)]);
    }
}
