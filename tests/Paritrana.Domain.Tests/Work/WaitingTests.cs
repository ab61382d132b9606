using Paritrana.Domain.Work;

namespace Paritrana.Domain.Tests.Work;

public class WaitingTests
{
    // Bali (51) is on WITA, UTC+8; Papua (94) on WIT, UTC+9; Jawa Tengah (33) on WIB, UTC+7.
    [Theory]
    // Submitted 23:00 WITA on 1 December, read 08:00 WITA on 2 December: one calendar day, nine hours.
    [InlineData("2026-12-01T15:00:00Z", "2026-12-02T00:00:00Z", "51", 1)]
    // Same instants in Jawa Tengah: 22:00 and 07:00 WIB, also across midnight.
    [InlineData("2026-12-01T15:00:00Z", "2026-12-02T00:00:00Z", "33", 1)]
    // 00:30 and 23:30 WITA of the same day: 23 hours, zero days.
    [InlineData("2026-12-01T16:30:00Z", "2026-12-02T15:30:00Z", "51", 0)]
    // 16:30 UTC is 00:30 of 2 December in Bali but 23:30 of 1 December in Jawa Tengah.
    [InlineData("2026-12-01T16:30:00Z", "2026-12-04T16:00:00Z", "51", 3)]
    [InlineData("2026-12-01T16:30:00Z", "2026-12-04T16:00:00Z", "33", 3)]
    [InlineData("2026-12-01T16:30:00Z", "2026-12-04T17:30:00Z", "33", 4)]
    // A clock that reads earlier than the start (another instance's clock) never gives a negative wait.
    [InlineData("2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z", "51", 0)]
    public void Days_since_counts_calendar_days_on_the_province_s_clock(string since, string now, string province, int expected) =>
        Waiting.DaysSince(DateTimeOffset.Parse(since), DateTimeOffset.Parse(now), province).ShouldBe(expected);

    [Theory]
    [InlineData("2026-12-05", "2026-12-04T01:00:00Z", "51", 1)]   // 09:00 WITA on 4 December: due tomorrow
    [InlineData("2026-12-04", "2026-12-04T01:00:00Z", "51", 0)]   // due today
    [InlineData("2026-12-01", "2026-12-04T01:00:00Z", "51", -3)]  // three days overdue
    [InlineData("2026-12-05", "2026-12-04T15:30:00Z", "94", 0)]   // 00:30 WIT on 5 December: due today in Papua
    [InlineData("2026-12-05", "2026-12-04T15:30:00Z", "33", 1)]   // 22:30 WIB on 4 December: tomorrow in Jawa Tengah
    public void Days_until_is_negative_when_overdue(string due, string now, string province, int expected) =>
        Waiting.DaysUntil(DateOnly.Parse(due), DateTimeOffset.Parse(now), province).ShouldBe(expected);
}
