using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Features.Notifications;

/// <summary>What happened, to whom it is shown: the kind, the thing's province and name, its page, and the work it asks for.</summary>
public sealed record NotificationEvent(NotificationKind Kind, string ProvinceCode, string Subject, string Link, string? WorkKey = null);

/// <summary>
/// Raises notifications in the caller's DbContext (docs/decisions/030-notifications.md): the rows,
/// and the mail of those who chose immediate mail (<see cref="MailOutbox.Queue"/>, in their
/// language), are saved by the caller's SaveChanges with the change that causes them, or not at
/// all. Recipients are narrowed to active accounts of the event's province, so that nobody hears
/// of another province; the person who acted is left out. Without an outbox (the demo seeder) no mail is queued.
/// </summary>
public sealed class Notifier(ParitranaDbContext db, MailOutbox? outbox, TimeProvider clock)
{
    /// <summary>One recipient as the notifier needs them: address, name, mail choice and language.</summary>
    public sealed record Recipient(Guid Id, string? Email, string FullName, MailFrequency Mail, string Language);

    /// <summary>Recipients among <paramref name="userIds"/>: active, of <paramref name="provinceCode"/>, with their preferences.</summary>
    /// <remarks>The national stage's "province" (<see cref="NationalStage.Code"/>) is the national jury's: its recipients are the enabled jurors.</remarks>
    public static IQueryable<Recipient> InProvince(ParitranaDbContext db, IReadOnlyCollection<Guid> userIds, string provinceCode) =>
        from u in NationalStage.IsNational(provinceCode) ? Scoring.ScoringLookups.Jurors(db) : db.Users.Where(u => u.ProvinceCode == provinceCode && !u.IsDisabled)
        where userIds.Contains(u.Id)
        from p in db.UserPreferences.Where(p => p.UserId == u.Id).DefaultIfEmpty()
        select new Recipient(u.Id, u.Email, u.FullName, p == null ? MailFrequency.Immediate : p.Mail, p == null ? MailOutbox.Indonesian : p.Language);

    public async Task<int> RaiseAsync(IEnumerable<Guid> userIds, NotificationEvent e, Guid? actor, CancellationToken ct)
    {
        var ids = userIds.Where(id => id != actor).Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var recipients = await InProvince(db, ids, e.ProvinceCode).AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var person in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = person.Id,
                Kind = e.Kind,
                ProvinceCode = e.ProvinceCode,
                Subject = Truncate(e.Subject, 300),
                Link = e.Link,
                WorkKey = e.WorkKey,
                CreatedAt = now,
            });
            QueueMail(person, e.Kind, e.Subject, e.Link, e.WorkKey);
        }

        return recipients.Count;
    }

    /// <summary>
    /// One notification about the person's own account (no mail: the caller mails what must reach
    /// them whatever they chose). It has no province: shown to them in any province, and to an
    /// account without one (the administrator), so that bell and mail tell of the same events (docs/decisions/045).
    /// </summary>
    public void AddAboutAccount(PortalUser user, NotificationKind kind, string link) =>
        db.Notifications.Add(new Notification
        {
            UserId = user.Id,
            Kind = kind,
            ProvinceCode = null,
            Subject = Truncate(user.Email ?? "", 300),
            Link = link,
            CreatedAt = clock.GetUtcNow(),
        });

    /// <summary>
    /// Tells the active representatives of <paramref name="organisationId"/> (issue 18, docs/decisions/050):
    /// notifications about their own organisation's items carry no province (the bell's rule of
    /// docs/decisions/045: shown to an account without one), with the immediate mail of those who chose it.
    /// Saved by the caller's SaveChanges.
    /// </summary>
    public async Task<int> RaiseToCandidateAsync(int organisationId, NotificationKind kind, string subject, string link, Guid? actor, CancellationToken ct, string? workKey = null)
    {
        var recipients = await (
                from u in db.Users
                where u.OrganisationId == organisationId && !u.IsDisabled && u.Id != actor
                where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CandidateRepresentative))
                from p in db.UserPreferences.Where(p => p.UserId == u.Id).DefaultIfEmpty()
                select new Recipient(u.Id, u.Email, u.FullName, p == null ? MailFrequency.Immediate : p.Mail, p == null ? MailOutbox.Indonesian : p.Language))
            .AsNoTracking()
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var person in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = person.Id,
                Kind = kind,
                ProvinceCode = null,
                Subject = Truncate(subject, 300),
                Link = link,
                WorkKey = workKey,
                CreatedAt = now,
            });
            QueueMail(person, kind, subject, link, workKey);
        }

        return recipients.Count;
    }

    /// <summary>The work key of a candidate's answer to a coaching item, awaiting its committee: settled when the committee resolves it or sends it back.</summary>
    public static string CoachingAnswerWork(int coachingItemId) => $"coaching-answer:{coachingItemId}";

    /// <summary>The language <paramref name="userId"/> chose ("id" without a choice).</summary>
    public async Task<string> LanguageOfAsync(Guid userId, CancellationToken ct) =>
        await db.UserPreferences.Where(p => p.UserId == userId).Select(p => p.Language).FirstOrDefaultAsync(ct) ?? MailOutbox.Indonesian;

    /// <summary>Queues the immediate mail of one notification, when its recipient chose that.</summary>
    public void QueueMail(Recipient person, NotificationKind kind, string subject, string link, string? workKey = null)
    {
        if (outbox is not null && person.Mail == MailFrequency.Immediate && !string.IsNullOrWhiteSpace(person.Email))
        {
            outbox.Queue(person.Email, person.Language, l => NotificationTexts.Mail(l, person.FullName, kind, subject, outbox.Settings.Link(link))).WorkKey = workKey;
        }
    }

    /// <summary>
    /// The work <paramref name="workKey"/> is done: its open notifications leave the bell (saved by
    /// the caller), and its mails still unsent are cancelled at once, in the caller's transaction
    /// (call it inside one): a mail the drain is sending at that moment holds its row, and is
    /// left alone once sent (docs/decisions/039).
    /// </summary>
    public Task SettleAsync(string workKey, CancellationToken ct) => SettleAsync([workKey], ct);

    /// <inheritdoc cref="SettleAsync(string, CancellationToken)"/>
    public async Task SettleAsync(IReadOnlyCollection<string> workKeys, CancellationToken ct)
    {
        if (workKeys.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var keys = workKeys.ToArray();
        foreach (var n in await db.Notifications.Where(n => n.WorkKey != null && keys.Contains(n.WorkKey) && n.SettledAt == null).ToListAsync(ct))
        {
            n.SettledAt = now;
        }

        await db.OutboxMails
            .Where(m => m.WorkKey != null && keys.Contains(m.WorkKey) && m.SentAt == null && m.CancelledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CancelledAt, now), ct);
    }

    /// <summary>The work key of a nomination that waits for its committee (returned: to be fixed and resubmitted).</summary>
    public static string NominationWork(int nominationId) => $"nomination:{nominationId}";

    /// <summary>The work key of a coaching item's reminders (due tomorrow, overdue): settled when it is resolved or waived.</summary>
    public static string CoachingWork(int coachingItemId) => $"coaching:{coachingItemId}";

    /// <summary>The work key of a visit's reminder (tomorrow): settled when it is recorded, cancelled or moved.</summary>
    public static string VisitWork(int visitId) => $"visit:{visitId}";

    /// <summary>
    /// The work key of a scorer's "round closing" reminder: the person's cards of that round, settled
    /// when they have sent the last of them or when the round is closed (docs/decisions/045).
    /// </summary>
    public static string RoundWork(int roundId, Guid scorerId) => $"round:{roundId}:{scorerId:N}";

    /// <summary>
    /// A scorer's assignments whose card is still to send: no card submitted, no conflict declared
    /// (what the "round closing" reminder is about).
    /// </summary>
    public static IQueryable<Assignment> CardsToSend(ParitranaDbContext db) =>
        db.Assignments.Where(a =>
            !db.Scorecards.Any(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == a.ScorerId && c.Status == ScorecardStatus.Submitted)
            && !db.ConflictDeclarations.Any(d => d.NominationId == a.NominationId && d.ScorerId == a.ScorerId));

    /// <summary>
    /// Settles <paramref name="scorerId"/>'s "round closing" reminder of <paramref name="roundId"/>
    /// when no card of theirs is left to send there (read in the caller's transaction, after its change is saved).
    /// </summary>
    public async Task SettleRoundIfDoneAsync(int roundId, Guid scorerId, CancellationToken ct)
    {
        if (!await CardsToSend(db).AnyAsync(a => a.RoundId == roundId && a.ScorerId == scorerId, ct))
        {
            await SettleAsync(RoundWork(roundId, scorerId), ct);
        }
    }

    /// <summary>The work key of a scorer's card in a round.</summary>
    public static string CardWork(int roundId, int nominationId, Guid scorerId) => $"card:{roundId}:{nominationId}:{scorerId:N}";

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
