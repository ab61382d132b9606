using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Tests.Cycles;

public class StageLatenessTests
{
    private static readonly DateOnly Today = new(2026, 3, 12);

    private static readonly StageDates[] Stages =
    [
        new(StageKind.Nomination, new(2026, 1, 1), new(2026, 2, 10)),   // ended 30 days ago
        new(StageKind.Verification, new(2026, 2, 1), new(2026, 3, 10)), // ended 2 days ago
        new(StageKind.FieldAssessment, new(2026, 3, 1), new(2026, 3, 12)), // ends today: not late
        new(StageKind.Scoring, null, null),
    ];

    [Fact]
    public void Each_ended_stage_that_still_holds_nominations_is_late_by_the_days_since_its_last_day()
    {
        var counts = new Dictionary<NominationStatus, int>
        {
            [NominationStatus.Draft] = 2,
            [NominationStatus.Submitted] = 3,
            [NominationStatus.Returned] = 1,
            [NominationStatus.InFieldAssessment] = 5,
        };

        StageLateness.Of(Stages, Today, counts).ShouldBe(
        [
            new LateStage(StageKind.Nomination, new(2026, 2, 10), 30, 2),
            new LateStage(StageKind.Verification, new(2026, 3, 10), 2, 4),
        ]);
        StageLateness.MostDaysLate(StageLateness.Of(Stages, Today, counts)).ShouldBe(30);
    }

    [Fact]
    public void An_ended_stage_with_no_nomination_left_in_it_is_not_late()
    {
        var counts = new Dictionary<NominationStatus, int> { [NominationStatus.Submitted] = 1, [NominationStatus.Verified] = 4 };

        StageLateness.Of(Stages, Today, counts).ShouldBe([new LateStage(StageKind.Verification, new(2026, 3, 10), 2, 1)]);
        StageLateness.Of(Stages, Today, new Dictionary<NominationStatus, int> { [NominationStatus.Finalist] = 3 }).ShouldBeEmpty();
        StageLateness.MostDaysLate([]).ShouldBeNull();
    }

    [Theory]
    // Submitted in an ended verification stage: all 5 are late (the 2 waiting too long among them, counted once).
    [InlineData(NominationStatus.Submitted, 5, 2, true, 5)]
    // Submitted while verification still runs: only the 2 waiting too long.
    [InlineData(NominationStatus.Submitted, 5, 2, false, 2)]
    [InlineData(NominationStatus.Draft, 4, 0, true, 4)]
    [InlineData(NominationStatus.Finalist, 4, 0, false, 0)]
    public void A_nomination_late_by_both_rules_is_counted_once(NominationStatus status, int count, int waiting, bool stageEnded, int late) =>
        StageLateness.LateIn(status, count, waiting, stageEnded ? StageStatuses.Of(StageKind.Verification).Concat(StageStatuses.Of(StageKind.Nomination)).ToList() : []).ShouldBe(late);
}
