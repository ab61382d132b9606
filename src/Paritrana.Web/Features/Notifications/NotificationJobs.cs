using System.Text.Json;
using Paritrana.Web.Infrastructure.Jobs;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Features.Notifications;

/// <summary>The reminder sweep as a recurring job (every <see cref="Interval"/>; idempotent, see <see cref="ReminderSweep"/>).</summary>
public sealed partial class ReminderJob(ReminderSweep sweep, ILogger<ReminderJob> logger) : IJobHandler
{
    public const string Kind = "notifications.reminders";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
    {
        var report = await sweep.RunAsync(ct);
        LogSwept(report.Total, report.Mails);
        return JobResult.RepeatAfter(Interval);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder sweep queued {Notifications} notifications and {Mails} mails")]
    private partial void LogSwept(int notifications, int mails);
}

/// <summary>
/// The daily digest (docs/decisions/030): from 07:00 WIB, each person who chose the digest and has
/// open notifications gets one mail listing them. The day is claimed per person with a conditional
/// UPDATE of <see cref="UserPreference.LastDigestOn"/> in the transaction that queues the mail, so a
/// second run (or instance) the same day sends nothing more.
/// </summary>
public sealed class DigestJob(ParitranaDbContext db, MailOutbox outbox, TimeProvider clock) : IJobHandler
{
    public const string Kind = "notifications.digest";

    /// <summary>The hour (WIB) from which the day's digest is sent.</summary>
    public const int Hour = 7;

    public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
    {
        await SendAsync(ct);
        return JobResult.RepeatAfter(UntilNext(clock.GetUtcNow()));
    }

    /// <summary>Queues today's digests not yet queued; returns how many.</summary>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Wib.ToWib(now).Hour < Hour)
        {
            return 0;
        }

        var today = Wib.Today(clock);
        var due = await (
            from p in db.UserPreferences
            where p.Mail == MailFrequency.DailyDigest && (p.LastDigestOn == null || p.LastDigestOn < today)
            join u in db.Users on p.UserId equals u.Id
            where !u.IsDisabled && u.Email != null
            select new { u.Id, u.Email, u.FullName, p.Language }).AsNoTracking().ToListAsync(ct);
        var sent = 0;
        foreach (var person in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.UserPreferences
                .Where(p => p.UserId == person.Id && (p.LastDigestOn == null || p.LastDigestOn < today))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestOn, today), ct);
            var open = claimed == 0 ? [] : await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == person.Id && n.ReadAt == null && n.SettledAt == null)
                .OrderByDescending(n => n.Id)
                .Take(50)
                .Select(n => new { n.Kind, n.Subject, n.Link })
                .ToListAsync(ct);
            if (open.Count > 0)
            {
                outbox.Queue(person.Email!, person.Language, l => NotificationTexts.Digest(
                    l, person.FullName, open.Select(n => (n.Kind, n.Subject, outbox.Settings.Link(n.Link))).ToList(), outbox.Settings.Link("/Notifications")));
                await db.SaveChangesAsync(ct);
                sent++;
            }

            await transaction.CommitAsync(ct);
        }

        return sent;
    }

    /// <summary>Until the next 07:00 WIB (at least a minute).</summary>
    public static TimeSpan UntilNext(DateTimeOffset now)
    {
        var wib = Wib.ToWib(now);
        var next = new DateTimeOffset(wib.Date.AddHours(Hour), Wib.Offset);
        if (next <= wib)
        {
            next = next.AddDays(1);
        }

        var wait = next - now;
        return wait < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait;
    }
}

/// <summary><c>dotnet Paritrana.Web.dll send-reminders</c>: runs the reminder sweep once and prints what it queued.</summary>
public static class ReminderCommand
{
    public const string Verb = "send-reminders";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            if (report.Notifications.TryGetValue(kind, out var count))
            {
                await output.WriteLineAsync(FormattableString.Invariant($"{kind}: {count}"));
            }
        }

        await output.WriteLineAsync(FormattableString.Invariant($"Reminders queued: {report.Total}; mails queued: {report.Mails}."));
        return 0;
    }
}
