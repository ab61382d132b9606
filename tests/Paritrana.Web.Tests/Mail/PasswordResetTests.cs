using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Data;
using Shouldly;
using static Paritrana.Web.Tests.Mail.MailTestKit;

namespace Paritrana.Web.Tests.Mail;

/// <summary>
/// "Lupa kata sandi?" end to end: the form, the mail as smtp4dev received it, the link followed,
/// the new password used (issue 14, point 5; docs/decisions/028-mail-outbox.md).
/// </summary>
public class PasswordResetTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    private const string NewPassword = "kopi-bali-pagi-di-kintamani";
    private const string Form = "form[method=post]:not(.language-switch)";

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_once_and_ends_the_other_sessions()
    {
        var (id, email, name) = await MemberAsync(portal.Factory);
        using var elsewhere = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);
        using var client = portal.Factory.CreatePortalClient();

        using var asked = await ForgotAsync(client, email);
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asked.Headers.Location!.ToString().ShouldBe("/Account/ForgotPassword?sent=True");
        var answer = await client.GetPageAsync("/Account/ForgotPassword?sent=True");
        PortalClient.Text(answer.QuerySelector("[data-testid=reset-sent]")).ShouldBe(
            "Jika alamat surel itu milik akun portal yang aktif, kami telah mengirim tautan untuk mengatur kata sandi baru ke alamat tersebut. Tautan berlaku selama 60 menit.");

        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.To.ShouldBe([email]);
        mail.From.ShouldBe("portal@paritrana.test");
        mail.Subject.ShouldBe("Atur ulang kata sandi Portal Paritrana");
        var row = (await OutboxAsync(portal.Factory, email)).ShouldHaveSingleItem();
        mail.MessageId.ShouldBe(row.MessageId);
        row.Language.ShouldBe("id");
        row.SentAt.ShouldNotBeNull();
        var text = mail.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text.ShouldStartWith($"Yth. {name},\n\nKami menerima permintaan untuk mengatur ulang kata sandi akun Portal Paritrana dengan alamat surel ini.\n\n"
            + "Tautan di bawah ini berlaku selama 60 menit dan hanya dapat dipakai satu kali.\n\n");
        var link = ResetLink(text);
        link.ShouldStartWith($"/Account/ResetPassword?userId={id}&token=");
        mail.Html.ShouldContain($"href=\"http://localhost{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"");

        // The link opens the form; the portal's password rules apply there too.
        var form = await client.GetPageAsync(link);
        using var weak = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "pendek",
            ["Input.ConfirmPassword"] = "pendek",
        });
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await PortalClient.ParseAsync(weak);
        PortalClient.Text(refused.QuerySelector("#newPasswordError")).ShouldBe("Kata sandi minimal 12 karakter.");

        using var saved = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe("/Account/Login");

        // The new password signs in, the old one no longer does.
        using (var old = await portal.Factory.CreatePortalClient().SignInAsync(email, Password))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var fresh = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, NewPassword);

        // The session opened before the reset is over.
        using var stale = await elsewhere.GetAsync("/Nominations");
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=password-changed");

        // The link a second time: refused on the page and on a post of the form kept from before.
        var again = await client.GetPageAsync(link);
        again.QuerySelector("[data-testid=reset-link-invalid]").ShouldNotBeNull();
        again.QuerySelector(Form).ShouldBeNull();
        using var replayed = await client.SubmitFormAsync(form, link, Form, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "frasa-ketiga-yang-tidak-boleh",
            ["Input.ConfirmPassword"] = "frasa-ketiga-yang-tidak-boleh",
        });
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(replayed)).QuerySelector("[data-testid=reset-link-invalid]").ShouldNotBeNull();
        using var stillNew = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, NewPassword);

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        var actions = await db.AuditEvents.Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("auth.password-reset")).Select(e => e.Action).ToListAsync();
        actions.Order(StringComparer.Ordinal).ShouldBe([AuditActions.PasswordResetByLink, AuditActions.PasswordResetRequested]);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var (_, known, _) = await MemberAsync(portal.Factory);
        var unknown = $"tidak.ada.{Guid.NewGuid():N}@uji.paritrana";
        using var client = portal.Factory.CreatePortalClient();

        using var forUnknown = await ForgotAsync(client, unknown);
        using var forKnown = await ForgotAsync(client, known);
        forUnknown.StatusCode.ShouldBe(forKnown.StatusCode);
        forUnknown.Headers.Location.ShouldBe(forKnown.Headers.Location);
        (await forUnknown.Content.ReadAsStringAsync()).ShouldBe(await forKnown.Content.ReadAsStringAsync());

        // The drain sends in order of queueing: once the known address's mail is there, a mail to the
        // unknown one, queued before it, would be there too.
        await portal.Mailbox.WaitForAsync(known);
        (await portal.Mailbox.MailsToAsync(unknown)).ShouldBeEmpty();
        (await OutboxAsync(portal.Factory, unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_mail_is_in_English_for_someone_using_the_portal_in_English()
    {
        var (_, email, name) = await MemberAsync(portal.Factory, "Made Wirawan");
        using var client = portal.Factory.CreatePortalClient();
        var login = await client.GetPageAsync("/Account/Login");
        using (var switched = await client.SubmitFormAsync(login, "/Account/Login", "form.language-switch", new Dictionary<string, string>(), "button[name=language]"))
        {
            switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var asked = await ForgotAsync(client, email);
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Reset your Paritrana Portal password");
        var text = mail.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text.ShouldStartWith($"Dear {name},\n\nWe received a request to reset the password of the Paritrana Portal account with this e-mail address.\n\n"
            + "The link below is valid for 60 minutes and can be used once.\n\n");
        text.ShouldContain("Set a new password:\nhttp://localhost/Account/ResetPassword?userId=");
        (await OutboxAsync(portal.Factory, email)).ShouldHaveSingleItem().Language.ShouldBe("en");
    }
}

/// <summary>Reset links expire by the portal's clock (one hour).</summary>
public class PasswordResetExpiryTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    [Fact]
    public async Task A_link_works_until_its_hour_is_over_and_not_after()
    {
        var (_, email, _) = await MemberAsync(portal.Factory);
        using var client = portal.Factory.CreatePortalClient();
        using var asked = await ForgotAsync(client, email);
        var link = ResetLink((await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem().Text);

        portal.Clock.Advance(TimeSpan.FromMinutes(59));
        var valid = await client.GetPageAsync(link);
        valid.QuerySelector("[data-testid=reset-link-invalid]").ShouldBeNull();
        valid.QuerySelector("input[name='Input.NewPassword']").ShouldNotBeNull();

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await client.GetPageAsync(link);
        expired.QuerySelector("[data-testid=reset-link-invalid]").ShouldNotBeNull();

        // A post of the form opened while the link was valid is refused too, and changes nothing.
        using var posted = await client.SubmitFormAsync(valid, link, "form[method=post]:not(.language-switch)", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "terlambat-satu-menit-saja",
            ["Input.ConfirmPassword"] = "terlambat-satu-menit-saja",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(posted)).QuerySelector("[data-testid=reset-link-invalid]").ShouldNotBeNull();
        using var old = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);
    }
}

/// <summary>Requests are limited per address (2 an hour here) and per client (3 an hour here), whether the address exists or not.</summary>
public class PasswordResetLimitTests(LimitedMailPortalFixture portal) : IClassFixture<LimitedMailPortalFixture>
{
    [Fact]
    public async Task The_third_request_for_an_address_and_the_fourth_of_a_client_are_refused()
    {
        var (_, known, _) = await MemberAsync(portal.Factory);
        var unknown = $"tidak.ada.{Guid.NewGuid():N}@uji.paritrana";
        using var client = portal.Factory.CreatePortalClient();

        // Two for the known address pass and are mailed; the third is refused and not mailed.
        for (var i = 0; i < 2; i++)
        {
            using var passed = await ForgotAsync(client, known);
            passed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var third = await ForgotAsync(client, known);
        third.StatusCode.ShouldBe((HttpStatusCode)429);
        PortalClient.Text((await PortalClient.ParseAsync(third)).QuerySelector(".validation-summary-errors"))
            .ShouldBe("Terlalu banyak permintaan atur ulang kata sandi. Coba lagi dalam satu jam.");

        // The client has used 3: a fourth, for another address, is refused the same way.
        using var fourth = await ForgotAsync(client, unknown);
        fourth.StatusCode.ShouldBe((HttpStatusCode)429);

        await portal.Mailbox.WaitForAsync(known, 2);
        (await OutboxAsync(portal.Factory, known)).Count.ShouldBe(2);

        // An hour later both limits start again.
        portal.Clock.Advance(TimeSpan.FromHours(1));
        using var later = await ForgotAsync(client, known);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.Mailbox.WaitForAsync(known, 3)).Count.ShouldBe(3);
    }
}
