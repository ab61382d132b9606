using Paritrana.Domain.Regions;

namespace Paritrana.Domain.Notifications;

/// <summary>
/// Which reminders are due today, in calendar days of the thing's province, and the once-only key
/// of each (docs/decisions/030-notifications.md). A key names the person, the thing and the date
/// it is about: a rescheduled visit or a moved deadline is reminded again, the same one never.
/// </summary>
public static class Reminders
{
    /// <summary>A round is reminded this many days before it closes.</summary>
    public const int RoundClosingDays = 3;

    /// <summary>An open coaching item due tomorrow, or overdue; null when neither.</summary>
    public static NotificationKind? ForCoaching(DateOnly dueDate, DateOnly today) =>
        dueDate.DayNumber == today.DayNumber + 1 ? NotificationKind.CoachingDueTomorrow
        : dueDate < today ? NotificationKind.CoachingOverdue
        : null;

    /// <summary>A planned visit on the province's calendar day after today.</summary>
    public static bool IsVisitTomorrow(DateTimeOffset plannedAt, DateOnly today, string provinceCode) =>
        ProvinceTime.Today(plannedAt, provinceCode).DayNumber == today.DayNumber + 1;

    /// <summary>A round closing in exactly <see cref="RoundClosingDays"/> days.</summary>
    public static bool IsRoundClosingSoon(DateOnly closesOn, DateOnly today) =>
        closesOn.DayNumber == today.DayNumber + RoundClosingDays;

    /// <summary>
    /// The once-only key. An overdue item is reminded once (keyed by its due date), an item due
    /// tomorrow once, a visit once per planned day, a round once per closing date.
    /// </summary>
    public static string Key(NotificationKind kind, int thingId, DateOnly date, Guid userId) =>
        FormattableString.Invariant($"{kind}:{thingId}:{date:yyyy-MM-dd}:{userId:N}");
}
