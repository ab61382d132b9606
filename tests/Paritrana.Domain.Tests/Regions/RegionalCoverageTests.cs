using Paritrana.Domain.Regions;

namespace Paritrana.Domain.Tests.Regions;

public class RegionalCoverageTests
{
    [Fact]
    public void The_three_ratios_are_participants_over_their_workforce_with_two_decimals()
    {
        // 300 PU of 500 formal = 60 %; 100 BPU of 700 informal = 14.2857… → 14.29 %; 400 of 1,200 = 33.333… → 33.33 %.
        var f = new AreaFigures(500, 700, 300, 100, 12, 3);
        f.AllCoverage.ShouldBe(33.33m);
        f.FormalCoverage.ShouldBe(60.00m);
        f.InformalCoverage.ShouldBe(14.29m);
    }

    [Fact]
    public void An_area_without_a_workforce_has_no_coverage()
    {
        var f = new AreaFigures(0, 0, 5, 5, 1, null);
        f.AllCoverage.ShouldBeNull();
        f.FormalCoverage.ShouldBeNull();
        f.InformalCoverage.ShouldBeNull();
    }

    [Fact]
    public void A_sum_adds_every_figure_and_keeps_desa_sadar_unknown_only_when_every_part_is()
    {
        var sum = AreaFigures.Sum([new AreaFigures(1, 2, 3, 4, 5, null), new AreaFigures(10, 20, 30, 40, 50, 7), new AreaFigures(100, 200, 300, 400, 500, 2)]);
        sum.ShouldBe(new AreaFigures(111, 222, 333, 444, 555, 9));
        AreaFigures.Sum([new AreaFigures(1, 2, 3, 4, 5, null)]).AwareVillages.ShouldBeNull();
        AreaFigures.Sum([]).ShouldBe(AreaFigures.Zero);
    }

    [Theory]
    [InlineData(39.41, 35.20, 4.21)]
    [InlineData(20.00, 22.50, -2.50)]
    public void A_ratio_changes_by_the_difference_of_the_percentages_shown(double now, double before, double points) =>
        RegionalCoverage.PointChange((decimal)now, (decimal)before).ShouldBe((decimal)points);

    [Fact]
    public void A_ratio_without_its_year_earlier_has_no_change() =>
        RegionalCoverage.PointChange(39.41m, null).ShouldBeNull();

    [Theory]
    [InlineData(1_027_000L, 750_000L, 36.93)] // 277/750 = 0.369333…
    [InlineData(90L, 120L, -25.00)]
    [InlineData(1L, 3L, -66.67)]
    [InlineData(2L, 3L, -33.33)]
    public void A_count_changes_in_percent_of_the_earlier_count(long now, long before, double percent) =>
        RegionalCoverage.PercentChange(now, before).ShouldBe((decimal)percent);

    [Fact]
    public void A_count_without_its_earlier_count_or_from_zero_has_no_change()
    {
        RegionalCoverage.PercentChange(5, null).ShouldBeNull();
        RegionalCoverage.PercentChange(5, 0).ShouldBeNull();
        RegionalCoverage.PercentChange(null, 5).ShouldBeNull();
    }

    [Fact]
    public void The_year_earlier_is_the_same_month() =>
        RegionalCoverage.YearEarlier(new DateOnly(2023, 12, 1)).ShouldBe(new DateOnly(2022, 12, 1));

    [Fact]
    public void Areas_rank_by_coverage_with_equal_ranks_for_ties_and_their_gap_to_the_whole()
    {
        var ranked = RegionalCoverage.Rank(
        [
            ("51.02", "B", new AreaFigures(100, 100, 40, 10, 0, null)), // 25.00 %
            ("51.01", "A", new AreaFigures(100, 0, 50, 0, 0, null)),    // 50.00 %
            ("51.04", "D", new AreaFigures(0, 0, 0, 0, 0, null)),       // none
            ("51.03", "C", new AreaFigures(0, 200, 0, 50, 0, null)),    // 25.00 %
        ], 30.00m);

        ranked.Select(r => (r.Rank, r.Code, r.Gap)).ShouldBe(
        [
            (1, "51.01", (decimal?)20.00m),
            (2, "51.02", -5.00m),
            (2, "51.03", -5.00m),
            (0, "51.04", null),
        ]);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0.0, 1)]
    [InlineData(19.99, 1)]
    [InlineData(20.0, 2)]
    [InlineData(39.41, 3)]
    [InlineData(40.0, 4)]
    [InlineData(50.0, 5)]
    [InlineData(101.0, 5)]
    public void Tiles_are_coloured_in_bands_of_ten_points(double? coverage, int band) =>
        RegionalCoverage.Band((decimal?)coverage).ShouldBe(band);

    [Fact]
    public void A_change_against_a_year_earlier_compares_only_the_regencies_that_reported_in_both_periods()
    {
        // A reported both years; B only a year earlier; C only now. Like for like: A alone.
        // A now 60 of 100 = 60.00 %, before 50 of 100 = 50.00 %: +10.00 points (with C: 60+10 of 100+100 = 35.00 %).
        var now = new Dictionary<string, AreaFigures>
        {
            ["A"] = new(80, 20, 50, 10, 30, 4),
            ["C"] = new(50, 50, 5, 5, 70, null),
        };
        var before = new Dictionary<string, AreaFigures>
        {
            ["A"] = new(80, 20, 40, 10, 24, 2),
            ["B"] = new(10, 10, 10, 10, 1000, 9),
        };

        var change = RegionalCoverage.CompareLikeForLike(now, before)!;

        change.Now.ShouldBe(new AreaFigures(80, 20, 50, 10, 30, 4));
        change.Before.ShouldBe(new AreaFigures(80, 20, 40, 10, 24, 2));
        (change.Common, change.ReportingNow, change.ReportingBefore, change.SameRegencies).ShouldBe((1, 2, 2, false));
        change.AllPoints.ShouldBe(10.00m);
        change.FormalPoints.ShouldBe(12.50m); // 50/80 = 62.50 %, 40/80 = 50.00 %
        change.InformalPoints.ShouldBe(0.00m);
        change.EmployersPercent.ShouldBe(25.00m); // 30 against 24
        change.VillagesPercent.ShouldBe(100.00m); // 4 against 2
    }

    [Fact]
    public void The_same_regencies_in_both_periods_compare_their_whole_figures_and_none_in_common_compare_nothing()
    {
        var now = new Dictionary<string, AreaFigures> { ["A"] = new(100, 0, 40, 0, 1, null), ["B"] = new(100, 0, 20, 0, 1, null) };
        var before = new Dictionary<string, AreaFigures> { ["A"] = new(100, 0, 30, 0, 1, null), ["B"] = new(100, 0, 10, 0, 1, null) };

        var change = RegionalCoverage.CompareLikeForLike(now, before)!;
        change.SameRegencies.ShouldBeTrue();
        change.AllPoints.ShouldBe(10.00m); // 60 of 200 = 30.00 % against 40 of 200 = 20.00 %
        change.VillagesPercent.ShouldBeNull();

        RegionalCoverage.CompareLikeForLike(now, new Dictionary<string, AreaFigures> { ["Z"] = new(1, 1, 1, 1, 1, 1) }).ShouldBeNull();
        RegionalCoverage.CompareLikeForLike(now, new Dictionary<string, AreaFigures>()).ShouldBeNull();
    }

    [Theory]
    [InlineData(9, 9, true)]
    [InlineData(44, 514, false)]
    [InlineData(0, 9, false)]
    public void A_period_is_complete_only_when_every_regency_of_the_area_reported(int reporting, int expected, bool complete) =>
        new Completeness(reporting, expected).IsComplete.ShouldBe(complete);
}
