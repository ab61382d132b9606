using Paritrana.Domain.Regions;

namespace Paritrana.Domain.Work;

/// <summary>How long something has waited, and how soon something is due, in whole calendar days of the province.</summary>
public static class Waiting
{
    /// <summary>
    /// Calendar days from <paramref name="since"/> to <paramref name="now"/> on the province's clock:
    /// submitted yesterday evening is "1 day" this morning, whatever the hours between.
    /// </summary>
    public static int DaysSince(DateTimeOffset since, DateTimeOffset now, string provinceCode) =>
        Math.Max(0, ProvinceTime.Today(now, provinceCode).DayNumber - ProvinceTime.Today(since, provinceCode).DayNumber);

    /// <summary>Days from today to <paramref name="due"/>: negative when overdue, 0 when due today.</summary>
    public static int DaysUntil(DateOnly due, DateTimeOffset now, string provinceCode) =>
        due.DayNumber - ProvinceTime.Today(now, provinceCode).DayNumber;
}
