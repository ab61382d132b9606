using MimeKit;

namespace Paritrana.Web.Infrastructure.Mail;

/// <summary>
/// The mail server and the portal's public address: <c>Email:*</c> and <c>Portal:PublicUrl</c>
/// (README, "E-mail"). Without <c>Email:SmtpHost</c> mail is queued but not sent.
/// </summary>
public sealed class MailSettings
{
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string From { get; init; } = "Portal Paritrana <noreply@paritrana.invalid>";
    public string? UserName { get; init; }
    public string? Password { get; init; }

    /// <summary>True: STARTTLS (or TLS from the first byte on port 465), required; false: plain SMTP (a local test server).</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>The address every link in a mail starts with, e.g. https://paritrana.example.go.id (no trailing slash).</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>How often the drain looks at the outbox when nothing wakes it (<c>Email:DrainInterval</c>).</summary>
    public TimeSpan DrainInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one conversation with the mail server may take (<c>Email:Timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Failed attempts after which a mail is left in the outbox with its error (<c>Email:MaxAttempts</c>).</summary>
    public int MaxAttempts { get; init; } = 20;

    public bool CanSend => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>The wait after the n-th failed attempt of one mail: 1 minute, doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>An absolute link to a path of the portal, or null when <c>Portal:PublicUrl</c> is not set.</summary>
    public string? Link(string pathAndQuery) =>
        PublicUrl is null ? null : PublicUrl.GetLeftPart(UriPartial.Authority) + PublicUrl.AbsolutePath.TrimEnd('/') + pathAndQuery;

    /// <summary>The domain of Message-IDs: the portal's host, or that of the sender.</summary>
    public string MessageIdDomain =>
        PublicUrl?.Host is { Length: > 0 } host ? host
        : MailboxAddress.TryParse(From, out var from) && from.Domain is { Length: > 0 } domain ? domain
        : "paritrana.invalid";

    public static MailSettings Read(IConfiguration configuration)
    {
        var defaults = new MailSettings();
        var publicUrl = configuration["Portal:PublicUrl"];
        return new MailSettings
        {
            SmtpHost = configuration["Email:SmtpHost"],
            SmtpPort = configuration.GetValue("Email:SmtpPort", defaults.SmtpPort),
            From = configuration["Email:From"] is { Length: > 0 } from ? from : defaults.From,
            UserName = configuration["Email:UserName"],
            Password = configuration["Email:Password"],
            UseTls = configuration.GetValue("Email:UseTls", defaults.UseTls),
            PublicUrl = string.IsNullOrWhiteSpace(publicUrl) ? null : new Uri(publicUrl, UriKind.Absolute),
            DrainInterval = configuration.GetValue("Email:DrainInterval", defaults.DrainInterval),
            Timeout = configuration.GetValue("Email:Timeout", defaults.Timeout),
            MaxAttempts = Math.Max(1, configuration.GetValue("Email:MaxAttempts", defaults.MaxAttempts)),
        };
    }
}
