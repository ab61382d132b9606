using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// Two portal instances on one database, each holding the session rows it read a moment ago
/// (docs/decisions/048): a session ended or an account changed through one instance is refused by
/// the other at its very next request, because the tables' triggers announce every change on
/// <see cref="SessionCache.Channel"/> in the changing transaction, and the changing request answers
/// only once its own instance heard a notification sent after it (<see cref="SessionCache.SyncAsync"/>). Each test first shows that
/// instance B really answers from the row it holds (a change made behind its back with the trigger
/// switched off is not seen), so that the refusal afterwards proves the notification, not a fresh read.
/// </summary>
public class SessionsAcrossInstancesTests : IAsyncLifetime
{
    private const string Admin = "admin@paritrana.demo";
    private const string Chair = "ketua.bali@paritrana.demo";

    private string _database = "";
    private PortalFactory? _a;
    private PortalFactory? _b;
    private TwoHosts? _hosts;

    private TwoHosts Hosts => _hosts!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("sessions2");
        _a = new PortalFactory(_database);
        _b = new PortalFactory(_database);
        _a.StartServer();
        _b.StartServer();
        await PortalHosts.ListeningAsync(_a.Services);
        await PortalHosts.ListeningAsync(_b.Services);
        _hosts = new TwoHosts(_a, _b);
    }

    public async Task DisposeAsync()
    {
        _hosts?.Dispose();
        foreach (var host in new[] { _a, _b })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task A_sign_out_on_one_instance_is_refused_by_the_other_at_its_next_request()
    {
        using var client = Hosts.CreateClient();
        Hosts.Target = 0;
        await client.SignedInAsAsync(Chair);
        Hosts.Target = 1;
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShowBHoldsTheRowAsync(client, Chair);

        // Signed out through A; B's very next request is refused, with the reason.
        Hosts.Target = 0;
        var page = await client.GetPageAsync("/");
        var cookie = Hosts.LastCookie!;
        using (var logout = await client.SubmitFormAsync(page, "/", "form[action='/Account/Logout']", new Dictionary<string, string>()))
        {
            logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The browser dropped the cookie; the same cookie presented again to B is refused.
        using var raw = new HttpClient(_b!.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Nominations");
        request.Headers.Add("Cookie", cookie);
        using var after = await raw.SendAsync(request);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=signed-out");
    }

    [Fact]
    public async Task An_account_disabled_on_one_instance_is_refused_by_the_other_at_its_next_request()
    {
        using var chair = Hosts.CreateClient();
        Hosts.Target = 1;
        await chair.SignedInAsAsync(Chair);
        (await chair.GetAsync("/Nominations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShowBHoldsTheRowAsync(chair, Chair);

        using var admin = _a!.CreatePortalClient();
        await admin.SignedInAsAsync(Admin);
        var id = await TestDatabase.ScalarAsync<Guid>(_database, "SELECT id FROM users WHERE email = @e", ("e", Chair));
        using (var disabled = await admin.SubmitFormAsync($"/Admin/Users/Edit?id={id}", "form#disable-form", new Dictionary<string, string>()))
        {
            disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var after = await chair.GetAsync("/Nominations");
        after.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=disabled");
    }

    [Fact]
    public async Task A_notification_written_by_plain_sql_is_announced_and_shows_in_the_bell_once_heard()
    {
        using var chair = Hosts.CreateClient();
        Hosts.Target = 1;
        await chair.SignedInAsAsync(Chair);
        var before = int.Parse(Bell(await chair.GetPageAsync("/")), System.Globalization.CultureInfo.InvariantCulture);
        await ShowBHoldsTheRowAsync(chair, Chair);

        // Plain SQL on a connection of its own (no instance wrote it, so none waits for the others to
        // hear it, as a request does): only the trigger tells B, which drops the person's row when it hears.
        var sessions = _b!.Services.GetRequiredService<SessionCache>();
        var generation = sessions.Generation;
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_database)))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO notifications (user_id, kind, province_code, subject, link, created_at)
                SELECT id, 'Test', '51', 'Uji lonceng', '/', now() FROM users WHERE email = @e
                """, connection);
            insert.Parameters.AddWithValue("e", Chair);
            (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        using (var heard = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (sessions.Generation == generation)
            {
                await Task.Delay(10, heard.Token);
            }
        }

        Bell(await chair.GetPageAsync("/")).ShouldBe((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Bell(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("[data-testid=bell]")!.GetAttribute("data-count")!;

    /// <summary>
    /// Ends the person's sessions behind B's back (the trigger switched off, so nothing is announced)
    /// and shows that B still lets the cookie in from the row it holds; then opens them again as they were.
    /// </summary>
    private async Task ShowBHoldsTheRowAsync(PortalClient client, string email)
    {
        Hosts.Target = 1;
        await BehindTheBackAsync(email, "now()", "'SignedOut'");
        (await client.GetAsync("/Nominations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await BehindTheBackAsync(email, "NULL", "NULL");
    }

    private async Task BehindTheBackAsync(string email, string endedAt, string reason)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            BEGIN;
            ALTER TABLE user_sessions DISABLE TRIGGER user_sessions_session_changed;
            UPDATE user_sessions SET ended_at = {endedAt}, ended_reason = {reason} WHERE user_id = (SELECT id FROM users WHERE email = @e);
            ALTER TABLE user_sessions ENABLE TRIGGER user_sessions_session_changed;
            COMMIT;
            """, connection);
        command.Parameters.AddWithValue("e", email);
        await command.ExecuteNonQueryAsync();
    }
}
