using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

/// <summary>The rule of who sees whose scores (docs/decisions/010-score-visibility.md).</summary>
public class ScoreVisibilityTests
{
    private static readonly Guid Viewer = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Guid Other = Guid.Parse("00000000-0000-0000-0000-0000000000bb");

    // Rounds: 1 documents (open), 2 interview (open), 3 field visit (closed), 4 (draft).
    private static ScoreVisibility Rule(bool hide = true, int[]? conflicts = null, params OwnAssignment[] assignments) =>
        ScoreVisibility.For(Viewer, hide, assignments, conflicts ?? []);

    [Theory]
    [InlineData(null)]
    [InlineData(ScorecardStatus.Draft)]
    public void An_unsubmitted_card_in_an_open_round_hides_the_others_of_that_nomination_in_that_round(ScorecardStatus? card)
    {
        var rule = Rule(assignments: new OwnAssignment(1, 10, RoundStatus.Open, card));

        rule.Round(1, 10).ShouldBe(HiddenReason.OwnCardNotSubmitted);
        rule.SeesCard(1, 10, Other).ShouldBeFalse();
        rule.SeesCard(1, 10, Viewer).ShouldBeTrue(); // one's own card
        rule.Nomination(10).ShouldBe(HiddenReason.OwnCardNotSubmitted); // its total and rank combine every round
        // Other rounds of the same nomination, and other nominations, stay visible.
        rule.Round(2, 10).ShouldBe(HiddenReason.None);
        rule.SeesCard(2, 10, Other).ShouldBeTrue();
        rule.Round(1, 11).ShouldBe(HiddenReason.None);
        rule.Nomination(11).ShouldBe(HiddenReason.None);
        rule.HidesAny.ShouldBeTrue();
    }

    [Fact]
    public void A_card_in_a_round_not_yet_opened_hides_too_a_submitted_one_does_not()
    {
        var rule = Rule(assignments: [new OwnAssignment(4, 10, RoundStatus.Draft, null), new OwnAssignment(1, 11, RoundStatus.Open, ScorecardStatus.Submitted)]);

        rule.Round(4, 10).ShouldBe(HiddenReason.OwnCardNotSubmitted);
        rule.Round(1, 11).ShouldBe(HiddenReason.None);
        rule.Nomination(11).ShouldBe(HiddenReason.None);
        rule.UnfinishedRounds.ShouldBe([(4, 10)]);
    }

    [Fact]
    public void A_closed_round_is_final_an_unsubmitted_card_in_it_hides_nothing()
    {
        var rule = Rule(assignments: new OwnAssignment(3, 10, RoundStatus.Closed, ScorecardStatus.Draft));

        rule.Round(3, 10).ShouldBe(HiddenReason.None);
        rule.Nomination(10).ShouldBe(HiddenReason.None);
        rule.HidesAny.ShouldBeFalse();
    }

    [Fact]
    public void Without_the_cycle_setting_an_unsubmitted_card_hides_nothing_but_a_conflict_still_does()
    {
        var rule = Rule(hide: false, conflicts: [12], assignments: new OwnAssignment(1, 10, RoundStatus.Open, null));

        rule.Round(1, 10).ShouldBe(HiddenReason.None);
        rule.Nomination(10).ShouldBe(HiddenReason.None);
        rule.Round(1, 12).ShouldBe(HiddenReason.Conflict);
        rule.Round(3, 12).ShouldBe(HiddenReason.Conflict);
        rule.Nomination(12).ShouldBe(HiddenReason.Conflict);
        rule.SeesCard(2, 12, Other).ShouldBeFalse();
    }

    [Fact]
    public void A_conflict_wins_over_an_unfinished_card_and_hides_every_round_even_closed_ones()
    {
        var rule = Rule(conflicts: [10], assignments: new OwnAssignment(1, 10, RoundStatus.Open, ScorecardStatus.Draft));

        rule.Round(1, 10).ShouldBe(HiddenReason.Conflict);
        rule.Round(3, 10).ShouldBe(HiddenReason.Conflict);
        rule.Nomination(10).ShouldBe(HiddenReason.Conflict);
        rule.ConflictedNominations.ShouldBe([10]);
    }

    [Fact]
    public void The_official_computation_and_a_person_without_restrictions_see_everything()
    {
        foreach (var rule in new[] { ScoreVisibility.Official, Rule(assignments: new OwnAssignment(1, 10, RoundStatus.Open, ScorecardStatus.Submitted)) })
        {
            rule.HidesAny.ShouldBeFalse();
            rule.Round(1, 10).ShouldBe(HiddenReason.None);
            rule.Nomination(10).ShouldBe(HiddenReason.None);
            rule.SeesCard(1, 10, Other).ShouldBeTrue();
            rule.WithholdsRanks([10, 11]).ShouldBeFalse();
        }

        ScoreVisibility.Official.ViewerId.ShouldBeNull();
        ScoreViewer.Official.IsOfficial.ShouldBeTrue();
        ScoreViewer.Person(Viewer).IsOfficial.ShouldBeFalse();
    }

    [Fact]
    public void One_hidden_nomination_withholds_the_ranks_of_its_whole_category()
    {
        var rule = Rule(assignments: new OwnAssignment(1, 10, RoundStatus.Open, null));

        rule.WithholdsRanks([11, 10, 12]).ShouldBeTrue();
        rule.WithholdsRanks([11, 12]).ShouldBeFalse();
    }

    [Fact]
    public void Hidden_nominations_come_after_the_visible_ones_by_name_whatever_their_official_rank()
    {
        var rule = Rule(conflicts: [4], assignments: [new OwnAssignment(1, 1, RoundStatus.Open, null), new OwnAssignment(2, 3, RoundStatus.Open, ScorecardStatus.Draft)]);
        (int Id, string Name)[] official = [(1, "PT Zeta"), (2, "PT Beta"), (3, "pt alfa"), (4, "PT Gama"), (5, "PT Delta"), (6, "PT Alfa")];

        rule.Arrange(official, r => r.Id, r => r.Name).Select(r => r.Id).ShouldBe([2, 5, 6, 3, 4, 1]);
        ScoreVisibility.Official.Arrange(official, r => r.Id, r => r.Name).ShouldBeSameAs(official);
    }

    [Fact]
    public void A_round_and_nomination_pair_has_one_key_distinct_from_every_other_pair()
    {
        ScoreVisibility.Key(1, 2).ShouldBe(4294967298L);
        ScoreVisibility.Key(2, 1).ShouldNotBe(ScoreVisibility.Key(1, 2));
        ScoreVisibility.Key(int.MaxValue, int.MaxValue).ShouldBe((int.MaxValue * 4294967296L) + int.MaxValue);
    }
}
