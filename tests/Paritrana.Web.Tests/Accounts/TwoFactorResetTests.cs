using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Accounts;
using Paritrana.Web.Tests.Mail;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>The mail portal with two-factor sign-in required of chairs.</summary>
public sealed class TwoFactorResetPortalFixture : MailPortalFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactorFor"] = "CommitteeChair",
        ["Email:DrainInterval"] = "01:00:00",
    };
}

/// <summary>
/// The administrator resets another user's two-factor sign-in (a lost phone; docs/decisions/039):
/// off, a new key, no recovery codes, the sessions ended, the reason audited, the user told in the
/// bell and by mail; the user then signs in with the password and, where the role requires it, sets it up again.
/// </summary>
public class TwoFactorResetTests(TwoFactorResetPortalFixture portal) : IClassFixture<TwoFactorResetPortalFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string Password = "Danau-Batur-Pagi-Berkabut";
    private const string Form = "form#reset-two-factor-form";
    private const string Reason = "Ponsel hilang saat kunjungan lapangan";

    [Fact]
    public async Task The_administrator_resets_a_chairs_lost_phone_with_a_reason_and_the_chair_sets_it_up_again()
    {
        var (id, email, key) = await AccountWithTwoFactorAsync(Roles.CommitteeChair, "Ketut Kehilangan Ponsel");
        using var chair = portal.Factory.CreatePortalClient();
        (await chair.SignInAsync(email, Password)).Dispose();
        using (var second = await chair.SubmitFormAsync("/Account/LoginWith2fa?ReturnUrl=%2F", "form[method=post]:not(.language-switch)",
                   new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            second.Headers.Location!.ToString().ShouldBe("/");
        }

        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var url = $"/Admin/Users/Edit?id={id}";
        var page = await admin.GetPageAsync(url);
        PortalClient.Text(page.QuerySelector("[data-testid=account-two-factor]")).ShouldBe("Aktif");
        var outboxBefore = await TestDatabase.ScalarAsync<long>(portal.Factory.Database, "SELECT count(*) FROM outbox_mails");

        // Without a reason: refused beside the field, nothing changed.
        using (var empty = await admin.SubmitFormAsync(page, url, Form, new Dictionary<string, string> { ["TwoFactorResetReason"] = "   " }))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(empty)).QuerySelector("#twoFactorResetReasonError")).ShouldBe("Alasan wajib diisi, misalnya \"ponsel hilang\".");
        }

        (await StateAsync(id)).ShouldBe((true, key, 10));
        using (var stillIn = await chair.GetAsync("/"))
        {
            stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var reset = await admin.SubmitFormAsync(page, url, Form, new Dictionary<string, string> { ["TwoFactorResetReason"] = Reason }))
        {
            reset.Headers.Location!.ToString().ShouldBe(url);
            var shown = await PortalClient.ParseAsync(await admin.FollowAsync(reset));
            PortalClient.Text(shown.QuerySelector(".alert-success"))
                .ShouldBe($"Verifikasi dua langkah akun {email} telah diatur ulang. Sesinya berakhir, dan pemiliknya diberi tahu lewat surel.");
            PortalClient.Text(shown.QuerySelector("[data-testid=account-two-factor]")).ShouldBe("Tidak aktif");
            shown.QuerySelector(Form).ShouldBeNull();
        }

        // Off, a new key (not the old one), no recovery codes.
        var (enabled, newKey, codes) = await StateAsync(id);
        enabled.ShouldBeFalse();
        newKey.ShouldNotBeNull();
        newKey.ShouldNotBe(key);
        codes.ShouldBe(0);

        // One audit event with the reason, by the administrator, beside the sessions' end.
        (await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            """
            SELECT string_agg(action || '|' || user_email || '|' || coalesce((SELECT d->>'value' FROM jsonb_array_elements(details) d WHERE d->>'name' = 'reason'), ''), ',' ORDER BY action)
            FROM audit_events WHERE entity_id = @id AND action IN ('user.two-factor-reset', 'auth.session-ended')
            """, ("id", id.ToString()))).ShouldBe($"auth.session-ended|{Admin}|two-factor-changed,user.two-factor-reset|{Admin}|{Reason}");

        // The chair's session is over; the bell tells them.
        using (var ended = await chair.GetAsync("/"))
        {
            ended.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=two-factor-changed");
        }

        (await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            "SELECT string_agg(kind || '|' || subject || '|' || link || '|' || (read_at IS NULL)::text, ',') FROM notifications WHERE user_id = @id", ("id", id)))
            .ShouldBe($"TwoFactorReset|{email}|/Account/TwoFactorSetup|true");

        // One mail, to exactly that user, in Indonesian, with the reason.
        var mails = await MailTestKit.WaitForOutboxAsync(portal.Factory, email, rows => rows.Count == 1 && rows[0].SentAt is not null);
        mails.Single().Subject.ShouldBe("Verifikasi dua langkah akun Portal Paritrana Anda diatur ulang");
        (await TestDatabase.ScalarAsync<long>(portal.Factory.Database, "SELECT count(*) FROM outbox_mails")).ShouldBe(outboxBefore + 1);
        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.To.ShouldBe([email]);
        var text = mail.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text.ShouldStartWith("Yth. Ketut Kehilangan Ponsel,\n\nAdministrator portal mengatur ulang verifikasi dua langkah akun Anda. Alasan yang dicatat: " + Reason + "\n\n");
        text.ShouldContain("Peran Anda wajib memakai verifikasi dua langkah: sesudah masuk, Anda diminta menyiapkan aplikasi autentikator lagi.");
        text.ShouldContain("http://localhost/Account/Login");

        // The password alone signs in now, and the chair is held on the setup page.
        using var again = portal.Factory.CreatePortalClient();
        using (var signIn = await again.SignInAsync(email, Password))
        {
            signIn.Headers.Location!.ToString().ShouldBe("/Account/TwoFactorSetup");
        }

        using (var held = await again.GetAsync("/Nominations"))
        {
            held.Headers.Location!.ToString().ShouldBe("/Account/TwoFactorSetup");
        }

        // Posting the same again: nothing more to reset, nothing more sent.
        using (var twice = await admin.SubmitFormAsync(page, url, Form, new Dictionary<string, string> { ["TwoFactorResetReason"] = Reason }))
        {
            PortalClient.Text((await PortalClient.ParseAsync(await admin.FollowAsync(twice))).QuerySelector(".alert-danger"))
                .ShouldBe($"Verifikasi dua langkah akun {email} tidak aktif; tidak ada yang perlu diatur ulang.");
        }

        (await TestDatabase.ScalarAsync<long>(portal.Factory.Database, "SELECT count(*) FROM outbox_mails")).ShouldBe(outboxBefore + 1);
    }

    [Fact]
    public async Task An_administrator_cannot_reset_their_own_this_way()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var id = await TestDatabase.ScalarAsync<Guid>(portal.Factory.Database, "SELECT id FROM users WHERE email = @e", ("e", Admin));
        var url = $"/Admin/Users/Edit?id={id}";
        var page = await admin.GetPageAsync(url);
        page.QuerySelector(Form).ShouldBeNull();
        await TestDatabase.ExecuteAsync($"UPDATE users SET two_factor_enabled = true WHERE id = '{id}'", portal.Factory.Database);
        try
        {
            var token = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("form#edit-account")!).Where(f => f.Key == "__RequestVerificationToken");
            using var response = await admin.PostFieldsAsync($"{url}&handler=ResetTwoFactor", [.. token, new("TwoFactorResetReason", Reason)]);
            using var shown = await admin.FollowAsync(response);
            PortalClient.Text((await PortalClient.ParseAsync(shown)).QuerySelector(".alert-danger"))
                .ShouldBe("Atur ulang verifikasi dua langkah Anda sendiri melalui halaman Verifikasi dua langkah.");
            (await TestDatabase.ScalarAsync<bool>(portal.Factory.Database, "SELECT two_factor_enabled FROM users WHERE id = @id", ("id", id))).ShouldBeTrue();
            (await TestDatabase.ScalarAsync<long>(portal.Factory.Database, "SELECT count(*) FROM audit_events WHERE action = 'user.two-factor-reset' AND entity_id = @id", ("id", id.ToString()))).ShouldBe(0L);
        }
        finally
        {
            await TestDatabase.ExecuteAsync($"UPDATE users SET two_factor_enabled = false WHERE id = '{id}'", portal.Factory.Database);
        }
    }

    [Fact]
    public async Task An_account_without_a_province_is_told_in_the_bell_as_well_as_by_mail()
    {
        // Another administrator: no province (docs/decisions/045: the same events in bell and mail).
        var (id, email, _) = await AccountWithTwoFactorAsync(Roles.Administrator, "Admin Kedua", province: null);
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var url = $"/Admin/Users/Edit?id={id}";
        using (var reset = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, Form, new Dictionary<string, string> { ["TwoFactorResetReason"] = Reason }))
        {
            reset.Headers.Location!.ToString().ShouldBe(url);
        }

        (await MailTestKit.WaitForOutboxAsync(portal.Factory, email, rows => rows.Count == 1)).Single().Subject
            .ShouldBe("Verifikasi dua langkah akun Portal Paritrana Anda diatur ulang");
        (await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            "SELECT string_agg(kind || '|' || coalesce(province_code, '-') || '|' || link, ',') FROM notifications WHERE user_id = @id", ("id", id)))
            .ShouldBe("TwoFactorReset|-|/Account/TwoFactor");

        // Signed in with the password alone (the role is not required to use it here): the bell counts it, the list shows it.
        using var other = portal.Factory.CreatePortalClient();
        (await other.SignInAsync(email, Password)).Dispose();
        var home = await other.GetPageAsync("/");
        home.QuerySelector("[data-testid=bell]")!.GetAttribute("data-count").ShouldBe("1");
        var list = await other.GetPageAsync("/Notifications");
        list.QuerySelectorAll("[data-testid=notification]").Select(n => (n.GetAttribute("data-kind"), n.GetAttribute("data-open"), PortalClient.Text(n.QuerySelector("[data-testid=notification-link]"))))
            .ShouldBe([("TwoFactorReset", "true", $"Administrator mengatur ulang verifikasi dua langkah akun {email}")]);

        // Opening it leads to the two-factor page and empties the bell.
        var form = list.QuerySelector<IHtmlFormElement>("[data-testid=notification] form")!;
        using (var opened = await other.PostFieldsAsync(form.GetAttribute("action")!, PortalClient.ReadForm(form)))
        {
            opened.Headers.Location!.ToString().ShouldBe("/Account/TwoFactor");
        }

        (await other.GetPageAsync("/")).QuerySelector("[data-testid=bell]")!.GetAttribute("data-count").ShouldBe("0");
    }

    /// <summary>An account with two-factor sign-in on (key and ten recovery codes made as the setup page makes them).</summary>
    private async Task<(Guid Id, string Email, string Key)> AccountWithTwoFactorAsync(string role, string fullName, string? province = "51")
    {
        var email = $"ponsel.hilang.{Guid.NewGuid():N}@uji.paritrana";
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName, ProvinceCode = province, CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true, LockoutEnabled = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
        (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.Count().ShouldBe(10);
        return (user.Id, email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>Whether it is on, the stored authenticator key, how many recovery codes are left (read from the tables).</summary>
    private async Task<(bool Enabled, string? Key, int Codes)> StateAsync(Guid id)
    {
        var enabled = await TestDatabase.ScalarAsync<bool>(portal.Factory.Database, "SELECT two_factor_enabled FROM users WHERE id = @id", ("id", id));
        var key = await TestDatabase.ScalarAsync<string>(portal.Factory.Database, "SELECT value FROM user_tokens WHERE user_id = @id AND name = 'AuthenticatorKey'", ("id", id));
        var codes = await TestDatabase.ScalarAsync<string>(portal.Factory.Database, "SELECT value FROM user_tokens WHERE user_id = @id AND name = 'RecoveryCodes'", ("id", id));
        return (enabled, key, string.IsNullOrEmpty(codes) ? 0 : codes.Split(';').Length);
    }
}
