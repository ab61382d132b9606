using System.Text.RegularExpressions;
using Npgsql;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>Invitation links as the portal mailed them (the outbox row's text), and their acceptance through the page.</summary>
public static partial class InvitationKit
{
    public const string Form = "form[method=post]:not(.language-switch)";

    /// <summary>The link of the latest mail queued to <paramref name="email"/>, as a path and query on the portal.</summary>
    public static async Task<string> LinkAsync(PortalFactory factory, string email)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT text_body FROM outbox_mails WHERE recipient = @r ORDER BY id DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("r", email);
        var text = (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No mail queued to {email}.");
        return Link(text);
    }

    /// <summary>The invitation link of a mail's text.</summary>
    public static string Link(string text)
    {
        var match = LinkPattern().Match(text);
        match.Success.ShouldBeTrue($"No invitation link in:\n{text}");
        return match.Groups["path"].Value;
    }

    /// <summary>Opens the latest invitation of <paramref name="email"/> in a fresh browser and sets <paramref name="password"/>.</summary>
    public static async Task AcceptAsync(PortalFactory factory, string email, string password)
    {
        using var client = factory.CreatePortalClient();
        using var response = await SubmitAsync(client, await LinkAsync(factory, email), password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Account/Login");
    }

    /// <summary>Opens <paramref name="link"/> and posts its form with <paramref name="password"/> twice.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string link, string password, string? confirm = null) =>
        await client.SubmitFormAsync(link, Form, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    [GeneratedRegex(@"http://localhost(?<path>/Account/Invitation\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
