using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Infrastructure.Mail;

/// <summary>
/// Queues e-mail: renders it in the recipient's language and adds it to the request's DbContext,
/// so that the caller's SaveChanges saves it in the same transaction as the change that causes it
/// (rolled back with it, never sent then). The save wakes the drain (<see cref="OutboxWake"/>).
/// docs/decisions/028-mail-outbox.md.
/// </summary>
public sealed class MailOutbox(ParitranaDbContext db, IStringLocalizer<SharedResource> l, MailSettings settings, TimeProvider clock)
{
    public const string Indonesian = "id";
    public const string English = "en";

    public MailSettings Settings => settings;

    /// <summary>"en" for an English interface, "id" otherwise.</summary>
    public static string LanguageOf(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == English ? English : Indonesian;

    /// <summary>
    /// Renders the mail with <paramref name="compose"/> in <paramref name="language"/> (texts through
    /// the localizer it is given) and adds it to the outbox; saved by the caller's SaveChanges.
    /// </summary>
    public OutboxMail Queue(string recipient, string language, Func<IStringLocalizer, MailContent> compose)
    {
        language = language == English ? English : Indonesian;
        var (previous, previousFormats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        MailContent content;
        try
        {
            CultureInfo.CurrentUICulture = language == English ? PortalServices.English : PortalServices.Indonesian;
            CultureInfo.CurrentCulture = PortalServices.FormatsFor(CultureInfo.CurrentUICulture.Name);
            content = compose(l);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (previous, previousFormats);
        }

        var now = clock.GetUtcNow();
        var mail = new OutboxMail
        {
            MessageId = $"{Guid.NewGuid():N}@{settings.MessageIdDomain}",
            Recipient = recipient,
            Language = language,
            Subject = content.Subject,
            TextBody = content.Text(),
            HtmlBody = content.Html(language),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMails.Add(mail);
        OutboxWake.After(db);
        return mail;
    }
}

/// <summary>
/// Wakes the drain when a SaveChanges saved queued mail: in that SaveChanges' transaction (or just
/// after it, when EF made its own), the queued <c>mail.send</c> job is made due now and the job
/// channel notified; PostgreSQL delivers the NOTIFY at commit, and a rollback takes both back. A
/// drain running at that moment gets a run_after later than its claim, which the runner keeps when
/// it queues the drain again (the wake is not lost while the drain runs).
/// </summary>
public sealed class OutboxWake : SaveChangesInterceptor
{
    public static OutboxWake Interceptor { get; } = new();

    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    /// <summary>Marks <paramref name="db"/>: its next successful SaveChanges wakes the drain.</summary>
    public static void After(DbContext db) => Pending.AddOrUpdate(db, Interceptor);

    /// <summary>Makes the queued drain due now and notifies the runners, on the context's connection and transaction.</summary>
    public static Task WakeAsync(DatabaseFacade database, CancellationToken ct) =>
        database.ExecuteSqlRawAsync(JobTable.WakeSql(OutboxDrain.Kind), ct);

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Pending.Remove(db))
        {
            try
            {
                await WakeAsync(db.Database, cancellationToken);
            }
            catch (Exception) when (db.Database.CurrentTransaction is null)
            {
                // The mail is committed already; the drain finds it at its next period.
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && Pending.Remove(db))
        {
            try
            {
                WakeAsync(db.Database, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception) when (db.Database.CurrentTransaction is null)
            {
                // As above: committed already, found at the next period.
            }
        }

        return result;
    }
}
