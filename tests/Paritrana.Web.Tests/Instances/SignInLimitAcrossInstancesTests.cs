namespace Paritrana.Web.Tests.Instances;

/// <summary>The sign-in limit is counted in PostgreSQL: two instances together allow what one allows (docs/decisions/018).</summary>
public class SignInLimitAcrossInstancesTests : IAsyncLifetime
{
    private string _database = "";
    private PortalFactory? _first;
    private PortalFactory? _second;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("limit2");
        var settings = new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" };
        _first = new PortalFactory(_database, settings: settings);
        _second = new PortalFactory(_database, settings: settings);
        _first.StartServer();
        _second.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task The_fourth_attempt_of_a_minute_is_refused_when_the_attempts_are_split_over_two_instances()
    {
        using var hosts = new TwoHosts(_first!, _second!);
        using var client = hosts.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // Attempts 1 and 3 on the first instance, 2 and 4 on the second (each: the form, then its post).
            hosts.Target = i % 2;
            using var attempt = await client.SignInAsync($"tebak{i}@paritrana.demo", "bukan-kata-sandinya");
            statuses.Add(attempt.StatusCode);
        }

        // The test server has no client address: every attempt counts for "unknown". The minute may
        // turn between attempts; then the count starts again, so count within each window.
        var windows = await TestDatabase.ScalarAsync<string>(_database, "SELECT string_agg(attempts::text, ',' ORDER BY window_start) FROM sign_in_attempts WHERE client_address = 'unknown'");
        if (windows == "4")
        {
            statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        }
        else
        {
            statuses.ShouldNotContain(HttpStatusCode.TooManyRequests);
        }

        hosts.Served.ShouldBe([4, 4]);
    }
}
