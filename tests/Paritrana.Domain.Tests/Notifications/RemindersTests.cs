using Paritrana.Domain.Notifications;

namespace Paritrana.Domain.Tests.Notifications;

public class RemindersTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData(2026, 12, 5, NotificationKind.CoachingDueTomorrow)]
    [InlineData(2026, 12, 3, NotificationKind.CoachingOverdue)]
    [InlineData(2026, 11, 1, NotificationKind.CoachingOverdue)]
    [InlineData(2026, 12, 4, null)]
    [InlineData(2026, 12, 6, null)]
    public void A_coaching_item_is_reminded_the_day_before_and_once_overdue(int y, int m, int d, NotificationKind? expected) =>
        Reminders.ForCoaching(new DateOnly(y, m, d), Today).ShouldBe(expected);

    [Fact]
    public void A_visit_is_tomorrow_on_the_province_s_calendar()
    {
        // 23:30 UTC on 4 December is 07:30 on 5 December in Bali (WITA) but 06:30 in Jakarta (WIB), also the 5th.
        var at = new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero);
        Reminders.IsVisitTomorrow(at, Today, "51").ShouldBeTrue();
        Reminders.IsVisitTomorrow(at, Today, "31").ShouldBeTrue();
        // 16:30 UTC on 4 December: 00:30 on the 5th in Bali, 23:30 on the 4th in Jakarta.
        var evening = new DateTimeOffset(2026, 12, 4, 16, 30, 0, TimeSpan.Zero);
        Reminders.IsVisitTomorrow(evening, Today, "51").ShouldBeTrue();
        Reminders.IsVisitTomorrow(evening, Today, "31").ShouldBeFalse();
    }

    [Fact]
    public void A_round_is_reminded_three_days_before_it_closes() =>
        Enumerable.Range(0, 6).Select(d => Reminders.IsRoundClosingSoon(Today.AddDays(d), Today)).ShouldBe([false, false, false, true, false, false]);

    [Fact]
    public void The_key_names_the_kind_the_thing_the_date_and_the_person()
    {
        var user = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Reminders.Key(NotificationKind.VisitTomorrow, 42, new DateOnly(2026, 12, 5), user).ShouldBe("VisitTomorrow:42:2026-12-05:0f8fad5bd9cb469fa16570867728950e");
    }
}
