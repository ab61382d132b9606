using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Paritrana.Domain.Access;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Tests.Mail;

/// <summary>
/// The portal on a test clock, sending to the run's smtp4dev (<see cref="Smtp4dev"/>), on its own
/// database; the reset limits are high unless a test class sets its own.
/// </summary>
public class MailPortalFixture : IAsyncLifetime
{
    private ClockedPortalFactory? _factory;

    public ClockedPortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public Smtp4dev Mailbox { get; private set; } = null!;

    public TestClock Clock => Factory.Clock;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:PasswordResetsPerAddressPerHour"] = "1000",
        ["Security:PasswordResetsPerClientPerHour"] = "1000",
        // Only a saved mail's wake starts the drain within a test's time (or a due retry).
        ["Email:DrainInterval"] = "01:00:00",
    };

    public async Task InitializeAsync()
    {
        Mailbox = await Smtp4dev.SharedAsync();
        var settings = Mailbox.PortalSettings();
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new ClockedPortalFactory(await TestDatabase.CreateAsync("mail"), new TestClock(), settings);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }
    }
}

/// <summary>The same with small limits: resets 2 per address and 3 per client and hour, e-mail changes 2 per account and hour.</summary>
public sealed class LimitedMailPortalFixture : MailPortalFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:PasswordResetsPerAddressPerHour"] = "2",
        ["Security:PasswordResetsPerClientPerHour"] = "3",
        ["Security:EmailChangesPerUserPerHour"] = "2",
        ["Email:DrainInterval"] = "01:00:00",
    };
}

/// <summary>Accounts, outbox rows and links for the mail tests.</summary>
public static partial class MailTestKit
{
    public const string Password = "frasa-sandi-lama-yang-panjang";

    /// <summary>A committee member of Bali with an address of its own (so its mailbox holds only this test's mail).</summary>
    public static async Task<(Guid Id, string Email, string FullName)> MemberAsync(PortalFactory factory, string fullName = "Ni Luh Putu Uji")
    {
        var email = $"lupa.{Guid.NewGuid():N}@uji.paritrana".ToLowerInvariant();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName, ProvinceCode = "51", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.CommitteeMember)).Succeeded.ShouldBeTrue();
        return (user.Id, email, fullName);
    }

    /// <summary>Posts the "Lupa kata sandi?" form, reached from the sign-in page's link.</summary>
    public static async Task<HttpResponseMessage> ForgotAsync(PortalClient client, string email)
    {
        var login = await client.GetPageAsync("/Account/Login");
        var href = login.QuerySelector("a[data-testid=forgot-password]")!.GetAttribute("href")!;
        href.ShouldBe("/Account/ForgotPassword");
        return await client.SubmitFormAsync(href, "form[method=post]:not(.language-switch)", new Dictionary<string, string> { ["Input.Email"] = email });
    }

    public sealed record OutboxRow(long Id, string MessageId, string Recipient, string Language, string Subject, int Attempts, string? LastError, DateTimeOffset? SentAt);

    public static async Task<List<OutboxRow>> OutboxAsync(PortalFactory factory, string? recipient = null)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, message_id, recipient, language, subject, attempts, last_error, sent_at FROM outbox_mails WHERE @recipient::text IS NULL OR recipient = @recipient ORDER BY id", connection);
        command.Parameters.AddWithValue("recipient", (object?)recipient ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    /// <summary>Waits (polling the row, at most 30 s) until the outbox rows of <paramref name="recipient"/> satisfy <paramref name="done"/>.</summary>
    public static async Task<List<OutboxRow>> WaitForOutboxAsync(PortalFactory factory, string recipient, Func<List<OutboxRow>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var rows = await OutboxAsync(factory, recipient);
            if (done(rows))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox rows of {recipient} never reached the expected state: {string.Join("; ", rows)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The reset link of a mail's text, as a path and query on the portal.</summary>
    public static string ResetLink(string text)
    {
        var match = LinkPattern().Match(text);
        match.Success.ShouldBeTrue($"No reset link in:\n{text}");
        return match.Groups["path"].Value;
    }

    [GeneratedRegex(@"http://localhost(?<path>/Account/ResetPassword\?userId=[0-9a-f-]{36}&token=[A-Za-z0-9_%-]+)")]
    private static partial Regex LinkPattern();
}
