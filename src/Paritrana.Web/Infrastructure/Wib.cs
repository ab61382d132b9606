namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Times on the administrator's pages are shown in Western Indonesian Time (WIB, Asia/Jakarta,
/// UTC+7 without daylight saving), where the national secretariat works, and labelled "WIB".
/// </summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Jakarta", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("WIB", Offset, "WIB", "WIB");

    public static DateTimeOffset ToWib(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>"21 Nov 2026 14:05 WIB" (month names in the request culture: id-ID, or English).</summary>
    public static string Format(DateTimeOffset utc) =>
        Formats.DateTime(ToWib(utc)) + " WIB";

    /// <summary>The date of today in WIB.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToWib(clock.GetUtcNow()).DateTime);

    /// <summary>The first instant (UTC) of a WIB calendar day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
