using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Tests.Accounts;

namespace Paritrana.Web.Tests.Admin;

/// <summary>
/// The administrator's account pages. The tests of this class share one database: each creates the
/// accounts it changes (unique e-mails), and none disables a demo account.
/// </summary>
public class UserAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string InitialPassword = "Kebun-Kopi-Kintamani-2026";
    private const string WrongPassword = "bukan-kata-sandi-ini-2026";

    [Fact]
    public async Task An_administrator_creates_a_committee_member_in_Bali_who_can_then_sign_in_and_sees_one_province()
    {
        using var admin = await SignedInAsync(Admin);
        var email = NewEmail();
        var usersBefore = await CountUsersAsync();

        using var response = await SubmitCreateAsync(admin, email, "Made Wirawan (uji)", "CommitteeMember", "51");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Admin/Users");
        using var list = await admin.FollowAsync(response);
        var listPage = await PortalClient.ParseAsync(list);
        var expires = await TestDatabase.ScalarAsync<DateTime>(portal.Database,
            "SELECT i.expires_at FROM account_invitations i JOIN users u ON u.id = i.user_id WHERE u.email = @e AND i.expires_at = i.sent_at + interval '72 hours'", ("e", email));
        PortalClient.Text(listPage.QuerySelector(".alert-success")).ShouldBe(
            $"Akun {email} telah dibuat. Undangan untuk membuat kata sandi dikirim ke alamat itu dan berlaku sampai {Wib(expires)}.");

        (await CountUsersAsync()).ShouldBe(usersBefore + 1);
        var id = await UserIdAsync(email);
        (await RoleOfAsync(id)).ShouldBe("CommitteeMember");
        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT province_code FROM users WHERE id = @id", ("id", id))).ShouldBe("51");
        (await TestDatabase.ScalarAsync<bool>(portal.Database, "SELECT email_confirmed AND lockout_enabled AND NOT is_disabled FROM users WHERE id = @id", ("id", id))).ShouldBeTrue();
        (await TestDatabase.ScalarAsync<string>(portal.Database,
            $"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id AND province_code = '51' AND user_email = @admin",
            ("a", AuditActions.UserCreated), ("id", id.ToString()), ("admin", Admin)))
            .ShouldBe($"email: {email}; role: CommitteeMember; province: 51; branch: -");

        var rows = await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}");
        rows.ShouldBe([new Row("Made Wirawan (uji)", email, "Anggota Tim Panitia", "Bali", "—", $"Diundang, berlaku sampai {Wib(expires)}", "Belum pernah")]);
        (await TestDatabase.ScalarAsync<bool>(portal.Database, "SELECT password_hash IS NULL FROM users WHERE id = @id", ("id", id))).ShouldBeTrue();

        await InvitationKit.AcceptAsync(portal.Factory, email, InitialPassword);
        (await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}"))
            .ShouldBe([new Row("Made Wirawan (uji)", email, "Anggota Tim Panitia", "Bali", "—", "Aktif", "Belum pernah")]);

        using var member = portal.Factory.CreatePortalClient();
        using var signIn = await member.SignInAsync(email, InitialPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await member.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("h1")).ShouldBe("Selamat datang, Made Wirawan (uji)");
        PortalClient.Text(home.QuerySelector("[data-testid=province-count]")).ShouldBe("1");
        PortalClient.Text(home.QuerySelector("[data-testid=regency-count]")).ShouldBe("9");
    }

    [Fact]
    public async Task An_administrator_creates_a_branch_officer_of_the_Denpasar_branch()
    {
        using var admin = await SignedInAsync(Admin);
        var email = NewEmail();
        var denpasar = await BranchIdAsync("Kantor Cabang Denpasar");

        using var response = await SubmitCreateAsync(admin, email, "Petugas Uji Denpasar", "BranchOfficer", "51", denpasar.ToString(CultureInfo.InvariantCulture));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await InvitationKit.AcceptAsync(portal.Factory, email, InitialPassword);
        var rows = await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}");
        rows.ShouldBe([new Row("Petugas Uji Denpasar", email, "Petugas Kantor Cabang", "Bali", "Kantor Cabang Denpasar", "Aktif", "Belum pernah")]);

        using var officer = portal.Factory.CreatePortalClient();
        await officer.SignedInAsAsync(email, InitialPassword);
        var home = await officer.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("[data-testid=regency-count]")).ShouldBe("5");
    }

    [Theory]
    [InlineData("CommitteeMember", "", null, "Input.ProvinceCode", "Provinsi wajib dipilih untuk peran ini.")]
    [InlineData("CommitteeChair", "", null, "Input.ProvinceCode", "Provinsi wajib dipilih untuk peran ini.")]
    [InlineData("Administrator", "51", null, "Input.ProvinceCode", "Administrator berlaku nasional; kosongkan pilihan provinsi.")]
    [InlineData("BranchOfficer", "51", "Kantor Cabang Semarang Pemuda", "Input.BranchOfficeId", "Kantor cabang ini tidak berada di provinsi yang dipilih.")]
    [InlineData("BranchOfficer", "51", null, "Input.BranchOfficeId", "Kantor cabang wajib dipilih untuk Petugas Kantor Cabang.")]
    [InlineData("CommitteeMember", "51", "Kantor Cabang Denpasar", "Input.BranchOfficeId", "Kantor cabang hanya diisi untuk Petugas Kantor Cabang; kosongkan pilihan kantor cabang.")]
    [InlineData("", "51", null, "Input.Role", "Pilih peran akun.")]
    public async Task Creating_an_account_with_a_wrong_field_is_refused_with_one_message_beside_it_and_saves_nothing(
        string role, string province, string? branchName, string field, string message)
    {
        using var admin = await SignedInAsync(Admin);
        var email = NewEmail();
        var branch = branchName is null ? "" : (await BranchIdAsync(branchName)).ToString(CultureInfo.InvariantCulture);
        var usersBefore = await CountUsersAsync();

        using var response = await SubmitCreateAsync(admin, email, "Akun Yang Ditolak", role, province, branch);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector($"span[data-valmsg-for='{field}']")).ShouldBe(message);
        Errors(page).ShouldBe([message]);
        (await CountUsersAsync()).ShouldBe(usersBefore);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM users WHERE normalized_email = upper(@e)", ("e", email))).ShouldBe(0L);
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = @a AND {AuditSql.Text("details")} LIKE @d",
            ("a", AuditActions.UserCreated), ("d", $"email: {email};%"))).ShouldBe(0L);
    }

    [Theory]
    [InlineData("anggota.bali@paritrana.demo")]
    [InlineData("  Anggota.Bali@Paritrana.DEMO ")]
    public async Task Creating_an_account_with_an_e_mail_already_in_use_is_refused(string email)
    {
        using var admin = await SignedInAsync(Admin);
        var usersBefore = await CountUsersAsync();

        using var response = await SubmitCreateAsync(admin, email, "Akun Ganda", "CommitteeMember", "51");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        var message = $"Alamat surel {email.Trim()} sudah dipakai akun lain.";
        PortalClient.Text(page.QuerySelector("span[data-valmsg-for='Input.Email']")).ShouldBe(message);
        Errors(page).ShouldBe([message]);
        (await CountUsersAsync()).ShouldBe(usersBefore);
        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT full_name FROM users WHERE email = 'anggota.bali@paritrana.demo'"))
            .ShouldBe("Ni Luh Anggota");
    }

    [Fact]
    public async Task Changing_the_role_of_an_account_signs_its_owner_out_at_their_next_request()
    {
        using var admin = await SignedInAsync(Admin);
        var (email, id) = await CreateAccountAsync(admin, "CommitteeMember", "51");
        using var member = await SignedInAsync(email, InitialPassword);
        using (var before = await member.GetAsync("/"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var response = await admin.SubmitFormAsync(EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.Role"] = "CommitteeChair",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(EditUrl(id));
        (await RoleOfAsync(id)).ShouldBe("CommitteeChair");
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id",
            ("a", AuditActions.UserUpdated), ("id", id.ToString()))).ShouldBe("role: CommitteeMember → CommitteeChair");

        using var after = await member.GetAsync("/");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=account-changed");

        using var again = await SignedInAsync(email, InitialPassword);
        var home = await again.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("main p.text-body-secondary")).ShouldBe("Ketua Tim Panitia · Provinsi Bali");
    }

    [Fact]
    public async Task Renaming_an_account_keeps_its_owner_signed_in_and_is_audited()
    {
        using var admin = await SignedInAsync(Admin);
        var (email, id) = await CreateAccountAsync(admin, "CommitteeMember", "33");
        using var member = await SignedInAsync(email, InitialPassword);
        var stampBefore = await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT security_stamp FROM users WHERE id = @id", ("id", id));

        using var response = await admin.SubmitFormAsync(EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Sri Rahayu (uji)",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT full_name FROM users WHERE id = @id", ("id", id))).ShouldBe("Sri Rahayu (uji)");
        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT security_stamp FROM users WHERE id = @id", ("id", id))).ShouldBe(stampBefore);
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id",
            ("a", AuditActions.UserUpdated), ("id", id.ToString()))).ShouldBe("name: Akun Uji → Sri Rahayu (uji)");
        using var home = await member.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_form_offers_a_Bali_officer_only_the_branch_offices_of_Bali()
    {
        using var admin = await SignedInAsync(Admin);
        var denpasar = (await BranchIdAsync("Kantor Cabang Denpasar")).ToString(CultureInfo.InvariantCulture);
        var (_, id) = await CreateAccountAsync(admin, "BranchOfficer", "51", denpasar);

        var page = await admin.GetPageAsync(EditUrl(id));

        // Issue 15 saw Jawa Tengah's offices offered for a Bali officer; they are still in the page (for
        // another province chosen next) but neither shown nor selectable.
        var options = page.QuerySelectorAll("select#Input_BranchOfficeId option").Where(o => o.GetAttribute("value") != "").ToList();
        options.Where(o => !o.HasAttribute("hidden") && !o.HasAttribute("disabled")).Select(PortalClient.Text)
            .ShouldBe(["Kantor Cabang Denpasar (Bali)", "Kantor Cabang Gianyar (Bali)"]);
        options.Where(o => o.HasAttribute("hidden") && o.HasAttribute("disabled")).Select(PortalClient.Text).ShouldContain("Kantor Cabang Semarang Pemuda (Jawa Tengah)");
        options.Single(o => o.HasAttribute("selected")).GetAttribute("value").ShouldBe(denpasar);

        // Without a province chosen (the empty create form) every office is offered, named with its province.
        var create = await admin.GetPageAsync("/Admin/Users/Create");
        create.QuerySelectorAll("select#Input_BranchOfficeId option[hidden]").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Moving_a_branch_officer_to_a_branch_of_another_province_is_refused()
    {
        using var admin = await SignedInAsync(Admin);
        var denpasar = (await BranchIdAsync("Kantor Cabang Denpasar")).ToString(CultureInfo.InvariantCulture);
        var semarang = (await BranchIdAsync("Kantor Cabang Semarang Pemuda")).ToString(CultureInfo.InvariantCulture);
        var (_, id) = await CreateAccountAsync(admin, "BranchOfficer", "51", denpasar);

        using var response = await admin.SubmitFormAsync(EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.BranchOfficeId"] = semarang,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        Errors(page).ShouldBe(["Kantor cabang ini tidak berada di provinsi yang dipilih."]);
        PortalClient.Text(page.QuerySelector("span[data-valmsg-for='Input.BranchOfficeId']")).ShouldBe("Kantor cabang ini tidak berada di provinsi yang dipilih.");
        (await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT branch_office_id FROM users WHERE id = @id", ("id", id))).ShouldBe(int.Parse(denpasar, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_form_shown_before_someone_else_saved_is_refused_and_shows_the_current_values()
    {
        using var admin = await SignedInAsync(Admin);
        using var otherAdmin = await SignedInAsync(Admin);
        var (_, id) = await CreateAccountAsync(admin, "CommitteeMember", "51");
        var stale = await admin.GetPageAsync(EditUrl(id));

        using (var first = await otherAdmin.SubmitFormAsync(EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Nama Dari Admin Lain",
        }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await admin.SubmitFormAsync(stale, EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Nama Yang Basi",
            ["Input.Role"] = "CommitteeChair",
        });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(second);
        Errors(page).ShouldBe(["Akun ini baru saja diubah oleh orang lain. Isian di bawah menampilkan data terbaru; periksa lalu simpan lagi bila perlu."]);
        page.QuerySelector<IHtmlInputElement>("input[name='Input.FullName']")!.Value.ShouldBe("Nama Dari Admin Lain");
        page.QuerySelector<IHtmlSelectElement>("select[name='Input.Role']")!.Value.ShouldBe("CommitteeMember");
        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT full_name FROM users WHERE id = @id", ("id", id))).ShouldBe("Nama Dari Admin Lain");
        (await RoleOfAsync(id)).ShouldBe("CommitteeMember");

        // The refreshed form carries the current stamp, so saving it now works.
        using var third = await admin.SubmitFormAsync(page, EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.Role"] = "CommitteeChair",
        });
        third.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RoleOfAsync(id)).ShouldBe("CommitteeChair");
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_cannot_sign_in_until_it_is_enabled_again()
    {
        using var admin = await SignedInAsync(Admin);
        var (email, id) = await CreateAccountAsync(admin, "CommitteeMember", "51");
        using var member = await SignedInAsync(email, InitialPassword);

        using var disable = await admin.SubmitFormAsync(EditUrl(id), "form#disable-form", new Dictionary<string, string>());

        disable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var shown = await admin.FollowAsync(disable))
        {
            var page = await PortalClient.ParseAsync(shown);
            PortalClient.Text(page.QuerySelector(".alert-success")).ShouldBe($"Akun {email} telah dinonaktifkan. Sesi yang sedang berjalan berakhir pada permintaan berikutnya.");
            PortalClient.Text(page.QuerySelector("[data-testid=account-status]")).ShouldBe("Nonaktif");
            page.QuerySelector("form#enable-form").ShouldNotBeNull();
        }

        (await TestDatabase.ScalarAsync<bool>(portal.Database, "SELECT is_disabled FROM users WHERE id = @id", ("id", id))).ShouldBeTrue();
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id",
            ("a", AuditActions.UserDisabled), ("id", id.ToString()))).ShouldBe(1L);
        (await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}&status=nonaktif")).Single().Status.ShouldBe("Nonaktif");
        (await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}&status=aktif")).ShouldBeEmpty();

        using (var next = await member.GetAsync("/"))
        {
            next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            next.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=disabled");
        }

        using (var fresh = portal.Factory.CreatePortalClient())
        using (var refused = await fresh.SignInAsync(email, InitialPassword))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")).ShouldBe("Alamat surel atau kata sandi salah.");
        }

        using var enable = await admin.SubmitFormAsync(EditUrl(id), "form#enable-form", new Dictionary<string, string>());
        enable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TestDatabase.ScalarAsync<bool>(portal.Database, "SELECT is_disabled FROM users WHERE id = @id", ("id", id))).ShouldBeFalse();
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id",
            ("a", AuditActions.UserEnabled), ("id", id.ToString()))).ShouldBe(1L);
        using var back = portal.Factory.CreatePortalClient();
        using var signIn = await back.SignInAsync(email, InitialPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        using var admin = await SignedInAsync(Admin);
        var id = await UserIdAsync(Admin);
        var page = await admin.GetPageAsync(EditUrl(id));
        page.QuerySelector("form#disable-form").ShouldBeNull();
        PortalClient.Text(page.QuerySelector("[data-testid=self-note]")).ShouldStartWith("Ini akun Anda sendiri");

        // Posted anyway (an old tab, a crafted request): refused on the server.
        var token = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("form#edit-account")!)
            .Where(f => f.Key == "__RequestVerificationToken");
        using var response = await admin.PostFieldsAsync($"{EditUrl(id)}&handler=Disable", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var shown = await admin.FollowAsync(response);
        PortalClient.Text((await PortalClient.ParseAsync(shown)).QuerySelector(".alert-danger")).ShouldBe("Anda tidak dapat menonaktifkan akun Anda sendiri.");
        (await TestDatabase.ScalarAsync<bool>(portal.Database, "SELECT is_disabled FROM users WHERE id = @id", ("id", id))).ShouldBeFalse();
        using var stillIn = await admin.GetAsync("/Admin/Users");
        stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role()
    {
        using var admin = await SignedInAsync(Admin);
        var id = await UserIdAsync(Admin);

        using var response = await admin.SubmitFormAsync(EditUrl(id), "form#edit-account", new Dictionary<string, string>
        {
            ["Input.Role"] = "CommitteeChair",
            ["Input.ProvinceCode"] = "51",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await PortalClient.ParseAsync(response)).ShouldBe(["Anda tidak dapat mengubah peran akun Anda sendiri."]);
        (await RoleOfAsync(id)).ShouldBe("Administrator");
    }

    [Fact]
    public async Task A_password_reset_by_the_administrator_ends_the_sessions_and_the_new_password_works()
    {
        using var admin = await SignedInAsync(Admin);
        var (email, id) = await CreateAccountAsync(admin, "CommitteeMember", "51");
        using var member = await SignedInAsync(email, InitialPassword);

        using (var common = await admin.SubmitFormAsync(EditUrl(id), "form#reset-password-form", new Dictionary<string, string> { ["NewPassword"] = "passwordpassword" }))
        {
            common.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(common);
            PortalClient.Text(page.QuerySelector("span[data-valmsg-for='NewPassword']"))
                .ShouldBe("Kata sandi ini terlalu umum atau memuat alamat surel Anda. Pilih frasa lain yang mudah Anda ingat.");
            page.QuerySelector<IHtmlInputElement>("input[name='Input.Email']")!.Value.ShouldBe(email);
        }

        using (var stillIn = await member.GetAsync("/"))
        {
            stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var reset = await admin.SubmitFormAsync(EditUrl(id), "form#reset-password-form", new Dictionary<string, string> { ["NewPassword"] = "Sawah-Terasering-Jatiluwih" });

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id",
            ("a", AuditActions.UserPasswordReset), ("id", id.ToString()))).ShouldBe(1L);
        using (var next = await member.GetAsync("/"))
        {
            next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            next.Headers.Location!.ToString().ShouldBe("http://localhost/Account/Login?ReturnUrl=%2F&ended=password-reset");
        }

        using var oldPassword = portal.Factory.CreatePortalClient();
        using (var refused = await oldPassword.SignInAsync(email, InitialPassword))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var newPassword = portal.Factory.CreatePortalClient();
        using var signIn = await newPassword.SignInAsync(email, "Sawah-Terasering-Jatiluwih");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_locked_account_is_listed_as_locked_and_can_be_unlocked()
    {
        using var admin = await SignedInAsync(Admin);
        var (email, id) = await CreateAccountAsync(admin, "CommitteeMember", "51");
        using var member = portal.Factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await member.SignInAsync(email, WrongPassword);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var locked = await member.SignInAsync(email, InitialPassword))
        {
            locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var lockedUntil = await TestDatabase.ScalarAsync<DateTime>(portal.Database, "SELECT lockout_end FROM users WHERE id = @id", ("id", id));
        var row = (await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}&status=terkunci")).Single();
        row.Status.ShouldBe($"Terkunci sampai {Wib(lockedUntil)}");

        using var unlock = await admin.SubmitFormAsync(EditUrl(id), "form#unlock-form", new Dictionary<string, string>());

        unlock.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id",
            ("a", AuditActions.UserUnlocked), ("id", id.ToString()))).ShouldBe(1L);
        (await RowsAsync(admin, $"/Admin/Users?q={Uri.EscapeDataString(email)}&status=terkunci")).ShouldBeEmpty();
        using var signIn = await member.SignInAsync(email, InitialPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_list_filters_by_text_role_and_province()
    {
        using var admin = await SignedInAsync(Admin);

        var branchOfficers = await RowsAsync(admin, "/Admin/Users?q=CABANG&role=BranchOfficer&province=51");
        branchOfficers.ShouldBe(
        [
            new Row("Petugas Kantor Cabang Denpasar", "cabang.denpasar@paritrana.demo", "Petugas Kantor Cabang", "Bali", "Kantor Cabang Denpasar", "Aktif", "Belum pernah"),
            new Row("Petugas Kantor Cabang Gianyar", "cabang.gianyar@paritrana.demo", "Petugas Kantor Cabang", "Bali", "Kantor Cabang Gianyar", "Aktif", "Belum pernah"),
        ]);

        (await RowsAsync(admin, "/Admin/Users?role=CommitteeChair&province=33")).Select(r => r.Email).ShouldBe(["ketua.jateng@paritrana.demo"]);
        (await RowsAsync(admin, "/Admin/Users?q=%25")).ShouldBeEmpty();

        var page = await admin.GetPageAsync("/Admin/Users?q=zzz-tidak-ada");
        PortalClient.Text(page.QuerySelector("[data-testid=empty]")).ShouldBe("Tidak ada akun yang cocok dengan saringan ini.");
    }

    [Fact]
    public async Task A_committee_chair_is_refused_the_account_pages()
    {
        using var chair = await SignedInAsync("ketua.bali@paritrana.demo");

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Create" })
        {
            using var response = await chair.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldBe($"http://localhost/Account/AccessDenied?ReturnUrl={Uri.EscapeDataString(url)}");
            using var denied = await chair.FollowAsync(response);
            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private sealed record Row(string Name, string Email, string Role, string Province, string Branch, string Status, string LastSignIn);

    private async Task<PortalClient> SignedInAsync(string email, string password = PortalClient.DemoPassword)
    {
        var client = portal.Factory.CreatePortalClient();
        try
        {
            return await client.SignedInAsAsync(email, password);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string NewEmail() => $"akun.{Guid.NewGuid():N}@paritrana.test";

    private static string EditUrl(Guid id) => $"/Admin/Users/Edit?id={id}";

    private static async Task<HttpResponseMessage> SubmitCreateAsync(
        PortalClient admin, string email, string fullName, string role, string province, string branch = "") =>
        await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = fullName,
            ["Input.Email"] = email,
            ["Input.Role"] = role,
            ["Input.ProvinceCode"] = province,
            ["Input.BranchOfficeId"] = branch,
        });

    private async Task<(string Email, Guid Id)> CreateAccountAsync(PortalClient admin, string role, string province, string branch = "")
    {
        var email = NewEmail();
        using var response = await SubmitCreateAsync(admin, email, "Akun Uji", role, province, branch);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await InvitationKit.AcceptAsync(portal.Factory, email, InitialPassword);
        return (email, await UserIdAsync(email));
    }

    private async Task<Guid> UserIdAsync(string email) =>
        await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = @e", ("e", email));

    private async Task<long> CountUsersAsync() =>
        await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM users");

    private async Task<int> BranchIdAsync(string name) =>
        await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT id FROM branch_offices WHERE name = @n", ("n", name));

    private async Task<string?> RoleOfAsync(Guid id) =>
        await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT string_agg(r.name, ',') FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @id", ("id", id));

    private static async Task<List<Row>> RowsAsync(PortalClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return page.QuerySelectorAll("tr[data-testid=user-row]")
            .Select(tr => new Row(
                PortalClient.Text(tr.QuerySelector("[data-testid=name]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=email]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=role]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=province]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=branch]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=status]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=last-sign-in]"))))
            .ToList();
    }

    /// <summary>Every error message on a page: beside the fields and in the summary.</summary>
    private static string[] Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li")
            .Select(PortalClient.Text)
            .Where(t => t.Length > 0)
            .ToArray();

    private static string Wib(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"))
            .ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
