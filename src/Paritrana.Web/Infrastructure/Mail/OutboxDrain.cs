using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Infrastructure.Mail;

/// <summary>
/// The recurring job that sends the outbox (docs/decisions/028-mail-outbox.md). Each mail is claimed
/// in a transaction of its own with <c>FOR UPDATE SKIP LOCKED</c>, sent over one SMTP connection
/// kept for the whole run, and marked sent in that transaction: two drains running at once (on two
/// instances) never claim the same mail. A failure records the error and puts the mail off
/// (<see cref="MailSettings.Backoff"/>); when the server cannot be reached the run stops and is
/// tried again later. The job runs again at the next due mail or after
/// <see cref="MailSettings.DrainInterval"/>, and at once when a saved mail wakes it (<see cref="OutboxWake"/>).
/// </summary>
public sealed partial class OutboxDrain(IConfiguration configuration, MailSettings settings, TimeProvider clock, ILogger<OutboxDrain> logger) : IJobHandler
{
    public const string Kind = "mail.send";

    private sealed record Claimed(long Id, string MessageId, string Recipient, string Subject, string TextBody, string HtmlBody, int Attempts);

    public async Task<JobResult> RunAsync(JsonElement payload, CancellationToken ct)
    {
        if (!settings.CanSend)
        {
            return JobResult.RepeatAfter(settings.DrainInterval);
        }

        await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
        await connection.OpenAsync(ct);
        using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var step = Step.Sent;
        try
        {
            while (step == Step.Sent)
            {
                step = await SendNextAsync(connection, smtp, ct);
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                try
                {
                    await smtp.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogDebug(e, "QUIT to the mail server failed");
                }
            }
        }

        // The server could not be reached: the other due mails wait for the next period too.
        return JobResult.RepeatAfter(step == Step.Unreachable ? settings.DrainInterval : await NextRunAsync(connection, ct));
    }

    private enum Step { Sent, NoneDue, Unreachable }

    /// <summary>Claims, sends and marks one due mail (or records why it was not sent).</summary>
    private async Task<Step> SendNextAsync(NpgsqlConnection connection, SmtpClient smtp, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var mail = await ClaimAsync(connection, transaction, ct);
        if (mail is null)
        {
            await transaction.CommitAsync(ct);
            return Step.NoneDue;
        }

        var now = clock.GetUtcNow();
        try
        {
            if (!smtp.IsConnected)
            {
                await ConnectAsync(smtp, ct);
            }

            await smtp.SendAsync(Message(mail), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = mail.Attempts + 1;
            LogFailed(e, mail.MessageId, attempts);
            await using (var failed = new NpgsqlCommand(
                "UPDATE outbox_mails SET attempts = @attempts, last_error = @error, last_attempt_at = @now, next_attempt_at = @next WHERE id = @id",
                connection, transaction))
            {
                failed.Parameters.AddWithValue("attempts", attempts);
                failed.Parameters.AddWithValue("error", Truncate($"{e.GetType().Name}: {e.Message}"));
                failed.Parameters.AddWithValue("now", now);
                failed.Parameters.AddWithValue("next", now + MailSettings.Backoff(attempts));
                failed.Parameters.AddWithValue("id", mail.Id);
                await failed.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            // A refused recipient leaves the connection usable; an unreachable server ends this run.
            return smtp.IsConnected ? Step.Sent : Step.Unreachable;
        }

        await using (var sent = new NpgsqlCommand("UPDATE outbox_mails SET sent_at = @now, last_attempt_at = @now WHERE id = @id", connection, transaction))
        {
            sent.Parameters.AddWithValue("now", now);
            sent.Parameters.AddWithValue("id", mail.Id);
            await sent.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        LogSent(mail.MessageId, mail.Recipient);
        return Step.Sent;
    }

    private async Task<Claimed?> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            """
            SELECT id, message_id, recipient, subject, text_body, html_body, attempts FROM outbox_mails
            WHERE sent_at IS NULL AND cancelled_at IS NULL AND next_attempt_at <= @now AND attempts < @max
            ORDER BY next_attempt_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        claim.Parameters.AddWithValue("now", clock.GetUtcNow());
        claim.Parameters.AddWithValue("max", settings.MaxAttempts);
        await using var reader = await claim.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Claimed(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6))
            : null;
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var security = !settings.UseTls ? SecureSocketOptions.None
            : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
    }

    private MimeMessage Message(Claimed mail)
    {
        var message = new MimeMessage { MessageId = mail.MessageId, Subject = mail.Subject, Date = clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    /// <summary>Until the next mail is due, at most <see cref="MailSettings.DrainInterval"/>.</summary>
    private async Task<TimeSpan> NextRunAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var next = new NpgsqlCommand(
            "SELECT min(next_attempt_at) FROM outbox_mails WHERE sent_at IS NULL AND cancelled_at IS NULL AND attempts < @max", connection);
        next.Parameters.AddWithValue("max", settings.MaxAttempts);
        var due = await next.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : (DateTimeOffset?)null;
        if (due is null)
        {
            return settings.DrainInterval;
        }

        var wait = due.Value - clock.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > settings.DrainInterval ? settings.DrainInterval : wait;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} sent to {Recipient}")]
    private partial void LogSent(string messageId, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} not sent (attempt {Attempt}); tried again later")]
    private partial void LogFailed(Exception e, string messageId, int attempt);
}
