using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Regions;
using C = Paritrana.Domain.FieldWork.CoachingStatus;

namespace Paritrana.Domain.Tests.FieldWork;

/// <summary>Overdue days count in the province's own calendar: the portal passes its local "today".</summary>
public class OverdueTests
{
    // 16:30 UTC on 14 June = 23:30 WIB on the 14th, 00:30 WITA and 01:30 WIT on the 15th.
    private static readonly DateTimeOffset Now = new(2026, 6, 14, 16, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("33", "2026-06-14", 0)]   // Semarang: still the due date
    [InlineData("51", "2026-06-14", 1)]   // Denpasar: already the next day
    [InlineData("94", "2026-06-14", 1)]
    [InlineData("51", "2026-05-15", 31)]
    [InlineData("33", "2026-05-15", 30)]
    [InlineData("51", "2026-06-15", 0)]
    [InlineData("51", "2027-01-01", 0)]
    public void Days_overdue_are_counted_from_the_local_date(string province, string due, int days)
    {
        var dueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var today = ProvinceTime.Today(Now, province);

        CoachingRules.DaysOverdue(C.Open, dueDate, today).ShouldBe(days);
        CoachingRules.IsOverdue(C.InProgress, dueDate, today).ShouldBe(days > 0);
        CoachingRules.DaysOverdue(C.Resolved, dueDate, today).ShouldBe(0);
    }
}
