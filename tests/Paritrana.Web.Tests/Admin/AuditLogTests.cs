using System.Globalization;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Admin;

/// <summary>The administrator's view of the audit trail. The tests of this class share one database.</summary>
public class AuditLogTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";

    private const string AdminName = "Admin Sekretariat Nasional";

    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public async Task The_audit_page_lists_the_administrators_sign_in_and_the_account_they_created()
    {
        using var admin = portal.Factory.CreatePortalClient();
        await admin.SignedInAsAsync(Admin);
        var email = $"audit.{Guid.NewGuid():N}@paritrana.test";
        using (var created = await admin.SubmitFormAsync("/Admin/Users/Create", "form#create-account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Akun Untuk Audit",
            ["Input.Email"] = email,
            ["Input.Role"] = "CommitteeMember",
            ["Input.ProvinceCode"] = "51",
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = @e", ("e", email));
        var at = await TestDatabase.ScalarAsync<DateTime>(portal.Database,
            "SELECT at FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.UserCreated), ("id", id.ToString()));

        var rows = await RowsAsync(admin, $"/Admin/Audit?email={Uri.EscapeDataString(Admin)}");

        // Newest first: the invitation mailed with the account, the account just created, after the sign-in
        // that preceded it; the person by name, the record by its name, the details in words.
        var expires = await TestDatabase.ScalarAsync<DateTime>(portal.Database, "SELECT expires_at FROM account_invitations WHERE user_id = @id", ("id", id));
        rows[0].ShouldBe(new Row(
            Wib(at),
            AdminName,
            "Undangan akun dikirim",
            "Akun Untuk Audit",
            "Bali",
            $"Surel {email}, Berlaku sampai {Wib(expires)}, Undangan yang digantikan: 0"));
        rows[1].ShouldBe(new Row(
            Wib(at),
            AdminName,
            "Akun dibuat",
            "Akun Untuk Audit",
            "Bali",
            $"Surel {email}, Peran Anggota Tim Panitia, Provinsi Bali"));
        var signInAt = await TestDatabase.ScalarAsync<DateTime>(portal.Database,
            "SELECT max(at) FROM audit_events WHERE action = @a AND user_email = @e", ("a", AuditActions.SignIn), ("e", Admin));
        rows.ShouldContain(new Row(Wib(signInAt), AdminName, "Masuk ke portal", AdminName, "—", ""));
        var page = await admin.GetPageAsync($"/Admin/Audit?email={Uri.EscapeDataString(Admin)}");
        page.QuerySelectorAll("[data-testid=audit-row] [data-testid=record] a").Take(2).Select(a => a.GetAttribute("href"))
            .ShouldBe([$"/Admin/Users/Edit?id={id}", $"/Admin/Users/Edit?id={id}"]);

        var signIns = await admin.GetPageAsync($"/Admin/Audit?action={AuditActions.SignIn}&email={Uri.EscapeDataString(Admin)}");
        var count = await CountAsync("action = 'auth.sign-in' AND user_email = 'admin@paritrana.demo'");
        PortalClient.Text(signIns.QuerySelector("[data-testid=pager-summary]")).ShouldBe($"Menampilkan 1–{count} dari {count}");
        signIns.QuerySelectorAll("[data-testid=audit-row] [data-testid=action]").Select(PortalClient.Text).Distinct().ShouldBe(["Masuk ke portal"]);
    }

    [Fact]
    public async Task The_audit_page_filters_by_action_e_mail_and_date()
    {
        var unknown = $"Tamu.{Guid.NewGuid():N}@paritrana.test";
        using (var visitor = portal.Factory.CreatePortalClient())
        using (var failed = await visitor.SignInAsync(unknown, "salah-kata-sandi-2026"))
        {
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var admin = portal.Factory.CreatePortalClient();
        await admin.SignedInAsAsync(Admin);
        var search = Uri.EscapeDataString(unknown[..20].ToUpperInvariant());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jakarta).DateTime);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var failedSignIns = await RowsAsync(admin, $"/Admin/Audit?action=auth.sign-in-failed&email={search}");
        // A failed sign-in has no account: the address typed stands for the person.
        failedSignIns.Select(r => (r.User, r.Action)).ShouldBe([(unknown, "Gagal masuk")]);

        (await RowsAsync(admin, $"/Admin/Audit?action=auth.sign-in&email={search}")).ShouldBeEmpty();
        (await RowsAsync(admin, $"/Admin/Audit?email={search}&from={Day(today)}&to={Day(today)}")).Count.ShouldBe(1);
        (await RowsAsync(admin, $"/Admin/Audit?email={search}&from={Day(today.AddDays(1))}")).ShouldBeEmpty();
        (await RowsAsync(admin, $"/Admin/Audit?email={search}&to={Day(today.AddDays(-1))}")).ShouldBeEmpty();

        var page = await admin.GetPageAsync($"/Admin/Audit?email={search}&to={Day(today.AddDays(-1))}");
        PortalClient.Text(page.QuerySelector("[data-testid=empty]")).ShouldBe("Tidak ada catatan yang cocok dengan saringan ini.");
        page.QuerySelector("input#to")!.GetAttribute("value").ShouldBe(Day(today.AddDays(-1)));

        // The action filter alone: exactly the failed sign-ins of the trail, counted by the pager.
        var all = await admin.GetPageAsync("/Admin/Audit?action=auth.sign-in-failed");
        var count = await CountAsync("action = 'auth.sign-in-failed'");
        PortalClient.Text(all.QuerySelector("[data-testid=pager-summary]")).ShouldBe($"Menampilkan 1–{count} dari {count}");
    }

    [Fact]
    public async Task An_action_without_a_description_is_shown_as_stored()
    {
        var entity = Guid.NewGuid().ToString("N");
        await TestDatabase.ExecuteAsync(
            $"INSERT INTO audit_events (at, action, entity_type, entity_id, province_code, details) VALUES (now(), 'nomination.imported', 'nomination', '{entity}', '33', '[{{\"value\": \"uji\"}}]')",
            portal.Database);
        using var admin = portal.Factory.CreatePortalClient();
        await admin.SignedInAsAsync(Admin);

        var rows = await RowsAsync(admin, "/Admin/Audit?action=nomination.imported");

        var at = await TestDatabase.ScalarAsync<DateTime>(portal.Database, "SELECT at FROM audit_events WHERE entity_id = @id", ("id", entity));
        rows.ShouldBe([new Row(Wib(at), "—", "nomination.imported", $"nomination {entity}", "Jawa Tengah", "uji")]);
    }

    [Fact]
    public async Task A_committee_chair_is_refused_the_audit_trail()
    {
        using var chair = portal.Factory.CreatePortalClient();
        await chair.SignedInAsAsync("ketua.bali@paritrana.demo");

        using var response = await chair.GetAsync("/Admin/Audit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("http://localhost/Account/AccessDenied?ReturnUrl=%2FAdmin%2FAudit");
        using var denied = await chair.FollowAsync(response);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refused_authorisations_are_audited_where_they_happen_even_when_the_redirect_is_not_followed()
    {
        using var member = portal.Factory.CreatePortalClient();
        await member.SignedInAsAsync("anggota.jateng@paritrana.demo");
        var before = await CountAsync("action = 'auth.access-refused'");

        // A page of another role, and a crafted POST (with a valid token of the member's own) to it.
        using (var get = await member.GetAsync("/Admin/Users?p=2"))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var home = await member.GetPageAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var post = await member.PostFieldsAsync("/Admin/Users/Create", [new("__RequestVerificationToken", token), new("Input.Email", "x@paritrana.test")]))
        {
            post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            post.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        }

        (await CountAsync("action = 'auth.access-refused'")).ShouldBe(before + 2);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM users WHERE email = 'x@paritrana.test'")).ShouldBe(0);

        // Opening the access-denied page itself writes nothing more.
        using (var denied = await member.GetAsync("/Account/AccessDenied?ReturnUrl=%2FAdmin%2FUsers"))
        {
            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await CountAsync("action = 'auth.access-refused'")).ShouldBe(before + 2);

        using var admin = portal.Factory.CreatePortalClient();
        await admin.SignedInAsAsync(Admin);
        var rows = await RowsAsync(admin, "/Admin/Audit?action=auth.access-refused&email=anggota.jateng%40paritrana.demo");
        rows.Select(r => (r.User, r.Action, r.Record, r.Details)).ShouldBe(
        [
            ("Siti Anggota", "Akses ditolak", "Siti Anggota", "POST /Admin/Users/Create"),
            ("Siti Anggota", "Akses ditolak", "Siti Anggota", "GET /Admin/Users?p=2"),
        ]);
    }

    private sealed record Row(string At, string User, string Action, string Record, string Province, string Details);

    private static async Task<List<Row>> RowsAsync(PortalClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return page.QuerySelectorAll("tr[data-testid=audit-row]")
            .Select(tr => new Row(
                PortalClient.Text(tr.QuerySelector("[data-testid=at]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=user]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=action]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=record]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=province]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=details]"))))
            .ToList();
    }

    private async Task<long> CountAsync(string where) =>
        await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE {where}");

    private static string Wib(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Jakarta)
            .ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
