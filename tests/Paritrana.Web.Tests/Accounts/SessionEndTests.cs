using static Paritrana.Web.Tests.Accounts.SessionProbe;

namespace Paritrana.Web.Tests.Accounts;

/// <summary>
/// Sessions are known to the server (user_sessions): signing out, a password change and the
/// administrator's changes to an account end them there, so a cookie that was copied or left in
/// another browser is refused afterwards, and the login page says why. Each test uses its own demo
/// account, so the tests of the class do not end each other's sessions.
/// </summary>
public class SessionEndTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";

    [Fact]
    public async Task A_cookie_saved_before_signing_out_is_refused_afterwards()
    {
        const string email = "ketua.bali@paritrana.demo";
        using var client = portal.Factory.CreatePortalClient();
        using var signIn = await client.SignInAsync(email);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = AuthCookie(signIn);
        using (var before = await ReplayAsync(portal.Factory, saved, "/Nominations"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var home = await client.GetPageAsync("/");
        using var logout = await client.SubmitFormAsync(home, "/", "form[action='/Account/Logout']", new Dictionary<string, string>());
        logout.Headers.Location!.ToString().ShouldBe("/Account/Login");

        using var replayed = await ReplayAsync(portal.Factory, saved, "/Nominations");
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=signed-out");
        (await LoginNoticeAsync(portal.Factory, replayed)).ShouldBe("Sesi ini telah diakhiri karena Anda keluar. Silakan masuk lagi.");
        (await EndingsAsync(portal.Database, email)).ShouldBe("SignedOut");

        // Refused every time, not only once.
        using var again = await ReplayAsync(portal.Factory, saved, "/");
        again.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=signed-out");
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_the_one_that_changed_it()
    {
        const string email = "cabang.gianyar@paritrana.demo";
        using var changing = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);
        using var other = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);
        (await changing.GetPageAsync("/Nominations")).ShouldNotBeNull();
        (await other.GetPageAsync("/Nominations")).ShouldNotBeNull();

        using var changed = await changing.SubmitFormAsync("/Account/ChangePassword", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalClient.DemoPassword,
            ["Input.NewPassword"] = "sawah di ubud hijau sekali",
            ["Input.ConfirmPassword"] = "sawah di ubud hijau sekali",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var refused = await other.GetAsync("/Nominations");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FNominations&ended=password-changed");
        (await LoginNoticeAsync(portal.Factory, refused))
            .ShouldBe("Sesi Anda berakhir karena kata sandi akun ini diubah. Silakan masuk dengan kata sandi yang baru.");

        using var stillIn = await changing.GetAsync("/Nominations");
        stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EndingsAsync(portal.Database, email)).ShouldBe(",PasswordChanged");
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND user_email = @e", ("a", "auth.session-ended"), ("e", email)))
            .ShouldBe("reason: password-changed; sessions: 1");
    }

    [Theory]
    [InlineData("disable", "anggota.jateng@paritrana.demo", "disabled", "Disabled",
        "Sesi Anda berakhir karena akun ini dinonaktifkan. Hubungi administrator portal di provinsi Anda.")]
    [InlineData("role", "anggota.bali@paritrana.demo", "account-changed", "AccountChanged",
        "Sesi Anda berakhir karena administrator mengubah peran, wilayah tugas atau alamat surel akun ini. Silakan masuk lagi.")]
    [InlineData("province", "ketua.jateng@paritrana.demo", "account-changed", "AccountChanged",
        "Sesi Anda berakhir karena administrator mengubah peran, wilayah tugas atau alamat surel akun ini. Silakan masuk lagi.")]
    [InlineData("branch", "cabang.denpasar@paritrana.demo", "account-changed", "AccountChanged",
        "Sesi Anda berakhir karena administrator mengubah peran, wilayah tugas atau alamat surel akun ini. Silakan masuk lagi.")]
    public async Task An_administrators_change_to_an_account_ends_all_its_sessions(string change, string email, string code, string stored, string notice)
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        using var office = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);
        using var phone = await portal.Factory.CreatePortalClient().SignedInAsAsync(email);
        (await office.GetPageAsync("/Nominations")).ShouldNotBeNull();
        (await phone.GetPageAsync("/")).ShouldNotBeNull();
        var id = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = @e", ("e", email));
        var edit = $"/Admin/Users/Edit?id={id}";

        using var saved = change switch
        {
            "disable" => await admin.SubmitFormAsync(edit, "form#disable-form", new Dictionary<string, string>()),
            "role" => await admin.SubmitFormAsync(edit, "form#edit-account", new Dictionary<string, string> { ["Input.Role"] = "CommitteeChair" }),
            "province" => await admin.SubmitFormAsync(edit, "form#edit-account", new Dictionary<string, string> { ["Input.ProvinceCode"] = "51" }),
            "branch" => await admin.SubmitFormAsync(edit, "form#edit-account", new Dictionary<string, string>
            {
                ["Input.BranchOfficeId"] = (await TestDatabase.ScalarAsync<int>(portal.Database,
                    "SELECT id FROM branch_offices WHERE name = 'Kantor Cabang Gianyar'")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe(edit);

        using var fromOffice = await office.GetAsync("/Nominations");
        fromOffice.Headers.Location!.ToString().ShouldBe($"http://localhost/Account/Login?ReturnUrl=%2FNominations&ended={code}");
        using var fromPhone = await phone.GetAsync("/");
        fromPhone.Headers.Location!.ToString().ShouldBe($"http://localhost/Account/Login?ReturnUrl=%2F&ended={code}");
        (await LoginNoticeAsync(portal.Factory, fromOffice)).ShouldBe(notice);
        (await EndingsAsync(portal.Database, email)).ShouldBe($"{stored},{stored}");
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", "auth.session-ended"), ("id", id.ToString())))
            .ShouldBe($"reason: {code}; sessions: 2");

        // The administrator's own session is untouched.
        using var adminStillIn = await admin.GetAsync("/Admin/Users");
        adminStillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_reset_by_the_administrator_ends_every_session_of_the_account()
    {
        const string first = "Kebun-Kopi-Kintamani-2026";
        var email = $"akun.{Guid.NewGuid():N}@paritrana.test";
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        using (var created = await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Akun Uji Sesi",
            ["Input.Email"] = email,
            ["Input.Role"] = "CommitteeMember",
            ["Input.ProvinceCode"] = "51",
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await InvitationKit.AcceptAsync(portal.Factory, email, first);
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, first);
        var id = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = @e", ("e", email));

        using var reset = await admin.SubmitFormAsync($"/Admin/Users/Edit?id={id}", "form#reset-password-form",
            new Dictionary<string, string> { ["NewPassword"] = "Sawah-Terasering-Jatiluwih" });
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var refused = await member.GetAsync("/");
        refused.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=password-reset");
        (await LoginNoticeAsync(portal.Factory, refused))
            .ShouldBe("Sesi Anda berakhir karena administrator mengganti kata sandi akun ini. Silakan masuk dengan kata sandi yang baru.");
        (await EndingsAsync(portal.Database, email)).ShouldBe("PasswordReset");
    }

    [Fact]
    public async Task An_administrator_who_changes_their_own_e_mail_stays_signed_in_here_and_is_signed_out_elsewhere()
    {
        const string password = "Pura-Tanah-Lot-Senja-2026";
        var email = $"admin.{Guid.NewGuid():N}@paritrana.test";
        using (var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin))
        using (var created = await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Admin Uji Sesi",
            ["Input.Email"] = email,
            ["Input.Role"] = "Administrator",
            ["Input.ProvinceCode"] = "",
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await InvitationKit.AcceptAsync(portal.Factory, email, password);
        using var here = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, password);
        using var elsewhere = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, password);
        var id = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = @e", ("e", email));
        var renamed = $"admin.{Guid.NewGuid():N}@paritrana.test";

        using var saved = await here.SubmitFormAsync($"/Admin/Users/Edit?id={id}", "form#edit-account", new Dictionary<string, string> { ["Input.Email"] = renamed });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var stillIn = await here.GetAsync("/Admin/Users");
        stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await elsewhere.GetAsync("/Admin/Users");
        refused.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2FAdmin%2FUsers&ended=account-changed");
        (await EndingsAsync(portal.Database, renamed)).ShouldBe(",AccountChanged");
    }
}
