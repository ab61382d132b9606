namespace Paritrana.Web.Infrastructure.Mail;

/// <summary>
/// One e-mail waiting to be sent, or sent (docs/decisions/028-mail-outbox.md). It is added to the
/// request's DbContext (<see cref="MailOutbox.Queue"/>) and so saved in the same transaction as the
/// change that causes it; the <see cref="OutboxDrain"/> job sends it with MailKit. It is rendered
/// once, when queued, in the recipient's language: what is sent is what was stored.
/// </summary>
public class OutboxMail
{
    public long Id { get; set; }

    /// <summary>The Message-ID header, without angle brackets; the same on every attempt, so a receiver can drop a repeat.</summary>
    public required string MessageId { get; set; }

    public required string Recipient { get; set; }

    /// <summary>"id" or "en": the culture the mail was rendered in.</summary>
    public required string Language { get; set; }

    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time: the creation time, then the back-off after each failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the mail server accepted it; null while it waits.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The work the mail reminds of (a notification's work key, e.g. <c>coaching:12</c>): when it is done first, the mail is cancelled.</summary>
    public string? WorkKey { get; set; }

    /// <summary>When it was cancelled unsent (its work was done first); the drain never sends it.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}
