using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class AssignmentBalancerTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");

    private static Dictionary<Guid, int> Loads(BalanceResult result) =>
        result.Assigned.GroupBy(a => a.ScorerId).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Six_nominations_two_scorers_each_spread_evenly_over_four_scorers()
    {
        var result = AssignmentBalancer.Balance([1, 2, 3, 4, 5, 6], [A, B, C, D], scorersPerNomination: 2, loadCap: 3, existing: [], conflicts: []);

        result.Assigned.ShouldBe(
        [
            new(1, A), new(1, B), new(2, C), new(2, D), new(3, A), new(3, B),
            new(4, C), new(4, D), new(5, A), new(5, B), new(6, C), new(6, D),
        ]);
        Loads(result).ShouldBe(new Dictionary<Guid, int> { [A] = 3, [B] = 3, [C] = 3, [D] = 3 });
        result.Shortfalls.ShouldBeEmpty();
    }

    [Fact]
    public void A_conflicted_scorer_is_never_assigned_and_the_conflicted_nomination_is_served_first()
    {
        // Nomination 3 can only be scored by B and C: it goes first so that the cap does not exhaust them.
        var result = AssignmentBalancer.Balance([1, 2, 3], [A, B, C], scorersPerNomination: 2, loadCap: 2, existing: [], conflicts: [new(3, A)]);

        result.Assigned.ShouldBe([new(1, A), new(1, B), new(2, A), new(2, C), new(3, B), new(3, C)]);
        result.Assigned.ShouldNotContain(new NominationScorer(3, A));
        result.Shortfalls.ShouldBeEmpty();
    }

    [Fact]
    public void The_cap_is_never_exceeded_and_what_could_not_be_assigned_is_reported()
    {
        var result = AssignmentBalancer.Balance([1, 2, 3, 4], [A, B], scorersPerNomination: 2, loadCap: 3, existing: [], conflicts: []);

        Loads(result).ShouldBe(new Dictionary<Guid, int> { [A] = 3, [B] = 3 });
        result.Assigned.Count.ShouldBe(6);
        result.Shortfalls.ShouldBe([new Shortfall(4, 2)]);
    }

    [Fact]
    public void Existing_assignments_count_towards_k_and_towards_the_loads()
    {
        // A already scores 1 and 9 (another category): A has load 2 and nomination 1 needs one more.
        var result = AssignmentBalancer.Balance([1, 2], [A, B, C], scorersPerNomination: 2, loadCap: 2, existing: [new(1, A), new(9, A)], conflicts: []);

        result.Assigned.ShouldBe([new(1, B), new(2, B), new(2, C)]);
        result.Shortfalls.ShouldBeEmpty();
    }

    [Fact]
    public void A_nomination_with_fewer_eligible_scorers_than_k_is_reported_short()
    {
        var result = AssignmentBalancer.Balance([7], [A, B, C], scorersPerNomination: 3, loadCap: 10, existing: [], conflicts: [new(7, B)]);

        result.Assigned.ShouldBe([new(7, A), new(7, C)]);
        result.Shortfalls.ShouldBe([new Shortfall(7, 1)]);
    }

    [Fact]
    public void The_even_cap_rounds_up() =>
        (AssignmentBalancer.EvenCap(7, 2, 4), AssignmentBalancer.EvenCap(2000, 3, 7), AssignmentBalancer.EvenCap(5, 1, 0)).ShouldBe((4, 858, 0));
}

public class AssignmentProposalTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(7, 3)]
    public void The_proposed_scorers_per_nomination_is_three_or_the_whole_committee_when_smaller(int scorers, int proposed) =>
        AssignmentBalancer.ProposedScorersPerNomination(scorers).ShouldBe(proposed);

    [Theory]
    [InlineData(0, 2, 2, 1)]
    [InlineData(3, 2, 2, 3)]
    [InlineData(5, 2, 3, 4)]
    [InlineData(0, 1, 0, 1)]
    public void The_proposed_cap_spreads_the_work_evenly_and_is_never_below_one(int nominations, int perNomination, int scorers, int cap) =>
        AssignmentBalancer.ProposedCap(nominations, perNomination, scorers).ShouldBe(cap);
}
