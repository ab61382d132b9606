using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>The portal with two-factor sign-in required of chairs (Security:RequireTwoFactorFor=CommitteeChair).</summary>
public sealed class TwoFactorPortalFixture : IAsyncLifetime
{
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        _factory = new PortalFactory(await TestDatabase.CreateAsync("tfa"), settings: new Dictionary<string, string?> { ["Security:RequireTwoFactorFor"] = "CommitteeChair" });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory!.DisposeAsync();
        await TestDatabase.DropAsync(_factory.Database);
    }
}

/// <summary>
/// Two-factor sign-in with an authenticator app (issue 14, point 5; docs/decisions/031). The codes
/// are computed here (<see cref="Totp"/>) from the key the setup page shows.
/// </summary>
public partial class TwoFactorTests(TwoFactorPortalFixture portal) : IClassFixture<TwoFactorPortalFixture>
{
    private const string Password = "Danau-Batur-Pagi-Berkabut";
    private const string Form = "form[method=post]:not(.language-switch)";
    private const string Confirm = "form#confirm-two-factor-form";

    [Fact]
    public async Task A_member_turns_it_on_with_a_code_and_then_signs_in_with_a_code_or_once_with_each_recovery_code()
    {
        var (id, email) = await AccountAsync(Roles.CommitteeMember);
        using var here = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);
        using var elsewhere = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);

        // Opening the page changes nothing; "Mulai" makes the key.
        (await here.GetPageAsync("/Account/TwoFactorSetup")).QuerySelector("[data-testid=shared-key]").ShouldBeNull();
        var setup = await StartAsync(here);
        var key = PortalClient.Text(setup.QuerySelector("[data-testid=shared-key]"));
        key.ShouldMatch("^([a-z2-7]{4} ){7}[a-z2-7]{4}$");
        var qr = setup.QuerySelector("img[data-testid=qr-code]")!.GetAttribute("src")!;
        qr.ShouldStartWith("data:image/png;base64,");
        Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        // The same page again shows the same key (it is kept until confirmed or reset).
        PortalClient.Text((await here.GetPageAsync("/Account/TwoFactorSetup")).QuerySelector("[data-testid=shared-key]")).ShouldBe(key);

        using (var wrong = await here.SubmitFormAsync(setup, "/Account/TwoFactorSetup", Confirm, new Dictionary<string, string> { ["Input.Code"] = Totp.Wrong(key) }))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(wrong)).QuerySelector("#codeError"))
                .ShouldBe("Kode verifikasi salah. Masukkan kode yang sedang tampil di aplikasi autentikator Anda; periksa juga jam ponsel Anda.");
        }

        (await EnabledAsync(id)).ShouldBeFalse();
        IReadOnlyList<string> codes;
        using (var confirmed = await here.SubmitFormAsync(setup, "/Account/TwoFactorSetup", Confirm, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(confirmed);
            page.QuerySelector("[data-testid=two-factor-enabled]").ShouldNotBeNull();
            codes = [.. page.QuerySelectorAll("[data-testid=recovery-codes] code").Select(PortalClient.Text)];
        }

        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        codes.ShouldAllBe(c => RecoveryCode().IsMatch(c));
        (await EnabledAsync(id)).ShouldBeTrue();

        // This browser continues; the session signed in with the password alone is over.
        var status = await here.GetPageAsync("/Account/TwoFactor");
        PortalClient.Text(status.QuerySelector("[data-testid=two-factor-status]")).ShouldBe("Aktif Sisa kode pemulihan: 10.");
        using (var ended = await elsewhere.GetAsync("/"))
        {
            ended.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=two-factor-changed");
        }

        // The password alone no longer signs in: it leads to the code page.
        using var next = portal.Factory.CreatePortalClient();
        using (var first = await next.SignInAsync(email, Password))
        {
            first.Headers.Location!.ToString().ShouldBe("/Account/LoginWith2fa?ReturnUrl=%2F");
        }

        using (var notYet = await next.GetAsync("/Nominations"))
        {
            notYet.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/Login?ReturnUrl=");
        }

        using (var wrong = await next.SubmitFormAsync("/Account/LoginWith2fa?ReturnUrl=%2F", Form, new Dictionary<string, string> { ["Input.Code"] = Totp.Wrong(key) }))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(wrong)).QuerySelector("#codeError"))
                .ShouldBe("Kode verifikasi salah. Masukkan kode yang sedang tampil di aplikasi autentikator Anda.");
        }

        using (var right = await next.SubmitFormAsync("/Account/LoginWith2fa?ReturnUrl=%2F", Form, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            right.Headers.Location!.ToString().ShouldBe("/");
        }

        using (var home = await next.GetAsync("/"))
        {
            home.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A recovery code signs in once.
        (await RecoverAsync(email, codes[3])).ShouldBe(HttpStatusCode.Redirect);
        (await RecoverAsync(email, codes[3])).ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await here.GetPageAsync("/Account/TwoFactor")).QuerySelector("[data-testid=two-factor-status]")).ShouldBe("Aktif Sisa kode pemulihan: 9.");

        (await ActionsAsync(email)).ShouldBe(
            "auth.recovery-code-used,auth.session-ended:two-factor-changed,auth.two-factor-enabled,auth.two-factor-failed:authenticator,auth.two-factor-failed:recovery-code");
    }

    [Fact]
    public async Task A_chair_is_held_on_the_setup_page_until_it_is_on_and_cannot_turn_it_off()
    {
        var (id, email) = await AccountAsync(Roles.CommitteeChair);
        using var chair = portal.Factory.CreatePortalClient();
        using (var signIn = await chair.SignInAsync(email, Password))
        {
            signIn.Headers.Location!.ToString().ShouldBe("/Account/TwoFactorSetup");
        }

        var setup = await chair.GetPageAsync("/Account/TwoFactorSetup");
        PortalClient.Text(setup.QuerySelector("[data-testid=two-factor-required]"))
            .ShouldBe("Peran Anda wajib memakai verifikasi dua langkah. Aktifkan dulu sebelum memakai halaman lain portal ini.");
        var token = setup.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        foreach (var url in new[] { "/", "/Nominations", "/Scoring/Rounds", "/Account/ChangePassword", "/Account/TwoFactor" })
        {
            using var held = await chair.GetAsync(url);
            held.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            held.Headers.Location!.ToString().ShouldBe("/Account/TwoFactorSetup", url);
        }

        using (var post = await chair.PostFieldsAsync("/Account/ChangePassword", [new("__RequestVerificationToken", token), new("Input.CurrentPassword", Password),
                   new("Input.NewPassword", "Frasa-Baru-Yang-Tertahan"), new("Input.ConfirmPassword", "Frasa-Baru-Yang-Tertahan")]))
        {
            post.Headers.Location!.ToString().ShouldBe("/Account/TwoFactorSetup");
        }

        using (var stillOld = await portal.Factory.CreatePortalClient().SignInAsync(email, Password))
        {
            stillOld.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        setup = await StartAsync(chair);
        var key = PortalClient.Text(setup.QuerySelector("[data-testid=shared-key]"));
        using (var on = await chair.SubmitFormAsync(setup, "/Account/TwoFactorSetup", Confirm, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            on.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var nominations = await chair.GetAsync("/Nominations"))
        {
            nominations.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var manage = await chair.GetPageAsync("/Account/TwoFactor");
        manage.QuerySelector("form#disable-two-factor-form").ShouldBeNull();
        PortalClient.Text(manage.QuerySelector("[data-testid=two-factor-required]"))
            .ShouldBe("Peran Anda wajib memakai verifikasi dua langkah: Anda dapat mengatur ulangnya, tetapi tidak menonaktifkannya.");
        var manageToken = manage.QuerySelector<IHtmlInputElement>("form#recovery-codes-form input[name=__RequestVerificationToken]")!.Value;
        using (var off = await chair.PostFieldsAsync("/Account/TwoFactor?handler=Disable", [new("__RequestVerificationToken", manageToken)]))
        {
            off.Headers.Location!.ToString().ShouldBe("/Account/TwoFactor");
        }

        (await EnabledAsync(id)).ShouldBeTrue();

        // A member of the same portal is not held.
        var (_, member) = await AccountAsync(Roles.CommitteeMember);
        using var memberClient = portal.Factory.CreatePortalClient();
        using var memberSignIn = await memberClient.SignInAsync(member, Password);
        memberSignIn.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Turning_it_off_ends_the_other_sessions_and_the_password_alone_signs_in_again()
    {
        var (id, email) = await AccountAsync(Roles.CommitteeMember);
        using var here = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, Password);
        var setup = await StartAsync(here);
        var key = PortalClient.Text(setup.QuerySelector("[data-testid=shared-key]"));
        (await here.SubmitFormAsync(setup, "/Account/TwoFactorSetup", Confirm, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) })).Dispose();

        using var elsewhere = portal.Factory.CreatePortalClient();
        (await elsewhere.SignInAsync(email, Password)).Dispose();
        (await elsewhere.SubmitFormAsync("/Account/LoginWith2fa?ReturnUrl=%2F", Form, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) })).Dispose();
        using (var inside = await elsewhere.GetAsync("/"))
        {
            inside.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var off = await here.SubmitFormAsync("/Account/TwoFactor", "form#disable-two-factor-form", new Dictionary<string, string>()))
        {
            off.Headers.Location!.ToString().ShouldBe("/Account/TwoFactor");
        }

        (await EnabledAsync(id)).ShouldBeFalse();
        using (var stillHere = await here.GetAsync("/"))
        {
            stillHere.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var ended = await elsewhere.GetAsync("/"))
        {
            ended.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=two-factor-changed");
        }

        using var plain = await portal.Factory.CreatePortalClient().SignInAsync(email, Password);
        plain.Headers.Location!.ToString().ShouldBe("/");
        // The old key is forgotten: setting up again shows a new one.
        PortalClient.Text((await here.GetPageAsync("/Account/TwoFactorSetup")).QuerySelector("[data-testid=shared-key]")).ShouldNotBe(key);
    }

    [Theory]
    [InlineData(null, "false", "Administrator,CommitteeChair")]
    [InlineData(null, "true", "")]
    [InlineData("", "false", "")]
    [InlineData("CommitteeMember, BranchOfficer", "true", "BranchOfficer,CommitteeMember")]
    public void The_setting_defaults_to_administrators_and_chairs_and_the_demo_clears_it(string? setting, string demo, string roles)
    {
        var values = new Dictionary<string, string?> { ["Demo:Enabled"] = demo };
        if (setting is not null)
        {
            values["Security:RequireTwoFactorFor"] = setting;
        }

        var requirement = TwoFactorRequirement.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        string.Join(',', requirement.RoleNames.Order(StringComparer.Ordinal)).ShouldBe(roles);
    }

    [Fact]
    public async Task The_sign_in_page_says_when_the_demo_does_without_it()
    {
        const string note = "Ini portal demo: verifikasi dua langkah tidak diwajibkan, sehingga akun demo masuk dengan kata sandi yang diumumkan saja. Pada portal sungguhan administrator dan ketua wajib memakai aplikasi autentikator.";
        await using var demo = new PortalFactory(portal.Factory.Database);
        PortalClient.Text((await demo.CreatePortalClient().GetPageAsync("/Account/Login")).QuerySelector("[data-testid=demo-two-factor]")).ShouldBe(note);
        (await portal.Factory.CreatePortalClient().GetPageAsync("/Account/Login")).QuerySelector("[data-testid=demo-two-factor]").ShouldBeNull();
    }

    /// <summary>"Mulai" on the setup page, then the page with the key.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> StartAsync(PortalClient client)
    {
        using (var started = await client.SubmitFormAsync("/Account/TwoFactorSetup", "form#start-two-factor-form", new Dictionary<string, string>()))
        {
            started.Headers.Location!.ToString().ShouldBe("/Account/TwoFactorSetup");
        }

        return await client.GetPageAsync("/Account/TwoFactorSetup");
    }

    private async Task<HttpStatusCode> RecoverAsync(string email, string code)
    {
        using var client = portal.Factory.CreatePortalClient();
        (await client.SignInAsync(email, Password)).Dispose();
        var page = await client.GetPageAsync("/Account/LoginWith2fa?ReturnUrl=%2F");
        page.QuerySelector("a[data-testid=use-recovery-code]")!.GetAttribute("href").ShouldBe("/Account/LoginWithRecoveryCode?returnUrl=%2F");
        using var response = await client.SubmitFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2F", Form, new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
        if (response.StatusCode == HttpStatusCode.OK)
        {
            PortalClient.Text((await PortalClient.ParseAsync(response)).QuerySelector("#recoveryCodeError")).ShouldBe("Kode pemulihan ini salah atau sudah pernah dipakai.");
        }

        return response.StatusCode;
    }

    private async Task<(Guid Id, string Email)> AccountAsync(string role)
    {
        var email = $"dua.langkah.{Guid.NewGuid():N}@uji.paritrana";
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = "Akun Dua Langkah", ProvinceCode = "51", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true, LockoutEnabled = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return (user.Id, email);
    }

    private async Task<bool> EnabledAsync(Guid id) =>
        await TestDatabase.ScalarAsync<bool>(portal.Factory.Database, "SELECT two_factor_enabled FROM users WHERE id = @id", ("id", id));

    /// <summary>The account's audit trail of this feature: action, and the reason or step when it has one.</summary>
    private async Task<string?> ActionsAsync(string email) =>
        await TestDatabase.ScalarAsync<string>(portal.Factory.Database,
            """
            SELECT string_agg(a, ',' ORDER BY a COLLATE "C") FROM (
              SELECT action || coalesce(':' || (SELECT d->>'value' FROM jsonb_array_elements(details) d WHERE d->>'name' IN ('reason', 'second-step') LIMIT 1), '') AS a
              FROM audit_events
              WHERE (user_email = @e OR entity_id = (SELECT id::text FROM users WHERE email = @e))
                AND (action LIKE 'auth.two-factor%' OR action LIKE 'auth.recovery%' OR action = 'auth.session-ended')) x
            """, ("e", email));

    [GeneratedRegex("^[A-Z0-9]{5}-[A-Z0-9]{5}$")]
    private static partial Regex RecoveryCode();
}
