namespace Paritrana.Web.Data.Demo;

/// <summary>
/// The demo's dates. The history cycle's are absolute (<c>2021-03-08</c>, <c>2021-03-08 09:15</c>);
/// the current cycle's are days from the day of the demo's first start (<see cref="Today"/>, in
/// WIB): <c>-113</c> is 113 days before it, <c>-113 09:30</c> that day at 09:30 WIB, <c>+14</c> two
/// weeks after. The current cycle's year is the year of that day. So the current cycle is current
/// whenever the demo is first started, and stays where it was on later starts.
/// </summary>
public sealed record DemoCalendar(int CurrentYear, DateOnly Today)
{
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    /// <summary>The calendar of a demo first started at <paramref name="firstStart"/>.</summary>
    public static DemoCalendar StartedAt(DateTimeOffset firstStart)
    {
        var today = DateOnly.FromDateTime(firstStart.ToOffset(WibOffset).DateTime);
        return new DemoCalendar(today.Year, today);
    }

    /// <summary>A day: <c>yyyy-MM-dd</c>, or a signed number of days from <see cref="Today"/>.</summary>
    public DateOnly Date(string text) =>
        IsRelative(text)
            ? Day(int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment given in WIB (<c>yyyy-MM-dd HH:mm</c> or <c>±days HH:mm</c>), as the UTC value PostgreSQL stores.</summary>
    public DateTimeOffset Wib(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new FormatException($"Demo time '{text}' has no time of day.");
        }

        var time = TimeOnly.ParseExact(text[(space + 1)..], "HH:mm", CultureInfo.InvariantCulture);
        return At(Date(text[..space]), time, WibOffset);
    }

    /// <summary>The day <paramref name="days"/> from <see cref="Today"/>.</summary>
    public DateOnly Day(int days) => Today.AddDays(days);

    /// <summary>A moment <paramref name="days"/> from <see cref="Today"/> at a time of day in WIB.</summary>
    public DateTimeOffset Wib(int days, int hour, int minute) => At(Day(days), new TimeOnly(hour, minute), WibOffset);

    /// <summary>A wall-clock time in Bali (WITA) <paramref name="days"/> from <see cref="Today"/>, as the visit pages read what the committee types.</summary>
    public DateTimeOffset Wita(int days, int hour, int minute) =>
        ProvinceTime.FromLocal(Day(days).ToDateTime(new TimeOnly(hour, minute)), "51");

    private static bool IsRelative(string text) => text.Length > 0 && text[0] is '-' or '+';

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeSpan offset) =>
        new DateTimeOffset(day.ToDateTime(time), offset).ToUniversalTime();
}
