using Paritrana.Domain.Cycles;
using Paritrana.Domain.FieldWork;

namespace Paritrana.Domain.Tests.FieldWork;

public class VisitRulesTests
{
    private static readonly DateTimeOffset Planned = new(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Done = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_visit_done_on_4_December_though_planned_for_the_10th_goes_by_the_4th() =>
        VisitRules.ShownAt(VisitStatus.Done, Planned, Done).ShouldBe(Done);

    [Theory]
    [InlineData(VisitStatus.Planned)]
    [InlineData(VisitStatus.Cancelled)]
    public void A_visit_not_done_goes_by_its_plan(VisitStatus status) =>
        VisitRules.ShownAt(status, Planned, null).ShouldBe(Planned);

    [Fact]
    public void The_query_form_gives_the_same_time_as_the_rule()
    {
        var shownAt = VisitRules.ShownAtExpression.Compile();
        shownAt(new Visit { Place = "x", Purpose = "y", ProvinceCode = "51", Status = VisitStatus.Done, PlannedAt = Planned, DoneAt = Done }).ShouldBe(Done);
        shownAt(new Visit { Place = "x", Purpose = "y", ProvinceCode = "51", Status = VisitStatus.Planned, PlannedAt = Planned }).ShouldBe(Planned);
    }

    [Theory]
    [InlineData(VisitStatus.Planned, -1, true)]
    [InlineData(VisitStatus.Planned, 0, false)]
    [InlineData(VisitStatus.Planned, 1, false)]
    [InlineData(VisitStatus.Done, -1, false)]
    [InlineData(VisitStatus.Cancelled, -1, false)]
    public void A_planned_visit_whose_time_has_passed_is_not_recorded(VisitStatus status, int minutesFromNow, bool unrecorded)
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        var planned = now.AddMinutes(minutesFromNow);
        VisitRules.IsUnrecorded(status, planned, now).ShouldBe(unrecorded);
        VisitRules.Unrecorded(now).Compile()(new Visit { Place = "x", Purpose = "y", ProvinceCode = "51", Status = status, PlannedAt = planned }).ShouldBe(unrecorded);
    }

    [Fact]
    public void The_period_is_the_field_assessment_stage_when_it_has_dates()
    {
        var period = VisitRules.PeriodOf(
            [new StageDates(StageKind.Verification, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 31)),
             new StageDates(StageKind.FieldAssessment, new DateOnly(2026, 8, 1), new DateOnly(2026, 12, 31))],
            2026);
        period.ShouldBe(new VisitPeriod(new DateOnly(2026, 8, 1), new DateOnly(2026, 12, 31), true));
        period.Contains(new DateOnly(2026, 8, 1)).ShouldBeTrue();
        period.Contains(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        period.Contains(new DateOnly(2026, 7, 31)).ShouldBeFalse();
        period.Contains(new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Without_field_assessment_dates_the_period_is_the_cycle_s_year()
    {
        var period = VisitRules.PeriodOf([new StageDates(StageKind.FieldAssessment, null, null)], 2026);
        period.ShouldBe(new VisitPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), false));
        period.Contains(new DateOnly(2024, 1, 15)).ShouldBeFalse();
    }
}
