namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// Times of field work in the province's own time with its label ("10 Mar 2026 09:30 WITA"),
/// and the value of a datetime-local input for an instant.
/// </summary>
public static class LocalTime
{
    public static string Format(DateTimeOffset instant, string provinceCode) =>
        Formats.DateTime(ProvinceTime.ToLocal(instant, provinceCode)) + " " + ProvinceTime.LabelOf(provinceCode);

    /// <summary>"25 Juni 2021 16.30 WITA" in the page's language (the official documents keep ReportData.LocalTimeText, always Indonesian).</summary>
    public static string FormatLong(DateTimeOffset instant, string provinceCode) =>
        Formats.LongDateTime(ProvinceTime.ToLocal(instant, provinceCode)) + " " + ProvinceTime.LabelOf(provinceCode);

    public static string FormatDate(DateOnly date) => Formats.Date(date);

    /// <summary>The wall-clock time of an instant in the province (what a datetime-local input shows).</summary>
    public static DateTime WallClock(DateTimeOffset instant, string provinceCode) => ProvinceTime.ToLocal(instant, provinceCode).DateTime;

    public static DateOnly Today(TimeProvider clock, string provinceCode) => ProvinceTime.Today(clock.GetUtcNow(), provinceCode);

    /// <summary>An instant in audit details: ISO 8601 in UTC, culture-free.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseIso(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : null;
}
