using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Accounts;

public class AccountSecurityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        using var client = portal.Factory.CreatePortalClient();
        const string email = "anggota.jateng@paritrana.demo";
        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await client.SignInAsync(email, $"wrong-password-number-{i}");
            PortalClient.Text((await PortalClient.ParseAsync(wrong)).QuerySelector(".validation-summary-errors")).ShouldBe("Alamat surel atau kata sandi salah.");
        }

        using var fifth = await client.SignInAsync(email, "wrong-password-number-5");
        PortalClient.Text((await PortalClient.ParseAsync(fifth)).QuerySelector(".validation-summary-errors"))
            .ShouldBe("Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.");

        using var right = await client.SignInAsync(email);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(right)).QuerySelector(".validation-summary-errors"))
            .ShouldBe("Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.");

        var lockoutEnd = await TestDatabase.ScalarAsync<DateTime>(portal.Database, "SELECT lockout_end FROM users WHERE email = @e", ("e", email));
        (lockoutEnd - DateTime.UtcNow).TotalMinutes.ShouldBeInRange(14, 15.01);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = @a AND user_email = @e",
            ("a", AuditActions.LockedOut), ("e", email))).ShouldBe(2L);
    }

    [Fact]
    public async Task A_member_changes_their_password_and_signs_in_with_the_new_one()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync("cabang.gianyar@paritrana.demo");

        using var tooShort = await client.SubmitFormAsync("/Account/ChangePassword", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalClient.DemoPassword,
            ["Input.NewPassword"] = "short-pass1",
            ["Input.ConfirmPassword"] = "short-pass1",
        });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(tooShort)).QuerySelector("[data-valmsg-for='Input.NewPassword']")).ShouldBe("Kata sandi minimal 12 karakter.");

        using var common = await client.SubmitFormAsync("/Account/ChangePassword", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalClient.DemoPassword,
            ["Input.NewPassword"] = "qwertyuiopasdfgh",
            ["Input.ConfirmPassword"] = "qwertyuiopasdfgh",
        });
        PortalClient.Text((await PortalClient.ParseAsync(common)).QuerySelector("[data-valmsg-for='Input.NewPassword']"))
            .ShouldBe("Kata sandi ini terlalu umum atau memuat alamat surel Anda. Pilih frasa lain yang mudah Anda ingat.");

        using var mismatch = await client.SubmitFormAsync("/Account/ChangePassword", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalClient.DemoPassword,
            ["Input.NewPassword"] = "kopi luwak di pagi hari",
            ["Input.ConfirmPassword"] = "kopi luwak di sore hari",
        });
        PortalClient.Text((await PortalClient.ParseAsync(mismatch)).QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")).ShouldBe("Kedua isian kata sandi baru tidak sama.");

        using var ok = await client.SubmitFormAsync("/Account/ChangePassword", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalClient.DemoPassword,
            ["Input.NewPassword"] = "kopi luwak di pagi hari",
            ["Input.ConfirmPassword"] = "kopi luwak di pagi hari",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await client.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("[role=status]")).ShouldBe("Kata sandi Anda telah diubah.");

        using var fresh = portal.Factory.CreatePortalClient();
        using (var old = await fresh.SignInAsync("cabang.gianyar@paritrana.demo"))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await fresh.SignedInAsAsync("cabang.gianyar@paritrana.demo", "kopi luwak di pagi hari");
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync("ketua.bali@paritrana.demo");
        var home = await client.GetPageAsync("/");
        using var response = await client.SubmitFormAsync(home, "/", "form[action='/Account/Logout']", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Account/Login");
        using var after = await client.GetAsync("/");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync("ketua.bali@paritrana.demo");
        using var response = await client.PostFieldsAsync("/Account/Logout", []);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetPageAsync("/")).QuerySelector("h1").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_navigation_follows_the_role()
    {
        static async Task<string[]> NavLinks(PortalClient c) =>
            (await c.GetPageAsync("/")).QuerySelectorAll("#mainNav .navbar-nav.me-auto a.nav-link").Select(a => PortalClient.Text(a)).ToArray();

        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync("admin@paritrana.demo");
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync("anggota.bali@paritrana.demo");
        using var officer = await portal.Factory.CreatePortalClient().SignedInAsAsync("cabang.denpasar@paritrana.demo");

        using var juror = await portal.Factory.CreatePortalClient().SignedInAsAsync("juri3@paritrana.demo");
        (await NavLinks(admin)).ShouldBe(["Beranda", "Nominasi", "Data pemberi kerja", "Impor data", "Wilayah", "Tahap nasional", "Administrasi"]);
        // A national juror has the national area only (docs/decisions/043, 046).
        (await NavLinks(juror)).ShouldBe(["Beranda", "Tahap nasional", "Kartu nilai saya", "Jadwal wawancara"]);
        (await NavLinks(member)).ShouldBe(["Beranda", "Nominasi", "Kunjungan & pembinaan", "Penilaian", "Finalis & laporan", "Data pemberi kerja", "Wilayah"]);
        (await NavLinks(officer)).ShouldBe(["Beranda", "Nominasi", "Antrean verifikasi", "Data pemberi kerja", "Impor data", "Wilayah"]);
        (await admin.GetPageAsync("/")).QuerySelectorAll("#mainNav .navbar-nav.me-auto .dropdown-menu a.dropdown-item").Select(a => PortalClient.Text(a))
            .ShouldBe(["Daftar wilayah", "Cakupan kepesertaan", "Ringkasan nasional", "Siklus penghargaan", "Kriteria penilaian", "Rapat pleno nasional", "Verifikasi dokumen", "Pengguna", "Kantor BPJamsostek", "Jejak audit"]);
        var officerHome = await officer.GetPageAsync("/");
        PortalClient.Text(officerHome.QuerySelector("[data-testid=regency-count]")).ShouldBe("5");
        officerHome.QuerySelectorAll("[data-testid=branch-areas] .badge").Select(b => PortalClient.Text(b)).ShouldBe(
            ["Kabupaten Jembrana", "Kabupaten Tabanan", "Kabupaten Badung", "Kabupaten Buleleng", "Kota Denpasar"]);
    }

    [Fact]
    public async Task The_language_switch_shows_english_and_keeps_indonesian_numbers()
    {
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync("admin@paritrana.demo");
        var home = await client.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("main h1")).ShouldBe("Selamat datang, Admin Sekretariat Nasional");
        using var switched = await client.SubmitFormAsync(home, "/", "form.language-switch", new Dictionary<string, string>(), "button[name=language]");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.ToString().ShouldBe("/");

        var english = await client.GetPageAsync("/");
        english.DocumentElement.GetAttribute("lang").ShouldBe("en");
        PortalClient.Text(english.QuerySelector("main h1")).ShouldBe("Welcome, Admin Sekretariat Nasional");
        // 38 provinces and 514 regencies: id-ID digits stay whatever the language.
        PortalClient.Text(english.QuerySelector("[data-testid=regency-count]")).ShouldBe("514");
        PortalClient.Text(english.QuerySelector("button[name=language]")).ShouldBe("Bahasa Indonesia");
    }
}

public class ProductionHardeningTests : IAsyncLifetime
{
    private string _database = "";
    private PortalFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("prod");
        _factory = new PortalFactory(_database, "Production");
    }

    public async Task DisposeAsync()
    {
        await _factory!.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task Outside_development_the_session_cookie_is_host_prefixed_secure_httponly_and_lax()
    {
        using var client = _factory!.CreatePortalClient(https: true, host: "paritrana.test");
        using var response = await client.SignInAsync("ketua.bali@paritrana.demo");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Paritrana.Auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToArray();
        attributes.ShouldContain("path=/");
        attributes.ShouldContain("secure");
        attributes.ShouldContain("samesite=lax");
        attributes.ShouldContain("httponly");
        attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal));
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = _factory!.CreatePortalClient(https: true);
        using var response = await client.GetAsync("/Account/Login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }

    [Fact]
    public void Demo_mode_refuses_to_start_in_production()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["ConnectionStrings:Paritrana"] = TestDatabase.ConnectionStringFor(_database),
        });
        var error = Should.Throw<InvalidOperationException>(() => builder.AddPortalServices());
        error.Message.ShouldBe("Demo:Enabled=true is refused in the Production environment: demo accounts share a published password.");
    }
}

public class SessionPersistenceTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("keys");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    [Fact]
    public async Task A_restarted_instance_keeps_users_signed_in_with_the_keys_kept_in_the_database()
    {
        string cookie;
        await using (var first = new PortalFactory(_database))
        {
            using var client = first.CreatePortalClient();
            using var response = await client.SignInAsync("ketua.bali@paritrana.demo");
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Paritrana.Auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        (await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM data_protection_keys")).ShouldBe(1);

        await using (var second = new PortalFactory(_database))
        {
            (await GetHomeAsync(second, cookie)).ShouldBe(HttpStatusCode.OK);
        }

        // Without the key ring of the database the cookie cannot be read: the user must sign in again.
        await TestDatabase.ExecuteAsync("DELETE FROM data_protection_keys", _database);
        await using var stranger = new PortalFactory(_database);
        (await GetHomeAsync(stranger, cookie)).ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpStatusCode> GetHomeAsync(PortalFactory factory, string cookie)
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

public class SignInRateLimitTests : IAsyncLifetime
{
    private string _database = "";
    private PortalFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("ratelimit");
        _factory = new PortalFactory(_database, settings: new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" });
    }

    public async Task DisposeAsync()
    {
        await _factory!.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_answer_429_with_a_clear_page()
    {
        using var client = _factory!.CreatePortalClient();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.SignInAsync($"guess{i}@paritrana.demo", "not-the-right-password");
            attempt.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await client.SignInAsync("anggota.bali@paritrana.demo");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await PortalClient.ParseAsync(refused);
        PortalClient.Text(page.QuerySelector("main h1")).ShouldBe("Terlalu banyak permintaan");
        PortalClient.Text(page.QuerySelector("main .lead")).ShouldBe("Terlalu banyak percobaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.");

        // Reading the login page is never limited.
        using var get = await client.GetAsync("/Account/Login");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
