using Microsoft.Extensions.DependencyInjection;
using Paritrana.Web.Infrastructure;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The recurring job retention.prune (docs/decisions/039): sent or cancelled mail after 30 days,
/// ended or expired sessions after 90, read notifications after 90; unsent mail, open sessions and
/// unread notifications (settled or not) whatever their age, and an unsettled "overdue" reminder (its once-only key).
/// </summary>
public sealed class RetentionPruningTests : IAsyncLifetime
{
    private ClockedPortalFactory? _portal;

    private ClockedPortalFactory Portal => _portal!;

    public async Task InitializeAsync()
    {
        _portal = new ClockedPortalFactory(await TestDatabase.CreateAsync("prune"), new TestClock());
        _ = _portal.Server;
    }

    public async Task DisposeAsync()
    {
        await _portal!.DisposeAsync();
        await TestDatabase.DropAsync(_portal.Database);
    }

    [Fact]
    public async Task A_run_deletes_exactly_the_rows_past_their_retention()
    {
        var now = Portal.Clock.GetUtcNow();
        string Ago(double days) => $"'{now.AddDays(-days):O}'::timestamptz";
        var user = await TestDatabase.ScalarAsync<Guid>(Portal.Database, "SELECT id FROM users WHERE email = 'anggota.bali@paritrana.demo'");
        await TestDatabase.ExecuteAsync(
            $"""
            INSERT INTO outbox_mails (message_id, recipient, language, subject, text_body, html_body, created_at, next_attempt_at, attempts, last_error, sent_at) VALUES
              ('prune-sent-31@x', 'a@uji', 'id', 'prune', '', '', {Ago(31)}, {Ago(31)}, 0, NULL, {Ago(31)}),
              ('prune-sent-29@x', 'a@uji', 'id', 'prune', '', '', {Ago(31)}, {Ago(31)}, 0, NULL, {Ago(29)}),
              ('prune-unsent-400@x', 'a@uji', 'id', 'prune', '', '', {Ago(400)}, {Ago(399)}, 8, 'refused', NULL),
              ('prune-waiting-40@x', 'a@uji', 'id', 'prune', '', '', {Ago(40)}, {Ago(40)}, 0, NULL, NULL);
            INSERT INTO outbox_mails (message_id, recipient, language, subject, text_body, html_body, created_at, next_attempt_at, attempts, cancelled_at) VALUES
              ('prune-cancelled-31@x', 'a@uji', 'id', 'prune', '', '', {Ago(40)}, {Ago(40)}, 0, {Ago(31)});
            INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, expires_at, ended_at, ended_reason) VALUES
              ('00000000-0000-0000-0000-00000000e091', '{user}', {Ago(100)}, {Ago(95)}, {Ago(99)}, {Ago(91)}, 'SignedOut'),
              ('00000000-0000-0000-0000-00000000e089', '{user}', {Ago(100)}, {Ago(95)}, {Ago(99)}, {Ago(89)}, 'SignedOut'),
              ('00000000-0000-0000-0000-00000000f091', '{user}', {Ago(100)}, {Ago(95)}, {Ago(91)}, NULL, NULL),
              ('00000000-0000-0000-0000-00000000f089', '{user}', {Ago(100)}, {Ago(95)}, {Ago(89)}, NULL, NULL),
              ('00000000-0000-0000-0000-0000000000a1', '{user}', {Ago(0.5)}, {Ago(0.1)}, '{now.AddHours(10):O}'::timestamptz, NULL, NULL);
            INSERT INTO notifications (user_id, kind, province_code, subject, link, reminder_key, created_at, read_at, settled_at) VALUES
              ('{user}', 'NominationVerified', '51', 'prune read 91', '/', NULL, {Ago(200)}, {Ago(91)}, NULL),
              ('{user}', 'NominationVerified', '51', 'prune read 89', '/', NULL, {Ago(200)}, {Ago(89)}, NULL),
              ('{user}', 'NominationReturned', '51', 'prune settled 91', '/', NULL, {Ago(200)}, NULL, {Ago(91)}),
              ('{user}', 'NominationVerified', '51', 'prune unread 400', '/', NULL, {Ago(400)}, NULL, NULL),
              ('{user}', 'CoachingOverdue', '51', 'prune overdue read 91', '/', 'prune-overdue-key', {Ago(200)}, {Ago(91)}, NULL),
              ('{user}', 'CoachingOverdue', '51', 'prune overdue settled 91', '/', 'prune-overdue-settled', {Ago(200)}, {Ago(95)}, {Ago(91)});
            """, Portal.Database);

        // The job is one of the shared mechanism's recurring kinds.
        Portal.Services.GetServices<JobKind>().Single(k => k.Kind == RetentionPruning.Kind).Recurring.ShouldBeTrue();

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<RetentionPruning>();
            (await job.RunAsync(default, CancellationToken.None)).ShouldBe(JobResult.RepeatAfter(TimeSpan.FromDays(1)));
        }

        (await ListAsync("SELECT message_id FROM outbox_mails WHERE subject = 'prune'")).ShouldBe(["prune-sent-29@x", "prune-unsent-400@x", "prune-waiting-40@x"]);
        (await ListAsync("SELECT id::text FROM user_sessions WHERE id::text LIKE '00000000-0000-0000-0000-%'"))
            .ShouldBe(["00000000-0000-0000-0000-0000000000a1", "00000000-0000-0000-0000-00000000e089", "00000000-0000-0000-0000-00000000f089"]);
        (await ListAsync("SELECT subject FROM notifications WHERE subject LIKE 'prune %'"))
            .ShouldBe(["prune overdue read 91", "prune read 89", "prune settled 91", "prune unread 400"]);

        // A second run finds nothing more; a month later the mail kept at 29 days goes too.
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<RetentionPruning>();
            (await job.PruneAsync(CancellationToken.None)).ShouldBe(new RetentionPruning.Report(0, 0, 0));
            (await ListAsync("SELECT message_id FROM outbox_mails WHERE subject = 'prune'")).ShouldBe(["prune-sent-29@x", "prune-unsent-400@x", "prune-waiting-40@x"]);
            Portal.Clock.Advance(TimeSpan.FromDays(2));
            await job.PruneAsync(CancellationToken.None);
        }

        (await ListAsync("SELECT message_id FROM outbox_mails WHERE subject = 'prune'")).ShouldBe(["prune-unsent-400@x", "prune-waiting-40@x"]);
        (await ListAsync("SELECT id::text FROM user_sessions WHERE id::text LIKE '00000000-0000-0000-0000-%'")).ShouldBe(["00000000-0000-0000-0000-0000000000a1"]);
        (await ListAsync("SELECT subject FROM notifications WHERE subject LIKE 'prune %'")).ShouldBe(["prune overdue read 91", "prune settled 91", "prune unread 400"]);
    }

    private async Task<List<string>> ListAsync(string sql) =>
        [.. ((await TestDatabase.ScalarAsync<string[]>(Portal.Database, $"SELECT coalesce(array_agg(x ORDER BY x COLLATE \"C\"), '{{}}') FROM ({sql}) AS t(x)")) ?? [])];
}
