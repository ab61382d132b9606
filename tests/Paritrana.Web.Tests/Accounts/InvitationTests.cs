using Paritrana.Domain.Auditing;
using Paritrana.Web.Tests.Mail;
using static Paritrana.Web.Tests.Accounts.InvitationKit;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>
/// Accounts by invitation (issue 14, point 5; docs/decisions/031): the mail as smtp4dev received
/// it, the link followed once, its 72 hours on the portal's clock, resending and revoking.
/// </summary>
public class InvitationTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string Password = "Sawah-Berundak-Jatiluwih";

    [Fact]
    public async Task The_invited_person_gets_the_mail_in_Indonesian_and_sets_their_password_once()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var (email, id) = await InviteAsync(admin, "Komang Undangan");

        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.To.ShouldBe([email]);
        mail.From.ShouldBe("portal@paritrana.test");
        mail.Subject.ShouldBe("Undangan ke Portal Paritrana");
        var expires = new DateTimeOffset(portal.Clock.GetUtcNow().UtcTicks, TimeSpan.Zero).AddHours(72);
        var text = mail.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text.ShouldStartWith("Yth. Komang Undangan,\n\nAdministrator Portal Paritrana telah membuatkan akun untuk Anda dengan peran Anggota Tim Panitia.\n\n"
            + $"Buka tautan di bawah ini untuk membuat kata sandi Anda sendiri. Tautan berlaku sampai {Wib(expires)} dan hanya dapat dipakai satu kali.\n\n");
        var link = Link(text);
        link.ShouldMatch(@"^/Account/Invitation\?token=[A-Za-z0-9_-]{43}$");
        mail.Html.ShouldContain($"href=\"http://localhost{link}\"");
        (await TestDatabase.ScalarAsync<bool>(portal.Factory.Database, "SELECT password_hash IS NULL FROM users WHERE id = @id", ("id", id))).ShouldBeTrue();

        // The page greets the person; the portal's password rules apply, beside the field.
        using var client = portal.Factory.CreatePortalClient();
        var form = await client.GetPageAsync(link);
        PortalClient.Text(form.QuerySelector("[data-testid=invitation-for]")).ShouldBe($"Selamat datang, Komang Undangan. Buat kata sandi untuk akun {email}.");
        using (var weak = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string> { ["Input.NewPassword"] = "passwordpassword", ["Input.ConfirmPassword"] = "passwordpassword" }))
        {
            weak.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(weak)).QuerySelector("#newPasswordError"))
                .ShouldBe("Kata sandi ini terlalu umum atau memuat alamat surel Anda. Pilih frasa lain yang mudah Anda ingat.");
        }

        using (var saved = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string> { ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = Password }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            saved.Headers.Location!.ToString().ShouldBe("/Account/Login");
            var login = await client.GetPageAsync("/Account/Login");
            PortalClient.Text(login.QuerySelector(".alert-success")).ShouldBe($"Kata sandi Anda telah disimpan. Silakan masuk dengan alamat surel {email} dan kata sandi itu.");
        }

        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);

        // Used: the link is refused, on the page and on a post of the form kept from before.
        (await client.GetPageAsync(link)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();
        using (var replayed = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string> { ["Input.NewPassword"] = "frasa-lain-yang-tidak-boleh", ["Input.ConfirmPassword"] = "frasa-lain-yang-tidak-boleh" }))
        {
            replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await PortalClient.ParseAsync(replayed)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();
        }

        using var stillFirst = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);
        (await ActionsAsync(id)).ShouldBe([AuditActions.InvitationSent, AuditActions.InvitationAccepted, AuditActions.UserCreated]);
        (await UserRowStatusAsync(admin, email)).ShouldBe("Aktif");
    }

    [Fact]
    public async Task The_link_works_until_72_hours_after_sending_by_the_portals_clock()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var (email, _) = await InviteAsync(admin, "Wayan Kedaluwarsa");
        var sent = portal.Clock.GetUtcNow();
        var link = await LinkAsync(portal.Factory, email);
        using var client = portal.Factory.CreatePortalClient();
        var form = await client.GetPageAsync(link);
        (await UserRowStatusAsync(admin, email)).ShouldBe($"Diundang, berlaku sampai {Wib(sent.AddHours(72))}");

        portal.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        (await client.GetPageAsync(link)).QuerySelector("[data-testid=invitation-for]").ShouldNotBeNull();

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        (await client.GetPageAsync(link)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();
        using (var late = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string> { ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = Password }))
        {
            (await PortalClient.ParseAsync(late)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();
        }

        (await TestDatabase.ScalarAsync<bool>(portal.Factory.Database, "SELECT password_hash IS NULL FROM users WHERE email = @e", ("e", email))).ShouldBeTrue();
        // The administrator's session of three days ago is over: a new one.
        using var later = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        (await UserRowStatusAsync(later, email)).ShouldBe($"Undangan kedaluwarsa sejak {Wib(sent.AddHours(72))}");
        var expired = await later.GetPageAsync($"/Admin/Users?status=undangan-kedaluwarsa&q={Uri.EscapeDataString(email)}");
        expired.QuerySelectorAll("tr[data-testid=user-row]").Length.ShouldBe(1);
        var invited = await later.GetPageAsync($"/Admin/Users?status=diundang&q={Uri.EscapeDataString(email)}");
        invited.QuerySelectorAll("tr[data-testid=user-row]").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Sending_again_makes_a_new_link_and_the_old_one_stops_working()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var (email, id) = await InviteAsync(admin, "Nyoman Dua Kali");
        var first = Link((await portal.Mailbox.WaitForAsync(email)).Single().Text);

        portal.Clock.Advance(TimeSpan.FromHours(70));
        using var later = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        using (var resent = await later.SubmitFormAsync($"/Admin/Users/Edit?id={id}", "form#resend-invitation-form", new Dictionary<string, string>()))
        {
            resent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var mails = await portal.Mailbox.WaitForAsync(email, 2);
        var second = mails.Select(m => Link(m.Text)).Single(l => l != first);
        var edit = await later.GetPageAsync($"/Admin/Users/Edit?id={id}");
        PortalClient.Text(edit.QuerySelector(".alert-success")).ShouldBe(
            $"Undangan baru dikirim ke {email} dan berlaku sampai {Wib(portal.Clock.GetUtcNow().AddHours(72))}. Tautan undangan sebelumnya tidak berlaku lagi.");

        using var client = portal.Factory.CreatePortalClient();
        (await client.GetPageAsync(first)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();

        // The new link counts its 72 hours from the resend: still good after the first one's time.
        portal.Clock.Advance(TimeSpan.FromHours(3));
        using (var accepted = await SubmitAsync(client, second, Password))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);
        (await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            "SELECT string_agg(coalesce(ended_reason, '-') || '/' || (accepted_at IS NOT NULL)::text, ',' ORDER BY id) FROM account_invitations WHERE user_id = @id", ("id", id)))
            .ShouldBe("Superseded/false,-/true");
    }

    [Fact]
    public async Task A_revoked_invitation_refuses_its_link_and_Lupa_kata_sandi_does_not_bypass_it()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var (email, id) = await InviteAsync(admin, "Ketut Dicabut");
        var link = await LinkAsync(portal.Factory, email);
        using var client = portal.Factory.CreatePortalClient();
        var form = await client.GetPageAsync(link);

        using (var revoked = await admin.SubmitFormAsync($"/Admin/Users/Edit?id={id}", "form#revoke-invitation-form", new Dictionary<string, string>()))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await client.GetPageAsync(link)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();
        using (var refused = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string> { ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = Password }))
        {
            (await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=invitation-invalid]").ShouldNotBeNull();
        }

        (await UserRowStatusAsync(admin, email)).ShouldBe("Undangan dicabut");
        (await ActionsAsync(id)).ShouldBe([AuditActions.InvitationSent, AuditActions.InvitationRevoked, AuditActions.UserCreated]);

        // "Lupa kata sandi?" answers as always, but mails nothing to an account without a password.
        using (var forgot = await MailTestKit.ForgotAsync(client, email))
        {
            forgot.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await MailTestKit.OutboxAsync(portal.Factory, email)).Select(r => r.Subject).ShouldBe(["Undangan ke Portal Paritrana"]);
    }

    [Fact]
    public async Task Two_posts_of_the_same_link_at_once_set_one_password()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        for (var round = 0; round < 10; round++)
        {
            var (email, id) = await InviteAsync(admin, $"Putu Serentak {round}");
            var link = await LinkAsync(portal.Factory, email);
            using var one = portal.Factory.CreatePortalClient();
            using var two = portal.Factory.CreatePortalClient();
            var formOne = await one.GetPageAsync(link);
            var formTwo = await two.GetPageAsync(link);
            var start = new TaskCompletionSource();
            var posts = new[] { (one, formOne, "Frasa-Pertama-Serentak"), (two, formTwo, "Frasa-Kedua-Serentak") }
                .Select(async x =>
                {
                    await start.Task;
                    using var response = await x.Item1.SubmitFormAsync(x.Item2, link, Form, new Dictionary<string, string> { ["Input.NewPassword"] = x.Item3, ["Input.ConfirmPassword"] = x.Item3 });
                    return response.StatusCode;
                })
                .ToList();
            start.SetResult();
            var statuses = await Task.WhenAll(posts);

            statuses.Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Redirect]);
            var winner = statuses[0] == HttpStatusCode.Redirect ? "Frasa-Pertama-Serentak" : "Frasa-Kedua-Serentak";
            var loser = statuses[0] == HttpStatusCode.Redirect ? "Frasa-Kedua-Serentak" : "Frasa-Pertama-Serentak";
            using (var winning = await portal.Factory.CreatePortalClient().SignInAsync(email, winner))
            {
                winning.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            using (var losing = await portal.Factory.CreatePortalClient().SignInAsync(email, loser))
            {
                losing.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            (await TestDatabase.ScalarAsync<long>(portal.Factory.Database,
                "SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.InvitationAccepted), ("id", id.ToString()))).ShouldBe(1L);
        }
    }

    private async Task<(string Email, Guid Id)> InviteAsync(PortalClient admin, string name)
    {
        var email = $"undangan.{Guid.NewGuid():N}@uji.paritrana";
        using var created = await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = name,
            ["Input.Email"] = email,
            ["Input.Role"] = "CommitteeMember",
            ["Input.ProvinceCode"] = "51",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (email, await TestDatabase.ScalarAsync<Guid>(portal.Factory.Database, "SELECT id FROM users WHERE email = @e", ("e", email)));
    }

    private async Task<List<string>> ActionsAsync(Guid id)
    {
        var actions = await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            "SELECT string_agg(action, ',' ORDER BY action COLLATE \"C\" DESC) FROM audit_events WHERE entity_id = @id AND action LIKE 'user.%'", ("id", id.ToString()));
        return [.. actions!.Split(',')];
    }

    private static async Task<string> UserRowStatusAsync(PortalClient admin, string email)
    {
        var page = await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(email)}");
        return PortalClient.Text(page.QuerySelector("tr[data-testid=user-row] [data-testid=status]"));
    }

    /// <summary>"7 Des 2026 01:00 WIB": UTC+7, id-ID month names.</summary>
    private static string Wib(DateTimeOffset utc) =>
        utc.ToOffset(TimeSpan.FromHours(7)).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
