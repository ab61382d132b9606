using Paritrana.Domain.Cycles;

namespace Paritrana.Domain.Tests.Cycles;

public class StageScheduleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static StageDates S(StageKind stage, string? start, string? end) =>
        new(stage, start is null ? null : D(start), end is null ? null : D(end));

    private static List<StageDates> Plan2025() =>
    [
        S(StageKind.Nomination, "2025-01-15", "2025-03-31"),
        S(StageKind.Verification, "2025-02-01", "2025-04-30"),
        S(StageKind.FieldAssessment, "2025-04-01", "2025-06-15"),
        S(StageKind.Scoring, "2025-06-01", "2025-07-10"),
        S(StageKind.Plenary, "2025-07-14", "2025-07-14"),
        S(StageKind.Forwarding, "2025-07-21", "2025-08-15"),
    ];

    [Fact]
    public void Overlapping_stages_in_order_are_accepted_and_a_one_day_stage_too() =>
        StageSchedule.Check(Plan2025()).ShouldBeEmpty();

    [Fact]
    public void Stages_without_dates_are_accepted_as_not_planned_yet()
    {
        StageSchedule.Check([]).ShouldBeEmpty();
        StageSchedule.Check(StageSchedule.Order.Select(s => new StageDates(s, null, null))).ShouldBeEmpty();
        StageSchedule.Check([S(StageKind.Scoring, "2025-06-01", "2025-07-10")]).ShouldBeEmpty();
    }

    [Fact]
    public void A_stage_that_ends_before_it_starts_is_refused()
    {
        var plan = Plan2025();
        plan[2] = S(StageKind.FieldAssessment, "2025-04-01", "2025-03-31");
        StageSchedule.Check(plan).ShouldBe([new StageDateIssue(StageKind.FieldAssessment, StageDateProblem.EndsBeforeStart)]);
    }

    [Theory]
    [InlineData("2025-03-01", null)]
    [InlineData(null, "2025-03-01")]
    public void A_stage_with_only_one_date_is_incomplete(string? start, string? end) =>
        StageSchedule.Check([S(StageKind.Verification, start, end)])
            .ShouldBe([new StageDateIssue(StageKind.Verification, StageDateProblem.Incomplete)]);

    [Fact]
    public void A_stage_may_not_start_before_the_previous_stage_starts()
    {
        var plan = Plan2025();
        plan[1] = S(StageKind.Verification, "2025-01-14", "2025-04-30");
        StageSchedule.Check(plan).ShouldBe(
            [new StageDateIssue(StageKind.Verification, StageDateProblem.StartsBeforePreviousStage, StageKind.Nomination)]);
    }

    [Fact]
    public void Starting_on_the_same_day_as_the_previous_stage_is_allowed()
    {
        var plan = Plan2025();
        plan[1] = S(StageKind.Verification, "2025-01-15", "2025-04-30");
        StageSchedule.Check(plan).ShouldBeEmpty();
    }

    [Fact]
    public void The_order_is_checked_against_the_nearest_earlier_planned_stage()
    {
        StageDates[] plan =
        [
            S(StageKind.Nomination, "2025-01-15", "2025-03-31"),
            S(StageKind.Verification, null, null),
            S(StageKind.FieldAssessment, "2025-01-10", "2025-06-15"),
        ];
        StageSchedule.Check(plan).ShouldBe(
            [new StageDateIssue(StageKind.FieldAssessment, StageDateProblem.StartsBeforePreviousStage, StageKind.Nomination)]);
    }

    [Fact]
    public void One_early_stage_is_reported_once_and_later_stages_are_compared_with_the_earlier_start()
    {
        var plan = Plan2025();
        plan[3] = S(StageKind.Scoring, "2025-03-01", "2025-07-10");   // before field assessment (1 April)
        StageSchedule.Check(plan).ShouldBe(
            [new StageDateIssue(StageKind.Scoring, StageDateProblem.StartsBeforePreviousStage, StageKind.FieldAssessment)]);
    }

    [Fact]
    public void Several_problems_are_all_reported_in_stage_order()
    {
        StageDates[] plan =
        [
            S(StageKind.Forwarding, "2025-07-01", "2025-06-30"),
            S(StageKind.Nomination, "2025-02-01", null),
            S(StageKind.Verification, "2025-01-01", "2025-04-30"),
        ];
        StageSchedule.Check(plan).ShouldBe(
        [
            new StageDateIssue(StageKind.Nomination, StageDateProblem.Incomplete),
            new StageDateIssue(StageKind.Verification, StageDateProblem.StartsBeforePreviousStage, StageKind.Nomination),
            new StageDateIssue(StageKind.Forwarding, StageDateProblem.EndsBeforeStart),
        ]);
    }

    [Fact]
    public void The_order_is_the_six_stages_of_the_award() =>
        StageSchedule.Order.ShouldBe(Enum.GetValues<StageKind>());
}
