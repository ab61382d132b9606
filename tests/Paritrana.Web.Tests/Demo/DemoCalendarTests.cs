using Npgsql;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The demo's current cycle follows the day of its first start (Data/Demo/README.md, ADR 023): a
/// demo first started on 15 March 2031 has the current cycle 2031, one first started on the evening
/// of 2 November 2034 (UTC; already 3 November in WIB) the cycle 2034, and in each the province of
/// Bali submitted its nomination 113 days before that day at 09:30 WIB and the branch verified it
/// 99 days before at 13:45. The 2021 history stays where it was. A later start keeps the dates of
/// the first. Expected days worked out by hand: 15 Mar 2031 − 113 = 22 Nov 2030, − 99 = 6 Dec 2030;
/// 3 Nov 2034 − 113 = 13 Jul 2034, − 99 = 27 Jul 2034.
/// </summary>
public class DemoCalendarTests : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    private const string Facts = """
        SELECT y.year || ' | ' || y.is_current || ' | ' ||
               (SELECT to_char(s.at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') FROM status_changes s WHERE s.nomination_id = n.id AND s.action = 1) || ' | ' ||
               to_char(n.verified_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI')
        FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id
        WHERE o.name = 'Pemerintah Provinsi Bali' ORDER BY y.year
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task The_current_cycle_takes_the_year_and_the_dates_of_the_day_of_the_first_start_and_keeps_them()
    {
        var march2031 = await SeededOnAsync(new DateTimeOffset(2031, 3, 15, 3, 0, 0, TimeSpan.Zero));
        (await LinesAsync(march2031, Facts)).ShouldBe(
        [
            "2021 | false | 2021-03-08 09:15 | 2021-03-22 14:00",
            "2031 | true | 2030-11-22 09:30 | 2030-12-06 13:45",
        ]);

        var november2034 = await SeededOnAsync(new DateTimeOffset(2034, 11, 2, 20, 0, 0, TimeSpan.Zero));
        (await LinesAsync(november2034, Facts)).ShouldBe(
        [
            "2021 | false | 2021-03-08 09:15 | 2021-03-22 14:00",
            "2034 | true | 2034-07-13 09:30 | 2034-07-27 13:45",
        ]);

        // Started again a year later, the demo of 2031 stays as it was first seeded.
        await TestDatabase.RunDatabaseSetupAsync(march2031, demo: true, new FixedClock(new DateTimeOffset(2032, 6, 1, 3, 0, 0, TimeSpan.Zero)));
        (await LinesAsync(march2031, Facts)).ShouldBe(
        [
            "2021 | false | 2021-03-08 09:15 | 2021-03-22 14:00",
            "2031 | true | 2030-11-22 09:30 | 2030-12-06 13:45",
        ]);
        (await LinesAsync(march2031, "SELECT year::text FROM award_cycles ORDER BY year")).ShouldBe(["2021", "2031"]);
    }

    private async Task<string> SeededOnAsync(DateTimeOffset firstStart)
    {
        var database = await TestDatabase.CreateEmptyAsync("demo_clock");
        _databases.Add(database);
        await TestDatabase.RunDatabaseSetupAsync(database, demo: true, new FixedClock(firstStart));
        return database;
    }

    private static async Task<List<string>> LinesAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
