using Microsoft.AspNetCore.Mvc.Testing;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>
/// What the session tests need besides a browser-like client: the auth cookie as a browser stored
/// it (to replay it later, as someone who copied it would), and the sessions the server keeps.
/// </summary>
public static class SessionProbe
{
    public const string CookieName = ".Paritrana.Auth";

    /// <summary>The auth cookie ("name=value") that a sign-in response set.</summary>
    public static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>GETs <paramref name="url"/> with exactly this cookie, from a client that keeps none.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(PortalFactory factory, string cookie, string url)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>The text the login page shows about the end of the session, for a redirect to it.</summary>
    public static async Task<string> LoginNoticeAsync(PortalFactory factory, HttpResponseMessage redirect)
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetPageAsync(redirect.Headers.Location!.PathAndQuery);
        return PortalClient.Text(page.QuerySelector("[data-testid=session-ended]"));
    }

    /// <summary>Each session of the account, oldest first: how it ended ("" while it is still open).</summary>
    public static async Task<string> EndingsAsync(string database, string email) =>
        await TestDatabase.ScalarAsync<string>(database,
            "SELECT string_agg(coalesce(s.ended_reason, ''), ',' ORDER BY s.created_at, s.ended_reason NULLS FIRST) " +
            "FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @e", ("e", email)) ?? "(none)";
}
