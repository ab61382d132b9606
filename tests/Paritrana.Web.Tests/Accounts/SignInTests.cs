using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Accounts;

public class SignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = portal.Factory.CreatePortalClient();
        using var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F");
    }

    [Fact]
    public async Task A_member_signs_in_with_the_form_and_lands_on_the_home_page_of_their_province()
    {
        using var client = portal.Factory.CreatePortalClient();
        using var response = await client.SignInAsync("anggota.bali@paritrana.demo");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");

        var home = await client.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("h1")).ShouldBe("Selamat datang, Ni Luh Anggota");
        PortalClient.Text(home.QuerySelector("[data-testid=province-count]")).ShouldBe("1");
        PortalClient.Text(home.QuerySelector("[data-testid=regency-count]")).ShouldBe("9");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message()
    {
        using var client = portal.Factory.CreatePortalClient();
        using var wrongPassword = await client.SignInAsync("ketua.jateng@paritrana.demo", "not-the-password-at-all");
        using var unknown = await client.SignInAsync("nobody@paritrana.demo", "not-the-password-at-all");

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = PortalClient.Text((await PortalClient.ParseAsync(wrongPassword)).QuerySelector(".validation-summary-errors"));
        var b = PortalClient.Text((await PortalClient.ParseAsync(unknown)).QuerySelector(".validation-summary-errors"));
        a.ShouldBe("Alamat surel atau kata sandi salah.");
        b.ShouldBe(a);
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM audit_events WHERE action = @a AND user_email = @e",
            ("a", AuditActions.SignInFailed), ("e", "nobody@paritrana.demo"))).ShouldBe(1L);
    }
}
