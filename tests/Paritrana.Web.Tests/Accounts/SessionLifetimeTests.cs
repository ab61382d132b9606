using static Paritrana.Web.Tests.Accounts.SessionProbe;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>
/// Idle and absolute session lifetimes, enforced by the server (not only by the cookie), on a clock
/// the test moves: the defaults are 60 minutes without a request and 12 hours in all.
/// </summary>
public class SessionLifetimeTests(ClockedPortalFixture portal) : IClassFixture<ClockedPortalFixture>
{
    [Fact]
    public async Task A_session_without_a_request_for_60_minutes_is_ended_and_the_login_page_says_why()
    {
        const string email = "anggota.bali@paritrana.demo";
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);

        portal.Clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        using (var justInTime = await client.GetAsync("/Nominations"))
        {
            justInTime.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var lastRequest = portal.Clock.GetUtcNow();
        portal.Clock.Advance(TimeSpan.FromMinutes(60));
        using var idle = await client.GetAsync("/Nominations");

        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        idle.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=idle");
        (await LoginNoticeAsync(portal.Factory, idle)).ShouldBe("Sesi Anda berakhir karena tidak aktif selama 60 menit. Silakan masuk lagi.");
        (await EndingsAsync(portal.Database, email)).ShouldBe("Idle");
        (await TestDatabase.ScalarAsync<DateTime>(portal.Database,
            "SELECT s.last_seen_at FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @e", ("e", email)))
            .ShouldBe(lastRequest.UtcDateTime);
        (await TestDatabase.ScalarAsync<DateTime>(portal.Database,
            "SELECT s.ended_at FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @e", ("e", email)))
            .ShouldBe(lastRequest.AddMinutes(60).UtcDateTime);
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = 'auth.session-ended' AND user_email = @e", ("e", email)))
            .ShouldBe("reason: idle; sessions: 1");
    }

    [Fact]
    public async Task The_last_request_is_written_at_most_once_a_minute()
    {
        const string email = "cabang.denpasar@paritrana.demo";
        var signedIn = portal.Clock.GetUtcNow();
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);

        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        (await client.GetPageAsync("/")).ShouldNotBeNull();
        (await LastSeenAsync(email)).ShouldBe(signedIn.UtcDateTime);

        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        (await client.GetPageAsync("/")).ShouldNotBeNull();
        (await LastSeenAsync(email)).ShouldBe(signedIn.AddSeconds(60).UtcDateTime);

        portal.Clock.Advance(TimeSpan.FromSeconds(59));
        (await client.GetPageAsync("/Nominations")).ShouldNotBeNull();
        (await LastSeenAsync(email)).ShouldBe(signedIn.AddSeconds(60).UtcDateTime);
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_sign_in_however_active_it_is()
    {
        const string email = "ketua.jateng@paritrana.demo";
        var signedIn = portal.Clock.GetUtcNow();
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);

        for (var i = 0; i < 14; i++)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(50));
            using var active = await client.GetAsync("/Nominations");
            active.StatusCode.ShouldBe(HttpStatusCode.OK, $"after {(i + 1) * 50} minutes");
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(19));
        using (var lastMinute = await client.GetAsync("/Nominations"))
        {
            lastMinute.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        (portal.Clock.GetUtcNow() - signedIn).ShouldBe(TimeSpan.FromHours(12));
        using var expired = await client.GetAsync("/Nominations");

        expired.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=expired");
        (await LoginNoticeAsync(portal.Factory, expired))
            .ShouldBe("Sesi Anda berakhir karena sudah berlangsung 12 jam, batas terlama satu sesi. Silakan masuk lagi.");
        (await EndingsAsync(portal.Database, email)).ShouldBe("Expired");
    }

    private async Task<DateTime> LastSeenAsync(string email) =>
        await TestDatabase.ScalarAsync<DateTime>(portal.Database,
            "SELECT s.last_seen_at FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @e AND s.ended_at IS NULL", ("e", email));
}

/// <summary>The lifetimes are settings: here 15 minutes idle and 2 hours in all.</summary>
public class SessionLifetimeSettingsTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private string _database = "";
    private ClockedPortalFactory? _factory;

    private ClockedPortalFactory Factory => _factory!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("lifetimes");
        _factory = new ClockedPortalFactory(_database, _clock, new Dictionary<string, string?>
        {
            ["Security:SessionIdleTimeout"] = "00:15:00",
            ["Security:SessionAbsoluteTimeout"] = "02:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory!.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task Both_lifetimes_follow_the_settings()
    {
        using var idleClient = await Factory.CreatePortalClient().SignedInAsAsync("anggota.bali@paritrana.demo");
        using var busyClient = await Factory.CreatePortalClient().SignedInAsAsync("ketua.bali@paritrana.demo");

        for (var i = 0; i < 8; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(14));
            using var busy = await busyClient.GetAsync("/");
            busy.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (i == 0)
            {
                // The other one has not asked for anything for 14 minutes: still signed in.
                using var stillIn = await idleClient.GetAsync("/");
                stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            else if (i == 2)
            {
                // ...and then nothing for 28 minutes.
                using var idle = await idleClient.GetAsync("/");
                idle.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=idle");
                (await LoginNoticeAsync(Factory, idle)).ShouldBe("Sesi Anda berakhir karena tidak aktif selama 15 menit. Silakan masuk lagi.");
            }
        }

        // 8 × 14 = 112 minutes; the ninth step passes 2 hours.
        _clock.Advance(TimeSpan.FromMinutes(8));
        using var expired = await busyClient.GetAsync("/");
        expired.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=expired");
        (await LoginNoticeAsync(Factory, expired)).ShouldBe("Sesi Anda berakhir karena sudah berlangsung 2 jam, batas terlama satu sesi. Silakan masuk lagi.");
    }
}
