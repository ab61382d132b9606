using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Tests.Cycles;

public class StageCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static StageDates S(StageKind stage, string? start, string? end) =>
        new(stage, start is null ? null : D(start), end is null ? null : D(end));

    // Nomination 1–31 Mar, verification 15 Mar–15 Apr (overlapping), a gap, scoring 1–30 Jun; the rest unscheduled.
    private static readonly StageDates[] Cycle =
    [
        S(StageKind.Nomination, "2026-03-01", "2026-03-31"),
        S(StageKind.Verification, "2026-03-15", "2026-04-15"),
        S(StageKind.Scoring, "2026-06-01", "2026-06-30"),
    ];

    [Fact]
    public void The_effective_dates_are_the_province_s_own_where_it_set_both_else_the_cycle_s()
    {
        var effective = StageCalendar.Effective(Cycle, [S(StageKind.Scoring, "2026-06-10", "2026-06-20"), S(StageKind.Nomination, null, null)]);

        effective.ShouldBe(
        [
            S(StageKind.Nomination, "2026-03-01", "2026-03-31"),
            S(StageKind.Verification, "2026-03-15", "2026-04-15"),
            S(StageKind.FieldAssessment, null, null),
            S(StageKind.Scoring, "2026-06-10", "2026-06-20"),
            S(StageKind.Plenary, null, null),
            S(StageKind.Forwarding, null, null),
        ]);
    }

    [Theory]
    [InlineData("2026-02-28", StagePositionKind.Before, "", StageKind.Nomination, 1)]                        // the day before nominations open
    [InlineData("2026-03-01", StagePositionKind.InStage, "Nomination:30", null, null)]       // first day
    [InlineData("2026-03-20", StagePositionKind.InStage, "Nomination:11,Verification:26", null, null)]
    [InlineData("2026-03-31", StagePositionKind.InStage, "Nomination:0,Verification:15", null, null)] // its last day: "ends today"
    [InlineData("2026-04-15", StagePositionKind.InStage, "Verification:0", null, null)]
    [InlineData("2026-04-16", StagePositionKind.BetweenStages, "", StageKind.Scoring, 46)]
    [InlineData("2026-05-31", StagePositionKind.BetweenStages, "", StageKind.Scoring, 1)]
    [InlineData("2026-06-30", StagePositionKind.InStage, "Scoring:0", null, null)]
    [InlineData("2026-07-01", StagePositionKind.After, "", null, null)]
    public void A_day_falls_before_in_between_or_after_the_stages(string today, StagePositionKind kind, string running, StageKind? next, int? daysUntilNext)
    {
        var position = StageCalendar.PositionOn(Cycle, D(today));

        position.Kind.ShouldBe(kind);
        string.Join(",", position.Running.Select(r => $"{r.Stage}:{r.DaysLeft}")).ShouldBe(running);
        position.Next.ShouldBe(next);
        position.DaysUntilNext.ShouldBe(daysUntilNext);
    }

    [Fact]
    public void Stages_with_a_missing_date_are_ignored_and_none_scheduled_says_so()
    {
        StageCalendar.PositionOn([S(StageKind.Nomination, "2026-03-01", null), S(StageKind.Scoring, null, null)], D("2026-03-05"))
            .ShouldBe(new StagePosition(StagePositionKind.NotScheduled, []));
        StageCalendar.PositionOn([], D("2026-03-05")).Kind.ShouldBe(StagePositionKind.NotScheduled);
        var partly = StageCalendar.PositionOn([S(StageKind.Nomination, "2026-03-01", null), S(StageKind.Scoring, "2026-06-01", "2026-06-30")], D("2026-03-05"));
        partly.Kind.ShouldBe(StagePositionKind.Before);
        partly.Next.ShouldBe(StageKind.Scoring);
        partly.DaysUntilNext.ShouldBe(88);
    }

    [Fact]
    public void A_province_s_dates_lie_within_the_cycle_s_dates_of_the_stage()
    {
        StageCalendar.CheckWithinCycle(Cycle,
        [
            S(StageKind.Nomination, "2026-03-01", "2026-03-31"),           // the cycle's own bounds: fine
            S(StageKind.Verification, "2026-03-14", "2026-04-16"),         // a day early and a day late
            S(StageKind.FieldAssessment, "2026-05-01", "2026-05-10"),      // the cycle has not scheduled it
            S(StageKind.Scoring, "2026-07-01", "2026-07-05"),              // entirely after: the start is outside too
            S(StageKind.Plenary, null, null),                              // not set: nothing to check
        ]).ShouldBe(
        [
            new ProvinceStageIssue(StageKind.Verification, ProvinceStageProblem.StartsOutsideCycle),
            new ProvinceStageIssue(StageKind.Verification, ProvinceStageProblem.EndsOutsideCycle),
            new ProvinceStageIssue(StageKind.FieldAssessment, ProvinceStageProblem.CycleStageNotScheduled),
            new ProvinceStageIssue(StageKind.Scoring, ProvinceStageProblem.StartsOutsideCycle),
            new ProvinceStageIssue(StageKind.Scoring, ProvinceStageProblem.EndsOutsideCycle),
        ]);
    }

    [Theory]
    [InlineData("2026-06-30", "2026-06-29", 1, false)]
    [InlineData("2026-06-30", "2026-06-30", 0, false)]    // the closing day itself is still open
    [InlineData("2026-06-30", "2026-07-01", -1, true)]
    public void A_closing_day_still_counts_and_the_day_after_is_past(string closes, string today, int daysLeft, bool past)
    {
        StageCalendar.DaysLeft(D(closes), D(today)).ShouldBe(daysLeft);
        StageCalendar.IsPast(D(closes), D(today)).ShouldBe(past);
        StageCalendar.IsPast(null, D(today)).ShouldBeFalse();
    }
}

public class StageStatusesTests
{
    [Fact]
    public void Nominations_are_late_in_the_statuses_of_the_stages_that_ended_before_today()
    {
        var today = new DateOnly(2026, 4, 16);
        StageStatuses.Late(
        [
            new StageDates(StageKind.Nomination, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)),
            new StageDates(StageKind.Verification, new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 15)),   // ended yesterday
            new StageDates(StageKind.FieldAssessment, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 16)), // ends today: not late
            new StageDates(StageKind.Scoring, null, null),
        ], today).ShouldBe([NominationStatus.Draft, NominationStatus.Submitted, NominationStatus.Returned]);
    }
}
