using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Admin;

/// <summary>
/// The administrator keeps the BPJamsostek offices: regional offices, branch offices and the
/// regencies and cities each branch covers. Every test makes its own names; refused saves leave
/// the database as it was.
/// </summary>
public class OfficeAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string Banuspa = "Kanwil Bali, Nusa Tenggara dan Papua (Banuspa)";
    private const string StaleMessage = "Kantor ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.";

    [Fact]
    public async Task The_index_lists_each_regional_office_with_its_branch_offices_and_their_regencies_and_cities()
    {
        using var client = await SignedInAsync(Admin);
        var page = await client.GetPageAsync("/Admin/Offices");

        BranchRows(page, "Kanwil Jawa Tengah dan DI Yogyakarta").ShouldBe(
            [["Kantor Cabang Semarang Pemuda", "Jawa Tengah", "Kabupaten Semarang, Kabupaten Kendal, Kota Salatiga, Kota Semarang (4)", "Aktif"]]);
        BranchRows(page, Banuspa).Single(r => r[0] == "Kantor Cabang Denpasar").ShouldBe(
            ["Kantor Cabang Denpasar", "Bali", "Kabupaten Jembrana, Kabupaten Tabanan, Kabupaten Badung, Kabupaten Buleleng, Kota Denpasar (5)", "Aktif"]);

        var jateng = await client.GetPageAsync("/Admin/Offices?province=33");
        UncoveredCodes(jateng).Count.ShouldBe(31);
        UncoveredCodes(jateng).ShouldNotContain("33.74");
        UncoveredCodes(jateng).ShouldContain("33.01");
    }

    [Fact]
    public async Task The_administrator_creates_a_regional_office_and_a_branch_office_in_Nusa_Tenggara_Barat()
    {
        var tag = Tag();
        var regionalName = $"Kanwil Uji {tag}";
        var branchName = $"Kantor Cabang Mataram {tag}";
        using var client = await SignedInAsync(Admin);

        using (var created = await client.SubmitFormAsync("/Admin/Offices/RegionalOffice", "#regional-office-form", new Dictionary<string, string> { ["Input.Name"] = regionalName }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            created.Headers.Location!.ToString().ShouldBe("/Admin/Offices");
            var index = await PortalClient.ParseAsync(await client.FollowAsync(created));
            PortalClient.Text(index.QuerySelector(".alert-success")).ShouldBe($"Kantor wilayah {regionalName} telah ditambahkan.");
            PortalClient.Text(RegionalOfficeSection(index, regionalName)!.QuerySelector(".card-body")).ShouldBe("Belum ada kantor cabang.");
        }

        var regionalId = await IdOf("regional_offices", regionalName);
        (await AuditDetails(AuditActions.RegionalOfficeCreated, regionalId)).ShouldBe([$"name: '{regionalName}'"]);

        var form = await client.GetPageAsync("/Admin/Offices/BranchOffice?province=52");
        PortalClient.Text(form.QuerySelector("[data-testid=province-name]")).ShouldBe("Nusa Tenggara Barat");
        form.QuerySelectorAll("#branch-office-form input[name='Input.RegencyCodes']").Select(i => i.GetAttribute("value")).ShouldBe(
            ["52.01", "52.02", "52.03", "52.04", "52.05", "52.06", "52.07", "52.08", "52.71", "52.72"]);

        using (var saved = await PostBranchFormAsync(client, form, new() { ["Input.Name"] = branchName, ["Input.RegionalOfficeId"] = regionalId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ["52.71", "52.01"]))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            saved.Headers.Location!.ToString().ShouldBe("/Admin/Offices");
            var index = await PortalClient.ParseAsync(await client.FollowAsync(saved));
            PortalClient.Text(index.QuerySelector(".alert-success")).ShouldBe($"Kantor cabang {branchName} telah ditambahkan.");
            BranchRows(index, regionalName).ShouldBe([[branchName, "Nusa Tenggara Barat", "Kabupaten Lombok Barat, Kota Mataram (2)", "Aktif"]]);
        }

        var branchId = await IdOf("branch_offices", branchName);
        (await Coverage(branchId)).ShouldBe("52.01,52.71");
        (await Scalar<string>("SELECT province_code FROM branch_offices WHERE id = @id", ("id", branchId))).ShouldBe("52");
        (await AuditDetails(AuditActions.BranchOfficeCreated, branchId)).ShouldBe(
            [$"52 | name: '{branchName}'; regional office: '{regionalName}'; province: 52; active: yes; areas: 52.01,52.71"]);

        var uncovered = await client.GetPageAsync("/Admin/Offices?province=52");
        UncoveredCodes(uncovered).ShouldBe(["52.02", "52.03", "52.04", "52.05", "52.06", "52.07", "52.08", "52.72"]);
    }

    [Fact]
    public async Task A_regency_of_another_province_is_refused_and_nothing_is_saved()
    {
        var name = $"Kantor Cabang Sambas {Tag()}";
        using var client = await SignedInAsync(Admin);
        var before = await Count("SELECT count(*) FROM branch_offices");

        using var response = await PostBranchFormAsync(client, "/Admin/Offices/BranchOffice?province=61", Fields(name, Banuspa), ["61.01", "51.01"]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        RegencyErrors(page).ShouldBe(["Kabupaten/kota Kabupaten Jembrana (51.01) tidak berada di provinsi yang dipilih."]);
        (await Count("SELECT count(*) FROM branch_offices")).ShouldBe(before);
        (await Count("SELECT count(*) FROM branch_office_areas WHERE regency_code = '61.01'")).ShouldBe(0L);
    }

    [Fact]
    public async Task A_regency_already_covered_by_another_branch_is_refused_naming_that_branch()
    {
        var name = $"Kantor Cabang Denpasar Timur {Tag()}";
        using var client = await SignedInAsync(Admin);
        var before = await Count("SELECT count(*) FROM branch_offices");

        var form = await client.GetPageAsync("/Admin/Offices/BranchOffice?province=51");
        var denpasar = form.QuerySelector<IHtmlInputElement>("#regency-51-71")!;
        denpasar.IsDisabled.ShouldBeTrue();
        PortalClient.Text(form.QuerySelector("label[for=regency-51-71]")).ShouldBe("Kota Denpasar (51.71) dilayani oleh Kantor Cabang Denpasar");

        using var response = await PostBranchFormAsync(client, form, Fields(name, Banuspa), ["51.71"]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        RegencyErrors(await PortalClient.ParseAsync(response)).ShouldBe(["Kota Denpasar sudah dilayani oleh Kantor Cabang Denpasar."]);
        (await Count("SELECT count(*) FROM branch_offices")).ShouldBe(before);
        (await Scalar<string>("SELECT b.name FROM branch_office_areas a JOIN branch_offices b ON b.id = a.branch_office_id WHERE a.regency_code = '51.71'"))
            .ShouldBe("Kantor Cabang Denpasar");
    }

    [Fact]
    public async Task A_branch_office_without_a_name_or_a_regency_is_refused()
    {
        using var client = await SignedInAsync(Admin);
        var before = await Count("SELECT count(*) FROM branch_offices");

        using var response = await PostBranchFormAsync(client, "/Admin/Offices/BranchOffice?province=61", Fields("  ", Banuspa), []);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        FieldError(page, "Input.Name").ShouldBe("Nama kantor cabang wajib diisi.");
        RegencyErrors(page).ShouldBe(["Pilih sekurang-kurangnya satu kabupaten/kota yang dilayani."]);
        (await Count("SELECT count(*) FROM branch_offices")).ShouldBe(before);
    }

    [Fact]
    public async Task Duplicate_office_names_are_refused_whatever_their_case()
    {
        using var client = await SignedInAsync(Admin);
        var regionalBefore = await Count("SELECT count(*) FROM regional_offices");
        var branchesBefore = await Count("SELECT count(*) FROM branch_offices");

        foreach (var duplicate in new[] { Banuspa, "kanwil jawa tengah dan di yogyakarta" })
        {
            using var response = await client.SubmitFormAsync("/Admin/Offices/RegionalOffice", "#regional-office-form", new Dictionary<string, string> { ["Input.Name"] = duplicate });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(response), "Input.Name").ShouldBe($"Kantor wilayah dengan nama {duplicate} sudah ada.");
        }

        foreach (var duplicate in new[] { "Kantor Cabang Denpasar", "KANTOR CABANG SEMARANG PEMUDA" })
        {
            using var response = await PostBranchFormAsync(client, "/Admin/Offices/BranchOffice?province=61", Fields(duplicate, Banuspa), ["61.02"]);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(response), "Input.Name").ShouldBe($"Kantor cabang dengan nama {duplicate} sudah ada.");
        }

        (await Count("SELECT count(*) FROM regional_offices")).ShouldBe(regionalBefore);
        (await Count("SELECT count(*) FROM branch_offices")).ShouldBe(branchesBefore);
        (await Count("SELECT count(*) FROM branch_office_areas WHERE regency_code = '61.02'")).ShouldBe(0L);
    }

    [Fact]
    public async Task A_branch_office_edit_from_a_stale_page_is_refused_and_nothing_is_saved()
    {
        var name = $"Kantor Cabang Kupang {Tag()}";
        using var client = await SignedInAsync(Admin);
        using (var created = await PostBranchFormAsync(client, "/Admin/Offices/BranchOffice?province=53", Fields(name, Banuspa), ["53.01"]))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await IdOf("branch_offices", name);
        var url = $"/Admin/Offices/BranchOffice/{id}";
        var first = await client.GetPageAsync(url);
        var second = await client.GetPageAsync(url);

        // Only the coverage changes: the branch row is still checked against the version of the page.
        using (var saved = await PostBranchFormAsync(client, first, [], ["53.01", "53.02"]))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var stale = await PostBranchFormAsync(client, second, new() { ["Input.IsActive"] = "false" }, ["53.03"]);

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")).ShouldBe(StaleMessage);
        (await Coverage(id)).ShouldBe("53.01,53.02");
        (await Scalar<bool>("SELECT is_active FROM branch_offices WHERE id = @id", ("id", id))).ShouldBeTrue();
        (await AuditDetails(AuditActions.BranchOfficeUpdated, id)).ShouldBe(["53 | areas added: 53.02"]);
    }

    [Fact]
    public async Task A_yes_no_field_posted_with_another_value_is_an_error_beside_it_not_a_server_error()
    {
        var name = $"Kantor Cabang Ende {Tag()}";
        using var client = await SignedInAsync(Admin);
        using (var created = await PostBranchFormAsync(client, "/Admin/Offices/BranchOffice?province=53", Fields(name, Banuspa), ["53.10"]))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await IdOf("branch_offices", name);
        using var forged = await PostBranchFormAsync(client, $"/Admin/Offices/BranchOffice/{id}", new() { ["Input.IsActive"] = "abc", ["Input.Name"] = name + " baru" }, ["53.10"]);

        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(forged);
        PortalClient.Text(page.QuerySelector("[data-valmsg-for='Input.IsActive']")).ShouldBe("Nilai 'abc' tidak valid untuk Aktif.");
        // Shown again with the field's own value (ticked, as stored), not with "abc".
        page.QuerySelector("input[type=checkbox][name='Input.IsActive']")!.HasAttribute("checked").ShouldBeTrue();
        (await Scalar<string>("SELECT name || ' ' || is_active::text FROM branch_offices WHERE id = @id", ("id", id))).ShouldBe(name + " true");
    }

    [Fact]
    public async Task A_regional_office_rename_from_a_stale_page_is_refused_and_nothing_is_saved()
    {
        var tag = Tag();
        var name = $"Kanwil Sulawesi {tag}";
        using var client = await SignedInAsync(Admin);
        using (var created = await client.SubmitFormAsync("/Admin/Offices/RegionalOffice", "#regional-office-form", new Dictionary<string, string> { ["Input.Name"] = name }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await IdOf("regional_offices", name);
        var url = $"/Admin/Offices/RegionalOffice/{id}";
        var first = await client.GetPageAsync(url);
        var second = await client.GetPageAsync(url);

        using (var renamed = await client.SubmitFormAsync(first, url, "#regional-office-form", new Dictionary<string, string> { ["Input.Name"] = $"Kanwil Sulawesi Utara {tag}" }))
        {
            renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var stale = await client.SubmitFormAsync(second, url, "#regional-office-form", new Dictionary<string, string> { ["Input.Name"] = $"Kanwil Sulawesi Selatan {tag}" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")).ShouldBe(StaleMessage);
        (await Scalar<string>("SELECT name FROM regional_offices WHERE id = @id", ("id", id))).ShouldBe($"Kanwil Sulawesi Utara {tag}");
        (await AuditDetails(AuditActions.RegionalOfficeUpdated, id)).ShouldBe([$"name: '{name}' -> 'Kanwil Sulawesi Utara {tag}'"]);
    }

    [Fact]
    public async Task A_changed_coverage_applies_to_the_branch_officer_at_once()
    {
        using var officer = await SignedInAsync("cabang.gianyar@paritrana.demo");
        (await RegencyCodesSeenBy(officer)).ShouldBe(["51.04", "51.05", "51.06", "51.07"]);

        using var admin = await SignedInAsync(Admin);
        var id = await IdOf("branch_offices", "Kantor Cabang Gianyar");
        var form = await admin.GetPageAsync($"/Admin/Offices/BranchOffice/{id}");
        form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.RegencyCodes']").Where(i => i.IsChecked).Select(i => i.Value)
            .ShouldBe(["51.04", "51.05", "51.06", "51.07"]);
        form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.RegencyCodes']").Where(i => i.IsDisabled).Select(i => i.Value)
            .ShouldBe(["51.01", "51.02", "51.03", "51.08", "51.71"]);

        using (var saved = await PostBranchFormAsync(admin, form, [], ["51.04", "51.05", "51.06"]))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await RegencyCodesSeenBy(officer)).ShouldBe(["51.04", "51.05", "51.06"]);
        using (var karangasem = await officer.GetAsync("/Regions/RegencyOrCity/51.07"))
        {
            karangasem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await AuditDetails(AuditActions.BranchOfficeUpdated, id)).ShouldBe(["51 | areas removed: 51.07"]);
        UncoveredCodes(await admin.GetPageAsync("/Admin/Offices?province=51")).ShouldBe(["51.07"]);
    }

    [Fact]
    public async Task A_branch_office_with_officer_accounts_cannot_move_to_another_province()
    {
        using var client = await SignedInAsync(Admin);
        var id = await IdOf("branch_offices", "Kantor Cabang Denpasar");
        var form = await client.GetPageAsync($"/Admin/Offices/BranchOffice/{id}?province=52");
        PortalClient.Text(form.QuerySelector("[data-testid=province-name]")).ShouldBe("Nusa Tenggara Barat");
        form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.RegencyCodes']").Count(i => i.IsChecked).ShouldBe(0);

        using var response = await PostBranchFormAsync(client, form, [], ["52.03"]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(response), "Input.ProvinceCode")
            .ShouldBe("Provinsi kantor cabang ini tidak dapat diubah selama masih ada akun petugas yang terhubung dengannya.");
        (await Scalar<string>("SELECT province_code FROM branch_offices WHERE id = @id", ("id", id))).ShouldBe("51");
        (await Coverage(id)).ShouldBe("51.01,51.02,51.03,51.08,51.71");
    }

    [Theory]
    [InlineData("anggota.bali@paritrana.demo", "/Admin/Offices")]
    [InlineData("ketua.jateng@paritrana.demo", "/Admin/Offices")]
    [InlineData("cabang.denpasar@paritrana.demo", "/Admin/Offices/BranchOffice?province=51")]
    [InlineData("ketua.bali@paritrana.demo", "/Admin/Offices/RegionalOffice")]
    public async Task Anyone_but_the_administrator_is_sent_to_access_denied(string email, string url)
    {
        using var client = await SignedInAsync(email);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"http://localhost/Account/AccessDenied?ReturnUrl={Uri.EscapeDataString(url)}");
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> Fields(string name, string regionalOffice) => new()
    {
        ["Input.Name"] = name,
        ["Input.RegionalOfficeId"] = $"@{regionalOffice}",
    };

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.Factory.CreatePortalClient();
        try
        {
            return await client.SignedInAsAsync(email);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> PostBranchFormAsync(PortalClient client, string url, Dictionary<string, string> values, IEnumerable<string> regencyCodes) =>
        await PostBranchFormAsync(client, await client.GetPageAsync(url), values, regencyCodes);

    /// <summary>
    /// Posts the branch office form as a browser would, with the given fields changed and exactly
    /// the given regencies ticked (any value, also one the page offers no checkbox for).
    /// A regional office given as "@name" is looked up among the options of the form.
    /// </summary>
    private static async Task<HttpResponseMessage> PostBranchFormAsync(PortalClient client, IHtmlDocument page, Dictionary<string, string> values, IEnumerable<string> regencyCodes)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#branch-office-form") ?? throw new InvalidOperationException("No branch office form on the page.");
        var fields = PortalClient.ReadForm(form);
        fields.RemoveAll(f => f.Key == "Input.RegencyCodes" || values.ContainsKey(f.Key));
        foreach (var (key, value) in values)
        {
            var v = value;
            if (key == "Input.RegionalOfficeId" && value.StartsWith('@'))
            {
                v = form.QuerySelectorAll<IHtmlOptionElement>("select[name='Input.RegionalOfficeId'] option").Single(o => o.Text == value[1..]).Value;
            }

            fields.Add(new(key, v));
        }

        fields.AddRange(regencyCodes.Select(code => new KeyValuePair<string, string>("Input.RegencyCodes", code)));
        return await client.PostFieldsAsync(form.GetAttribute("action")!, fields);
    }

    private static async Task<List<string>> RegencyCodesSeenBy(PortalClient client)
    {
        var page = await client.GetPageAsync("/Regions/Province/51");
        return page.QuerySelectorAll("#regencies tbody tr td:first-child").Select(PortalClient.Text).ToList();
    }

    private static IElement? RegionalOfficeSection(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("[data-testid=regional-office]").SingleOrDefault(s => PortalClient.Text(s.QuerySelector("h2")) == name);

    private static List<string[]> BranchRows(IHtmlDocument page, string regionalOffice) =>
        (RegionalOfficeSection(page, regionalOffice) ?? throw new InvalidOperationException($"No section for {regionalOffice}."))
            .QuerySelectorAll("[data-testid=branch-office]")
            .Select(tr => tr.Children.Take(4).Select(PortalClient.Text).ToArray())
            .ToList();

    private static List<string> UncoveredCodes(IHtmlDocument page) =>
        page.QuerySelectorAll("#uncovered tbody tr td:first-child").Select(PortalClient.Text).ToList();

    private static List<string> RegencyErrors(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=regency-errors] li").Select(PortalClient.Text).ToList();

    private static string FieldError(IHtmlDocument page, string field) =>
        PortalClient.Text(page.QuerySelector($"[data-valmsg-for='{field}']"));

    private async Task<long> Count(string sql) => await TestDatabase.ScalarAsync<long>(portal.Database, sql);

    private async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<T>(portal.Database, sql, parameters);

    private async Task<int> IdOf(string table, string name) =>
        await TestDatabase.ScalarAsync<int>(portal.Database, $"SELECT id FROM {table} WHERE name = @n", ("n", name));

    private async Task<string?> Coverage(int branchId) => await Scalar<string>(
        "SELECT string_agg(regency_code, ',' ORDER BY regency_code) FROM branch_office_areas WHERE branch_office_id = @id", ("id", branchId));

    /// <summary>The details of the audit events of one action on one office, oldest first, prefixed with their province when they carry one.</summary>
    private async Task<List<string>> AuditDetails(string action, int entityId)
    {
        var joined = await Scalar<string>(
            $"SELECT string_agg(coalesce(province_code || ' | ', '') || {AuditSql.Text("details")}, E'\\n' ORDER BY id) FROM audit_events WHERE action = @a AND entity_id = @e",
            ("a", action), ("e", entityId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return joined is null ? [] : joined.Split('\n').ToList();
    }
}
