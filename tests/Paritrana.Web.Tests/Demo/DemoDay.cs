using System.Globalization;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The day the demo of a test database was first started (the template's seeding, on the real
/// clock), from which its current cycle is dated (Data/Demo/README.md): the current cycle's year and
/// that day in WIB, read from the demo's current cycle. The expected dates of the tests are this day
/// plus the offsets of the data files, worked out here with plain calendar arithmetic.
/// </summary>
public sealed record DemoDay(int Year, DateOnly Today)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static async Task<DemoDay> OfAsync(string database)
    {
        const string Cycle = "FROM award_cycles WHERE notes LIKE 'Siklus demo: %'";
        var year = await TestDatabase.ScalarAsync<int>(database, $"SELECT year {Cycle}");
        var today = await TestDatabase.ScalarAsync<string>(database, $"SELECT to_char(created_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') {Cycle}");
        return new DemoDay(year, DateOnly.ParseExact(today!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public DateOnly Day(int days) => Today.AddDays(days);

    /// <summary>"2025-06-02": the day <paramref name="days"/> from the first start.</summary>
    public string Date(int days) => Day(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2025-06-02 08:00": a day and a time of day, as the tests print WIB or WITA times.</summary>
    public string At(int days, string time) => $"{Date(days)} {time}";

    /// <summary>"2 Jun 2025": a day as the portal shows it (id-ID).</summary>
    public string Shown(int days) => Day(days).ToString("d MMM yyyy", Indonesian);

    /// <summary>"2 Juni 2025": a day written out in Indonesian.</summary>
    public string Written(int days) => Day(days).ToString("d MMMM yyyy", Indonesian);
}
