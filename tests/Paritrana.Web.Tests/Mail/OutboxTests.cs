using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure.Mail;
using Shouldly;
using static Paritrana.Web.Tests.Mail.MailTestKit;

namespace Paritrana.Web.Tests.Mail;

/// <summary>
/// The outbox and its drain (docs/decisions/028-mail-outbox.md): a mail exists exactly when the
/// change that caused it is committed, a mail server that is down delays mail and never a request,
/// and two instances draining at once send each mail once.
/// </summary>
public class OutboxTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    private static MailContent Content(string subject) => new(subject, "Halo,", ["Isi surel uji."], "Buka portal", "http://localhost/", "Salam");

    private static string Recipient(string what) => $"{what}.{Guid.NewGuid():N}@uji.paritrana";

    private static async Task QueueAsync(ClockedPortalFactory factory, IEnumerable<string> recipients, string subject)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        foreach (var recipient in recipients)
        {
            outbox.Queue(recipient, MailOutbox.Indonesian, _ => Content(subject));
        }

        await scope.ServiceProvider.GetRequiredService<ParitranaDbContext>().SaveChangesAsync();
    }

    [Fact]
    public async Task A_mail_queued_in_a_transaction_that_rolls_back_is_never_sent()
    {
        var rolledBack = Recipient("batal");
        var committed = Recipient("jadi");
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Queue(rolledBack, MailOutbox.Indonesian, _ => Content("Dibatalkan"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        // Queued after it and sent in order of queueing: once it has arrived, the other would have too.
        await QueueAsync(portal.Factory, [committed], "Jadi dikirim");
        (await portal.Mailbox.WaitForAsync(committed)).ShouldHaveSingleItem().Subject.ShouldBe("Jadi dikirim");
        (await portal.Mailbox.MailsToAsync(rolledBack)).ShouldBeEmpty();
        (await OutboxAsync(portal.Factory, rolledBack)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_saved_mail_wakes_the_drain_at_once()
    {
        // The drain's period is a minute; the mail arrives well before it.
        var recipient = Recipient("segera");
        var watch = Stopwatch.StartNew();
        await QueueAsync(portal.Factory, [recipient], "Segera");
        await portal.Mailbox.WaitForAsync(recipient, timeout: TimeSpan.FromSeconds(20));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }
}

/// <summary>A mail server that hangs: the request answers at once, the mail waits with its error and goes once the server is back.</summary>
public sealed class OutboxServerDownTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private Smtp4dev _mailbox = null!;
    private TcpProxy _proxy = null!;
    private TcpListener _hanging = null!;
    private ClockedPortalFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _mailbox = await Smtp4dev.SharedAsync();
        _proxy = new TcpProxy(_mailbox.SmtpPort);
        // Until the test says so, the port belongs to a server that accepts and never answers.
        _hanging = new TcpListener(IPAddress.Loopback, _proxy.Port);
        _hanging.Start();
        var settings = _mailbox.PortalSettings(_proxy.Port);
        settings["Email:Timeout"] = "00:00:03";
        settings["Email:DrainInterval"] = "01:00:00";
        _factory = new ClockedPortalFactory(await TestDatabase.CreateAsync("maildown"), _clock, settings);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        _hanging.Stop();
        await _proxy.DisposeAsync();
        await _factory.DisposeAsync();
        await TestDatabase.DropAsync(_factory.Database);
    }

    [Fact]
    public async Task The_request_succeeds_at_once_and_the_mail_is_sent_when_the_server_is_back()
    {
        var (_, email, _) = await MemberAsync(_factory);
        using var client = _factory.CreatePortalClient();
        var watch = Stopwatch.StartNew();
        using var asked = await ForgotAsync(client, email);
        watch.Stop();
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The server hangs for 3 s per try (Email:Timeout): the request never waits for it.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));

        var failed = (await WaitForOutboxAsync(_factory, email, rows => rows.Count == 1 && rows[0].Attempts == 1)).Single();
        failed.SentAt.ShouldBeNull();
        failed.LastError.ShouldNotBeNull();
        failed.LastError.ShouldStartWith("TimeoutException");
        (await _mailbox.MailsToAsync(email)).ShouldBeEmpty();

        // The server comes back; after the mail's back-off (1 minute) the drain sends it, once.
        _hanging.Stop();
        _proxy.Start();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await using (var connection = new Npgsql.NpgsqlConnection(_factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>().UseNpgsql(connection).Options);
            await OutboxWake.WakeAsync(db.Database, CancellationToken.None);
        }

        var mail = (await _mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Atur ulang kata sandi Portal Paritrana");
        var sent = (await WaitForOutboxAsync(_factory, email, rows => rows.Single().SentAt is not null)).Single();
        sent.MessageId.ShouldBe(failed.MessageId);
        mail.MessageId.ShouldBe(failed.MessageId);
        sent.Attempts.ShouldBe(1);
        (await _mailbox.MailsToAsync(email)).Count.ShouldBe(1);
    }
}

/// <summary>Two portal instances on one database drain the same outbox at the same moment: every mail goes once.</summary>
public sealed class OutboxTwoInstancesTests : IAsyncLifetime
{
    private Smtp4dev _mailbox = null!;
    private PortalFactory _first = null!;
    private PortalFactory _second = null!;

    public async Task InitializeAsync()
    {
        _mailbox = await Smtp4dev.SharedAsync();
        var database = await TestDatabase.CreateAsync("mail2");
        _first = new PortalFactory(database, settings: _mailbox.PortalSettings());
        _second = new PortalFactory(database, settings: _mailbox.PortalSettings());
        _ = _first.Server;
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await TestDatabase.DropAsync(_first.Database);
    }

    [Fact]
    public async Task Each_mail_is_sent_exactly_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var recipients = Enumerable.Range(0, 15).Select(i => Recipient($"r{round}-{i}")).ToList();
            await QueueAsync(_first, recipients, $"Putaran {round}");

            // Besides both instances' job runners (woken by the save), a drain of each instance released together.
            using var start = new Barrier(2);
            var drains = new[] { _first, _second }.Select(factory => Task.Run(async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var drain = scope.ServiceProvider.GetRequiredService<OutboxDrain>();
                start.SignalAndWait();
                await drain.RunAsync(JsonDocument.Parse("{}").RootElement, CancellationToken.None);
            })).ToList();
            await Task.WhenAll(drains);

            foreach (var recipient in recipients)
            {
                await _mailbox.WaitForAsync(recipient);
            }

            // All sent, and no drain still running that could send one again.
            await WaitForDrainsAsync();
            var rows = await OutboxAsync(_first);
            rows.Where(r => recipients.Contains(r.Recipient)).ShouldAllBe(r => r.SentAt != null && r.Attempts == 0);
            var counts = await _mailbox.CountsAsync();
            recipients.Select(r => counts.GetValueOrDefault(r)).ShouldAllBe(n => n == 1, $"round {round}");
        }
    }

    private async Task WaitForDrainsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        await using var connection = new Npgsql.NpgsqlConnection(_first.ConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM jobs WHERE kind = 'mail.send' AND status = 'running'", connection);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the mail drain job never finished");
            await Task.Delay(100);
        }
    }

    private static string Recipient(string what) => $"{what}.{Guid.NewGuid():N}@uji.paritrana";

    private static async Task QueueAsync(PortalFactory factory, IEnumerable<string> recipients, string subject)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        foreach (var recipient in recipients)
        {
            outbox.Queue(recipient, MailOutbox.Indonesian, _ => new MailContent(subject, "Halo,", ["Isi."], null, null, "Salam"));
        }

        await scope.ServiceProvider.GetRequiredService<ParitranaDbContext>().SaveChangesAsync();
    }
}
