using System.Text.RegularExpressions;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Tests.Mail;
using static Paritrana.Web.Tests.Mail.MailTestKit;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>
/// An e-mail change is confirmed from the new address (issue 14, point 5; docs/decisions/031): the
/// link goes to the new address, a notice to the old one, and nothing changes until the owner,
/// signed in, follows the link once and in time.
/// </summary>
public partial class EmailChangeTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    private const string Form = "main form";

    [Fact]
    public async Task The_link_goes_to_the_new_address_and_changes_the_address_and_the_sign_in_name_once()
    {
        var (id, old, name) = await MemberAsync(portal.Factory, "Gede Pindah Alamat");
        var fresh = $"baru.{Guid.NewGuid():N}@uji.paritrana";
        using var here = await portal.Factory.CreatePortalClient().SignedInAsAsync(old, Password);
        using var elsewhere = await portal.Factory.CreatePortalClient().SignedInAsAsync(old, Password);

        using (var wrong = await RequestAsync(here, fresh, "bukan-kata-sandinya-sama-sekali"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(wrong)).QuerySelector("#currentPasswordError")).ShouldBe("Kata sandi saat ini salah.");
        }

        using (var taken = await RequestAsync(here, "anggota.bali@paritrana.demo", Password))
        {
            PortalClient.Text((await PortalClient.ParseAsync(taken)).QuerySelector("#newEmailError")).ShouldBe("Alamat surel anggota.bali@paritrana.demo sudah dipakai akun lain.");
        }

        using (var asked = await RequestAsync(here, fresh, Password))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            asked.Headers.Location!.ToString().ShouldBe("/Account/ChangeEmail");
        }

        var confirm = (await portal.Mailbox.WaitForAsync(fresh)).ShouldHaveSingleItem();
        confirm.To.ShouldBe([fresh]);
        confirm.Subject.ShouldBe("Konfirmasi alamat surel baru Portal Paritrana");
        var text = confirm.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text.ShouldStartWith($"Yth. {name},\n\nAnda meminta agar alamat surel akun Portal Paritrana Anda diganti menjadi {fresh}.\n\n"
            + "Buka tautan di bawah ini selagi Anda masuk ke portal untuk mengonfirmasinya. Tautan berlaku selama 24 jam dan hanya dapat dipakai satu kali; sesudahnya Anda masuk dengan alamat baru ini.\n\n");
        var link = ConfirmLink(text);
        link.ShouldStartWith($"/Account/ConfirmEmail?userId={id}&email={Uri.EscapeDataString(fresh)}&token=");

        var notice = (await portal.Mailbox.WaitForAsync(old)).ShouldHaveSingleItem();
        notice.Subject.ShouldBe("Permintaan penggantian alamat surel Portal Paritrana");
        notice.Text.ShouldContain($"meminta agar alamat surel akun Portal Paritrana diganti menjadi {fresh}. Alamat belum berubah");
        ConfirmPattern().IsMatch(notice.Text).ShouldBeFalse();

        // Nothing changed yet: the old address still signs in, the new one does not.
        (await EmailAsync(id)).ShouldBe(old);
        (await SignInStatusAsync(fresh)).ShouldBe(HttpStatusCode.OK);

        // The link opened by someone else, signed in, changes nothing.
        using (var other = await portal.Factory.CreatePortalClient().SignedInAsAsync("anggota.bali@paritrana.demo"))
        {
            var page = await other.GetPageAsync(link);
            page.QuerySelector("[data-testid=email-link-other-account]").ShouldNotBeNull();
            page.QuerySelector(Form).ShouldBeNull();
        }

        var question = await here.GetPageAsync(link);
        PortalClient.Text(question.QuerySelector("[data-testid=email-confirm-question]"))
            .ShouldBe($"Ganti alamat surel akun Anda menjadi {fresh}? Sesudahnya Anda masuk dengan alamat ini, dan sesi lain akun Anda berakhir.");
        (await EmailAsync(id)).ShouldBe(old);
        using (var confirmed = await here.SubmitFormAsync(question, link, Form, new Dictionary<string, string>()))
        {
            confirmed.Headers.Location!.ToString().ShouldBe("/Account/ChangeEmail");
        }

        (await EmailAsync(id)).ShouldBe(fresh);
        (await TestDatabase.ScalarAsync<string>(portal.Factory.Database, "SELECT user_name FROM users WHERE id = @id", ("id", id))).ShouldBe(fresh);
        PortalClient.Text((await here.GetPageAsync("/Account/ChangeEmail")).QuerySelector("[data-testid=current-email]")).ShouldBe($"Alamat surel Anda sekarang: {fresh}");
        using (var ended = await elsewhere.GetAsync("/"))
        {
            ended.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=email-changed");
        }

        (await SignInStatusAsync(fresh)).ShouldBe(HttpStatusCode.Redirect);
        (await SignInStatusAsync(old)).ShouldBe(HttpStatusCode.OK);

        // Once: the same link again is refused.
        (await here.GetPageAsync(link)).QuerySelector("[data-testid=email-link-invalid]").ShouldNotBeNull();
        (await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            $"SELECT string_agg(action || ' ' || {AuditSql.Text("details")}, ' | ' ORDER BY id) FROM audit_events WHERE entity_id = @id AND action LIKE 'auth.email%'", ("id", id.ToString())))
            .ShouldBe($"{AuditActions.EmailChangeRequested} from: {old}; to: {fresh} | {AuditActions.EmailChanged} from: {old}; to: {fresh}");
    }

    [Fact]
    public async Task The_link_expires_after_24_hours_by_the_portals_clock()
    {
        var (id, old, _) = await MemberAsync(portal.Factory, "Gede Terlambat");
        var fresh = $"lambat.{Guid.NewGuid():N}@uji.paritrana";
        using (var here = await portal.Factory.CreatePortalClient().SignedInAsAsync(old, Password))
        using (var asked = await RequestAsync(here, fresh, Password))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var link = ConfirmLink((await portal.Mailbox.WaitForAsync(fresh)).Single().Text);
        portal.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using (var inTime = await portal.Factory.CreatePortalClient().SignedInAsAsync(old, Password))
        {
            (await inTime.GetPageAsync(link)).QuerySelector("[data-testid=email-confirm-question]").ShouldNotBeNull();
            portal.Clock.Advance(TimeSpan.FromSeconds(1));
            var late = await inTime.GetPageAsync(link);
            late.QuerySelector("[data-testid=email-link-invalid]").ShouldNotBeNull();
        }

        (await EmailAsync(id)).ShouldBe(old);
    }

    private static async Task<HttpResponseMessage> RequestAsync(PortalClient client, string newEmail, string password) =>
        await client.SubmitFormAsync("/Account/ChangeEmail", Form, new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = password,
        });

    private async Task<string?> EmailAsync(Guid id) =>
        await TestDatabase.ScalarAsync<string>(portal.Factory.Database, "SELECT email FROM users WHERE id = @id", ("id", id));

    private async Task<HttpStatusCode> SignInStatusAsync(string email)
    {
        using var client = portal.Factory.CreatePortalClient();
        using var response = await client.SignInAsync(email, Password);
        return response.StatusCode;
    }

    private static string ConfirmLink(string text)
    {
        var match = ConfirmPattern().Match(text);
        match.Success.ShouldBeTrue($"No confirmation link in:\n{text}");
        return match.Groups["path"].Value;
    }

    [GeneratedRegex(@"http://localhost(?<path>/Account/ConfirmEmail\?userId=[0-9a-f-]{36}&email=[^&\s]+&token=[A-Za-z0-9_%-]+)")]
    private static partial Regex ConfirmPattern();
}

/// <summary>
/// The confirmation mail of an e-mail change may be asked for 2 times an hour per account here
/// (<c>Security:EmailChangesPerUserPerHour</c>); over it, a message beside the field and nothing queued.
/// </summary>
public class EmailChangeLimitTests(LimitedMailPortalFixture portal) : IClassFixture<LimitedMailPortalFixture>
{
    [Fact]
    public async Task The_third_request_of_an_hour_is_refused_beside_the_field_and_mails_nothing()
    {
        var (_, old, _) = await MemberAsync(portal.Factory, "Wayan Sering Pindah");
        var (_, other, _) = await MemberAsync(portal.Factory, "Made Tidak Terpengaruh");
        using var here = await portal.Factory.CreatePortalClient().SignedInAsAsync(old, Password);
        var targets = Enumerable.Range(0, 4).Select(i => $"baru{i}.{Guid.NewGuid():N}@uji.paritrana").ToList();
        for (var i = 0; i < 2; i++)
        {
            using var passed = await EmailChangeLimitKit.RequestAsync(here, targets[i]);
            passed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var third = await EmailChangeLimitKit.RequestAsync(here, targets[2]))
        {
            third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            PortalClient.Text((await PortalClient.ParseAsync(third)).QuerySelector("#newEmailError"))
                .ShouldBe("Tautan konfirmasi sudah diminta 2 kali dalam satu jam terakhir. Coba lagi nanti, atau buka tautan yang sudah dikirim.");
        }

        // Two confirmations and two notices were queued, nothing for the refused one; another account is not limited by this one.
        (await OutboxAsync(portal.Factory, old)).Count.ShouldBe(2);
        (await OutboxAsync(portal.Factory, targets[0])).Count.ShouldBe(1);
        (await OutboxAsync(portal.Factory, targets[1])).Count.ShouldBe(1);
        (await OutboxAsync(portal.Factory, targets[2])).ShouldBeEmpty();
        (await TestDatabase.ScalarAsync<long>(portal.Factory.Database, "SELECT count(*) FROM audit_events WHERE action = 'auth.email-change-requested' AND user_email = @e", ("e", old))).ShouldBe(2L);
        using (var otherClient = await portal.Factory.CreatePortalClient().SignedInAsAsync(other, Password))
        using (var notLimited = await EmailChangeLimitKit.RequestAsync(otherClient, targets[3]))
        {
            notLimited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // An hour later the account may ask again (signed in afresh: the clock moved past the session's idle time).
        portal.Clock.Advance(TimeSpan.FromHours(1));
        using var again = await portal.Factory.CreatePortalClient().SignedInAsAsync(old, Password);
        using var later = await EmailChangeLimitKit.RequestAsync(again, targets[2]);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OutboxAsync(portal.Factory, targets[2])).Count.ShouldBe(1);
    }
}

/// <summary>Posts the e-mail change form with the test accounts' password.</summary>
public static class EmailChangeLimitKit
{
    public static async Task<HttpResponseMessage> RequestAsync(PortalClient client, string newEmail) =>
        await client.SubmitFormAsync("/Account/ChangeEmail", "main form", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = MailTestKit.Password,
        });
}
