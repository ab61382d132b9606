using Paritrana.Domain.Scoring;

namespace Paritrana.Domain.Tests.Scoring;

public class ScoringCompletenessTests
{
    [Fact]
    public void Every_assigned_card_submitted_in_every_open_or_closed_round_is_complete() =>
        ScoringCompleteness.Missing(
            [
                new RoundCards("Penilaian Dokumen", RoundStatus.Closed, Assigned: 3, Submitted: 3),
                new RoundCards("Kunjungan Lapangan", RoundStatus.Open, Assigned: 2, Submitted: 2),
            ])
            .ShouldBeEmpty();

    [Fact]
    public void A_round_with_unsubmitted_cards_is_missing_with_how_many_of_how_many()
    {
        var missing = ScoringCompleteness.Missing(
        [
            new RoundCards("Penilaian Dokumen", RoundStatus.Closed, Assigned: 3, Submitted: 3),
            new RoundCards("Kunjungan Lapangan", RoundStatus.Open, Assigned: 3, Submitted: 1),
            new RoundCards("Wawancara", RoundStatus.Open, Assigned: 2, Submitted: 0),
        ]);

        missing.ShouldBe([new MissingRound("Kunjungan Lapangan", 3, 2), new MissingRound("Wawancara", 2, 2)]);
        missing.Select(m => m.NoScorer).ShouldBe([false, false]);
    }

    [Fact]
    public void An_open_or_closed_round_without_any_scorer_is_missing_too()
    {
        var missing = ScoringCompleteness.Missing(
        [
            new RoundCards("Penilaian Dokumen", RoundStatus.Closed, Assigned: 0, Submitted: 0),
            new RoundCards("Wawancara", RoundStatus.Open, Assigned: 1, Submitted: 1),
        ]);

        missing.ShouldBe([new MissingRound("Penilaian Dokumen", 0, 0)]);
        missing[0].NoScorer.ShouldBeTrue();
    }

    [Fact]
    public void Rounds_still_in_draft_are_not_asked_about() =>
        ScoringCompleteness.Missing(
            [
                new RoundCards("Penilaian Dokumen", RoundStatus.Closed, Assigned: 2, Submitted: 2),
                new RoundCards("Wawancara", RoundStatus.Draft, Assigned: 0, Submitted: 0),
                new RoundCards("Kunjungan Lapangan", RoundStatus.Draft, Assigned: 2, Submitted: 0),
            ])
            .ShouldBeEmpty();

    [Fact]
    public void No_round_at_all_is_nothing_missing() => ScoringCompleteness.Missing([]).ShouldBeEmpty();

    [Fact]
    public void The_unscored_rounds_are_those_counting_in_the_total_without_a_score_in_their_order() =>
        ScoringCompleteness.Unscored(
            [
                new RoundScore("Penilaian Dokumen", 40m, 76.65m),
                new RoundScore("Kunjungan Lapangan", 35m, null),
                new RoundScore("Catatan", 0m, null),
                new RoundScore("Wawancara", 25m, null),
            ])
            .ShouldBe(["Kunjungan Lapangan", "Wawancara"]);

    [Fact]
    public void Every_weighted_round_scored_leaves_nothing_unscored() =>
        ScoringCompleteness.Unscored([new RoundScore("Penilaian Dokumen", 60m, 0m), new RoundScore("Wawancara", 40m, 100m)]).ShouldBeEmpty();
}
