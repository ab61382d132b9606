using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Paritrana.Domain.Notifications;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The migration ReminderWorkKeys (docs/decisions/045): reminders queued before OutboxWorkKey, and
/// their mails still unsent, get the work key the sweep gives them now, so that doing the work
/// settles them; those whose work was already done are settled at once and their mails cancelled.
/// The demo database is taken back to OutboxWorkKey, old-style rows are written, and it is migrated up.
/// </summary>
public class ReminderWorkKeysMigrationTests : IAsyncLifetime
{
    private const string BeforeKeys = "20261204235513_OutboxWorkKey";
    private const string Portal = "https://portal.example/paritrana";
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("reminder_keys");
        // A database of OutboxWorkKey's time had no national stage, and NationalJuryAndNationalCriteria
        // cannot go down over one (its criteria versions and "00" rounds): the demo's is removed first.
        await TestDatabase.ExecuteAsync(
            """
            DELETE FROM scorecards WHERE round_id IN (SELECT id FROM scoring_rounds WHERE province_code = '00');
            DELETE FROM assignments WHERE round_id IN (SELECT id FROM scoring_rounds WHERE province_code = '00');
            DELETE FROM scoring_rounds WHERE province_code = '00';
            DELETE FROM criteria_sets WHERE stage <> 1;
            -- The national plenary's record and frozen document (docs/decisions/047): "00" is no province
            -- for the foreign keys that going down puts back.
            DELETE FROM plenary_decision_versions WHERE province_code = '00';
            DELETE FROM plenaries WHERE province_code = '00';
            """, _database);
        await using var db = BaselineTests.Context(_database);
        await db.GetService<IMigrator>().MigrateAsync(BeforeKeys);
    }

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    private Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) => TestDatabase.ScalarAsync<T>(_database, sql, parameters);

    private async Task<Guid> UserAsync(string email) =>
        await ScalarAsync<Guid>("SELECT id FROM users WHERE email = @e", ("e", email));

    /// <summary>A reminder as the sweep wrote it before work keys, with its immediate mail (unsent); returns the notification's id.</summary>
    private async Task<long> OldReminderAsync(NotificationKind kind, int thing, Guid user, string email, string subject, string link, DateTimeOffset at)
    {
        var key = Reminders.Key(kind, thing, DateOnly.FromDateTime(at.UtcDateTime), user);
        var id = await ScalarAsync<long>(
            "INSERT INTO notifications (user_id, kind, province_code, subject, link, reminder_key, created_at) VALUES (@u, @k, '51', @s, @l, @r, @at) RETURNING id",
            ("u", user), ("k", kind.ToString()), ("s", subject), ("l", link), ("r", key), ("at", at));
        await MailAsync(email, kind + " " + subject, new MailContent(kind + " " + subject, "Yth.", ["Pengingat."], "Buka di portal", Portal + link, "Salam").Text(), at.AddSeconds(2));
        return id;
    }

    private async Task MailAsync(string recipient, string subject, string text, DateTimeOffset at) =>
        await ScalarAsync<long>(
            """
            INSERT INTO outbox_mails (message_id, recipient, language, subject, text_body, html_body, created_at, next_attempt_at, attempts)
            VALUES (gen_random_uuid()::text, @r, 'id', @s, @t, '<p></p>', @at, @at, 0) RETURNING id
            """,
            ("r", recipient), ("s", subject), ("t", text), ("at", at));

    /// <summary>"work key | open or settled | mails waiting with that key | mails cancelled with that key".</summary>
    private async Task<string?> StateAsync(long notification) => await ScalarAsync<string>(
        """
        SELECT concat_ws('|', n.work_key, CASE WHEN n.settled_at IS NULL THEN 'open' ELSE 'settled' END,
          (SELECT count(*) FROM outbox_mails m WHERE m.work_key = n.work_key AND m.sent_at IS NULL AND m.cancelled_at IS NULL),
          (SELECT count(*) FROM outbox_mails m WHERE m.work_key = n.work_key AND m.cancelled_at IS NOT NULL))
        FROM notifications n WHERE n.id = @id
        """, ("id", notification));

    [Fact]
    public async Task Old_reminders_get_their_work_key_with_their_unsent_mail_and_those_whose_work_is_done_are_settled()
    {
        const string member = "anggota.bali@paritrana.demo";
        const string chair = "ketua.bali@paritrana.demo";
        var memberId = await UserAsync(member);
        var chairId = await UserAsync(chair);
        // The demo's Kota Denpasar: one coaching item open (overdue), one resolved; one visit planned, one done.
        var openItem = await ScalarAsync<int>("SELECT min(c.id) FROM coaching_items c JOIN nominations n ON n.id = c.nomination_id WHERE c.status IN (1, 2) AND n.status <> 13 AND c.province_code = '51'");
        var resolvedItem = await ScalarAsync<int>("SELECT min(id) FROM coaching_items WHERE status = 3 AND province_code = '51'");
        var plannedVisit = await ScalarAsync<int>("SELECT min(v.id) FROM visits v JOIN nominations n ON n.id = v.nomination_id WHERE v.status = 1 AND n.status <> 13 AND v.province_code = '51'");
        var doneVisit = await ScalarAsync<int>("SELECT min(id) FROM visits WHERE status = 2 AND province_code = '51'");
        // Bali's documents round, open: the member has cards to send, the chair has sent both.
        var round = await ScalarAsync<int>("SELECT id FROM scoring_rounds WHERE province_code = '51' AND status = 2 AND name = 'Penilaian Dokumen'");
        new[] { openItem, resolvedItem, plannedVisit, doneVisit, round }.ShouldAllBe(id => id > 0);
        (await ScalarAsync<long>(
            "SELECT count(*) FROM assignments a WHERE a.round_id = @r AND a.scorer_id = @u AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.round_id = a.round_id AND s.nomination_id = a.nomination_id AND s.scorer_id = a.scorer_id AND s.status = 2)",
            ("r", round), ("u", chairId))).ShouldBe(0L);

        var at = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
        var itemLink = $"/FieldWork/Coaching/Item/{openItem}";
        var open = await OldReminderAsync(NotificationKind.CoachingOverdue, openItem, chairId, chair, "Pemerintah Kota Denpasar", itemLink, at);
        var resolved = await OldReminderAsync(NotificationKind.CoachingDueTomorrow, resolvedItem, chairId, chair, "Pemerintah Kota Denpasar", $"/FieldWork/Coaching/Item/{resolvedItem}", at);
        var planned = await OldReminderAsync(NotificationKind.VisitTomorrow, plannedVisit, memberId, member, "Pemerintah Kota Denpasar", $"/FieldWork/Visits/Details/{plannedVisit}", at);
        var done = await OldReminderAsync(NotificationKind.VisitTomorrow, doneVisit, memberId, member, "Pemerintah Kota Denpasar", $"/FieldWork/Visits/Details/{doneVisit}", at);
        var memberRound = await OldReminderAsync(NotificationKind.RoundClosingSoon, round, memberId, member, "Penilaian Dokumen", "/Scoring", at);
        var chairRound = await OldReminderAsync(NotificationKind.RoundClosingSoon, round, chairId, chair, "Penilaian Dokumen", "/Scoring", at);
        // Not reminders' mails: a digest naming the item in its list (its link is the list page), a mail of another day.
        await MailAsync(chair, "Ringkasan harian", new MailContent("Ringkasan harian", "Yth.", ["• Butir pembinaan Pemerintah Kota Denpasar — " + Portal + itemLink], "Lihat semua", Portal + "/Notifications", "Salam").Text(), at.AddSeconds(3));
        await MailAsync(chair, "CoachingOverdue Pemerintah Kota Denpasar", new MailContent("x", "Yth.", ["Pengingat."], "Buka di portal", Portal + itemLink, "Salam").Text(), at.AddDays(-3));

        await using (var db = BaselineTests.Context(_database))
        {
            await db.GetService<IMigrator>().MigrateAsync();
        }

        (await StateAsync(open)).ShouldBe($"{Notifier.CoachingWork(openItem)}|open|1|0");
        (await StateAsync(resolved)).ShouldBe($"{Notifier.CoachingWork(resolvedItem)}|settled|0|1");
        (await StateAsync(planned)).ShouldBe($"{Notifier.VisitWork(plannedVisit)}|open|1|0");
        (await StateAsync(done)).ShouldBe($"{Notifier.VisitWork(doneVisit)}|settled|0|1");
        (await StateAsync(memberRound)).ShouldBe($"{Notifier.RoundWork(round, memberId)}|open|1|0");
        (await StateAsync(chairRound)).ShouldBe($"{Notifier.RoundWork(round, chairId)}|settled|0|1");
        (await ScalarAsync<long>("SELECT count(*) FROM outbox_mails WHERE recipient = @r AND work_key IS NULL AND cancelled_at IS NULL AND created_at BETWEEN @from AND @to", ("r", chair), ("from", at.AddDays(-3)), ("to", at.AddMinutes(1))))
            .ShouldBe(2L);
    }
}
