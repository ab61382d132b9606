namespace Paritrana.Web.Data.Demo;

/// <summary>
/// The demo's dates. The history cycle's are absolute (<c>2021-03-08</c>, <c>2021-03-08 09:15</c>);
/// the current cycle's are days from the day of the demo's first start (<see cref="Today"/>, in
/// WIB): <c>-113</c> is 113 days before it, <c>-113 09:30</c> that day at 09:30 WIB, <c>+14</c> two
/// weeks after. The current cycle's year is the year of that day. So the current cycle is current
/// whenever the demo is first started, and stays where it was on later starts.
/// </summary>
public sealed partial record DemoCalendar(int CurrentYear, DateOnly Today)
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

    /// <summary>
    /// A moment given in a province's local time, as the field-work pages read what the committee
    /// types (<c>±days HH:mm</c> or <c>yyyy-MM-dd HH:mm</c>); <c>now</c> is <paramref name="now"/>
    /// itself and <c>now±days HH:mm</c> a time of day that many days from its local day.
    /// </summary>
    public DateTimeOffset Local(string text, string provinceCode, DateTimeOffset now)
    {
        if (text == "now")
        {
            return now;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new FormatException($"Demo time '{text}' has no time of day.");
        }

        var dayText = text[..space];
        var day = dayText.StartsWith("now", StringComparison.Ordinal)
            ? ProvinceTime.Today(now, provinceCode).AddDays(int.Parse(dayText[3..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : Date(dayText);
        var time = TimeOnly.ParseExact(text[(space + 1)..], "HH:mm", CultureInfo.InvariantCulture);
        return ProvinceTime.FromLocal(day.ToDateTime(time), provinceCode);
    }

    /// <summary>A text with <c>{year}</c> (the current cycle's year) and <c>{date:±days}</c> (that day, written out in Indonesian) filled in.</summary>
    public string Fill(string text) =>
        DatePlaceholder().Replace(text.Replace("{year}", CurrentYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), m =>
            Date(m.Groups[1].Value).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")));

    [System.Text.RegularExpressions.GeneratedRegex(@"\{date:([-+]\d+)\}")]
    private static partial System.Text.RegularExpressions.Regex DatePlaceholder();

    private static bool IsRelative(string text) => text.Length > 0 && text[0] is '-' or '+';

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeSpan offset) =>
        new DateTimeOffset(day.ToDateTime(time), offset).ToUniversalTime();
}
