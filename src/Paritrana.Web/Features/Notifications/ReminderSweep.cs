using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Paritrana.Web.Features.Notifications;

/// <summary>
/// The reminder sweep (docs/decisions/030-notifications.md): coaching items due tomorrow or
/// overdue, visits tomorrow, rounds closing in three days, each on its province's calendar. Every reminder has a once-only key
/// (<see cref="Reminders.Key"/>) under a unique index; the sweep inserts with
/// <c>ON CONFLICT DO NOTHING</c> and queues mail only for the rows it inserted, in one transaction:
/// run twice, or on three instances at once, each reminder is queued once. Coaching and visit
/// reminders carry the work key of their item or visit (<see cref="Notifier.CoachingWork"/>,
/// <see cref="Notifier.VisitWork"/>), as do their mails: resolving the item, recording, cancelling or
/// moving the visit, or withdrawing the nomination settles them and cancels the mails not yet sent.
/// A "round closing" reminder carries the person's work in that round (<see cref="Notifier.RoundWork"/>):
/// settled when they send their last card of it, or when the round is closed.
/// </summary>
public sealed class ReminderSweep(ParitranaDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>What one run queued: notifications per kind and mails.</summary>
    public sealed record Report(IReadOnlyDictionary<NotificationKind, int> Notifications, int Mails)
    {
        public int Total => Notifications.Values.Sum();
    }

    private sealed record Candidate(NotificationKind Kind, int ThingId, DateOnly Date, string ProvinceCode, string Subject, string Link, Guid UserId)
    {
        public string Key => Reminders.Key(Kind, ThingId, Date, UserId);

        /// <summary>The work it reminds of: settled (and its unsent mail cancelled) when that is done.</summary>
        public string? WorkKey => Kind switch
        {
            NotificationKind.CoachingDueTomorrow or NotificationKind.CoachingOverdue => Notifier.CoachingWork(ThingId),
            NotificationKind.VisitTomorrow => Notifier.VisitWork(ThingId),
            NotificationKind.RoundClosingSoon => Notifier.RoundWork(ThingId, UserId),
            _ => null,
        };
    }

    public async Task<Report> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = new List<Candidate>();
        await AddCoachingAsync(candidates, now, ct);
        await AddVisitsAsync(candidates, now, ct);
        await AddRoundsAsync(candidates, now, ct);

        // Only active accounts of the thing's province hear of it.
        var people = await PeopleAsync(candidates.Select(c => c.UserId).Distinct().ToList(), ct);
        var due = candidates
            .Where(c => people.TryGetValue(c.UserId, out var p) && p.Province == c.ProvinceCode)
            .DistinctBy(c => c.Key)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inserted = await InsertAsync(due, now, ct);
        var mails = 0;
        var counts = new Dictionary<NotificationKind, int>();
        foreach (var c in due.Where(c => inserted.Contains(c.Key)))
        {
            counts[c.Kind] = counts.GetValueOrDefault(c.Kind) + 1;
            var person = people[c.UserId].Recipient;
            if (person.Mail == MailFrequency.Immediate && !string.IsNullOrWhiteSpace(person.Email))
            {
                notifier.QueueMail(person, c.Kind, c.Subject, c.Link, c.WorkKey);
                mails++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Report(counts, mails);
    }

    /// <summary>Open coaching items due tomorrow or overdue: to their creator and the province's chairs.</summary>
    private async Task AddCoachingAsync(List<Candidate> into, DateTimeOffset now, CancellationToken ct)
    {
        // Tomorrow is at most two days ahead of UTC's today anywhere in Indonesia.
        var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(2);
        var items = await db.CoachingItems.AsNoTracking()
            .Where(c => (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress) && c.DueDate <= latest)
            .Where(c => db.Nominations.Any(n => n.Id == c.NominationId && n.Status != NominationStatus.Withdrawn && db.AwardCycles.Any(y => y.Id == n.CycleId && !y.IsClosed)))
            .Select(c => new { c.Id, c.ProvinceCode, c.DueDate, c.CreatedBy, Name = db.Nominations.Where(n => n.Id == c.NominationId).Select(n => n.Organisation!.Name).First() })
            .ToListAsync(ct);
        var chairs = await ChairsAsync(items.Select(i => i.ProvinceCode).Distinct().ToList(), ct);
        foreach (var item in items)
        {
            if (Reminders.ForCoaching(item.DueDate, ProvinceTime.Today(now, item.ProvinceCode)) is not NotificationKind kind)
            {
                continue;
            }

            foreach (var user in chairs[item.ProvinceCode].Append(item.CreatedBy))
            {
                into.Add(new Candidate(kind, item.Id, item.DueDate, item.ProvinceCode, item.Name, $"/FieldWork/Coaching/Item/{item.Id}", user));
            }
        }
    }

    /// <summary>Planned visits on the province's next calendar day: to the members going.</summary>
    private async Task AddVisitsAsync(List<Candidate> into, DateTimeOffset now, CancellationToken ct)
    {
        var until = now.AddDays(3);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Planned && v.PlannedAt > now && v.PlannedAt < until)
            .Where(v => db.Nominations.Any(n => n.Id == v.NominationId && n.Status != NominationStatus.Withdrawn))
            .Select(v => new
            {
                v.Id,
                v.ProvinceCode,
                v.PlannedAt,
                Members = v.Members.Select(m => m.UserId).ToList(),
                Name = db.Nominations.Where(n => n.Id == v.NominationId).Select(n => n.Organisation!.Name).First(),
            })
            .ToListAsync(ct);
        foreach (var visit in visits)
        {
            var today = ProvinceTime.Today(now, visit.ProvinceCode);
            if (!Reminders.IsVisitTomorrow(visit.PlannedAt, today, visit.ProvinceCode))
            {
                continue;
            }

            foreach (var user in visit.Members)
            {
                into.Add(new Candidate(NotificationKind.VisitTomorrow, visit.Id, today.AddDays(1), visit.ProvinceCode, visit.Name, $"/FieldWork/Visits/Details/{visit.Id}", user));
            }
        }
    }

    /// <summary>Open rounds closing in <see cref="Reminders.RoundClosingDays"/> days: to the scorers with a card still to send.</summary>
    private async Task AddRoundsAsync(List<Candidate> into, DateTimeOffset now, CancellationToken ct)
    {
        var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(Reminders.RoundClosingDays + 1);
        var rounds = await db.ScoringRounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.ClosesOn != null && r.ClosesOn <= latest)
            .Select(r => new
            {
                r.Id,
                r.ProvinceCode,
                r.Name,
                ClosesOn = r.ClosesOn!.Value,
            })
            .ToListAsync(ct);
        rounds = rounds.Where(r => Reminders.IsRoundClosingSoon(r.ClosesOn, ProvinceTime.Today(now, r.ProvinceCode))).ToList();
        var ids = rounds.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // The scorers with a card still to send in each of them.
        var scorers = (await Notifier.CardsToSend(db).AsNoTracking()
                .Where(a => ids.Contains(a.RoundId))
                .Select(a => new { a.RoundId, a.ScorerId }).Distinct()
                .ToListAsync(ct))
            .ToLookup(a => a.RoundId, a => a.ScorerId);
        foreach (var round in rounds)
        {
            foreach (var user in scorers[round.Id].Order())
            {
                into.Add(new Candidate(NotificationKind.RoundClosingSoon, round.Id, round.ClosesOn, round.ProvinceCode, round.Name, "/Scoring", user));
            }
        }
    }

    private async Task<ILookup<string, Guid>> ChairsAsync(List<string> provinces, CancellationToken ct)
    {
        var chairs = await (
            from u in db.Users
            where u.ProvinceCode != null && provinces.Contains(u.ProvinceCode) && !u.IsDisabled
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.CommitteeChair
            select new { u.Id, Province = u.ProvinceCode! }).ToListAsync(ct);
        return chairs.ToLookup(c => c.Province, c => c.Id);
    }

    private async Task<Dictionary<Guid, (string? Province, Notifier.Recipient Recipient)>> PeopleAsync(List<Guid> ids, CancellationToken ct)
    {
        var people = await (
            from u in db.Users
            where ids.Contains(u.Id) && !u.IsDisabled
            from p in db.UserPreferences.Where(p => p.UserId == u.Id).DefaultIfEmpty()
            select new { u.ProvinceCode, u.Id, u.Email, u.FullName, Mail = p == null ? MailFrequency.Immediate : p.Mail, Language = p == null ? "id" : p.Language })
            .AsNoTracking().ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => ((string?)p.ProvinceCode, new Notifier.Recipient(p.Id, p.Email, p.FullName, p.Mail, p.Language)));
    }

    /// <summary>Inserts the reminders not yet there, in one statement; returns the keys it inserted.</summary>
    private async Task<HashSet<string>> InsertAsync(List<Candidate> due, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Count == 0)
        {
            return [];
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO notifications (user_id, kind, province_code, subject, link, reminder_key, work_key, created_at)
            SELECT t.user_id, t.kind, t.province_code, t.subject, t.link, t.reminder_key, t.work_key, @now
            FROM unnest(@users, @kinds, @provinces, @subjects, @links, @keys, @works) AS t(user_id, kind, province_code, subject, link, reminder_key, work_key)
            ON CONFLICT (reminder_key) DO NOTHING
            RETURNING reminder_key
            """, connection, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = due.Select(c => c.UserId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = due.Select(c => c.Kind.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("provinces", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = due.Select(c => c.ProvinceCode).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = due.Select(c => Notifier.Truncate(c.Subject, 300)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("links", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = due.Select(c => c.Link).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = due.Select(c => c.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("works", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = due.Select(c => (object?)c.WorkKey ?? DBNull.Value).ToArray() });
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
