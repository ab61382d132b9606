namespace Paritrana.Domain.Regions;

/// <summary>Indonesia's three time zones, none with daylight saving.</summary>
public enum IndonesianTimeZone
{
    /// <summary>Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan.</summary>
    Wib = 7,
    /// <summary>Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi.</summary>
    Wita = 8,
    /// <summary>Waktu Indonesia Timur, UTC+9: Maluku and Papua.</summary>
    Wit = 9,
}

/// <summary>
/// The local time of a province. Visits are planned in the province's own time (a committee in
/// Bali types 09:00 WITA), stored in UTC, and shown again in that time with its label.
/// </summary>
public static class ProvinceTime
{
    /// <summary>The time zone of a province, by its two-digit Kemendagri code.</summary>
    public static IndonesianTimeZone ZoneOf(string provinceCode) => provinceCode switch
    {
        // Sumatra and its islands, Java, West and Central Kalimantan.
        "11" or "12" or "13" or "14" or "15" or "16" or "17" or "18" or "19" or "21"
            or "31" or "32" or "33" or "34" or "35" or "36"
            or "61" or "62" => IndonesianTimeZone.Wib,
        // The national stage (its plenary and rounds, docs/decisions/047) sits in Jakarta.
        National.NationalStage.Code => IndonesianTimeZone.Wib,
        // Bali and Nusa Tenggara; South, East and North Kalimantan; Sulawesi.
        "51" or "52" or "53"
            or "63" or "64" or "65"
            or "71" or "72" or "73" or "74" or "75" or "76" => IndonesianTimeZone.Wita,
        // Maluku and the Papua provinces.
        "81" or "82" or "91" or "92" or "93" or "94" or "95" or "96" => IndonesianTimeZone.Wit,
        _ => throw new ArgumentOutOfRangeException(nameof(provinceCode), provinceCode, "Not an Indonesian province code."),
    };

    public static TimeSpan OffsetOf(string provinceCode) => TimeSpan.FromHours((int)ZoneOf(provinceCode));

    /// <summary>"WIB", "WITA" or "WIT": the label shown after a local time.</summary>
    public static string LabelOf(string provinceCode) => Label(ZoneOf(provinceCode));

    public static string Label(IndonesianTimeZone zone) => zone switch
    {
        IndonesianTimeZone.Wib => "WIB",
        IndonesianTimeZone.Wita => "WITA",
        IndonesianTimeZone.Wit => "WIT",
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, null),
    };

    /// <summary>An instant as the province's local time (with its offset).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, string provinceCode) => instant.ToOffset(OffsetOf(provinceCode));

    /// <summary>
    /// A wall-clock time typed for the province (a datetime-local input: no offset) as the instant it
    /// names, in UTC. The kind of <paramref name="local"/> is ignored: it is read as the province's time.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local, string provinceCode) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), OffsetOf(provinceCode)).ToUniversalTime();

    /// <summary>The calendar date in the province at an instant (for due dates: overdue counts in local days).</summary>
    public static DateOnly Today(DateTimeOffset now, string provinceCode) => DateOnly.FromDateTime(ToLocal(now, provinceCode).DateTime);
}
