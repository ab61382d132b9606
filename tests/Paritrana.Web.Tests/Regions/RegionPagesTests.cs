using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Paritrana.Web.Tests.Regions;

/// <summary>
/// The Wilayah pages: every signed-in user sees the regions of their scope, and nothing else,
/// whatever URL they type (a region outside the scope answers the friendly 404 page).
/// </summary>
public class RegionPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string BaliMember = "anggota.bali@paritrana.demo";
    private const string JatengMember = "anggota.jateng@paritrana.demo";
    private const string GianyarOfficer = "cabang.gianyar@paritrana.demo";

    [Fact]
    public async Task The_database_holds_38_provinces_and_514_regencies_and_cities_with_8_regencies_and_1_city_in_Bali()
    {
        (await Count("SELECT count(*) FROM provinces")).ShouldBe(38L);
        (await Count("SELECT count(*) FROM regencies_and_cities")).ShouldBe(514L);
        (await Count("SELECT count(*) FROM regencies_and_cities WHERE province_code = '51'")).ShouldBe(9L);
        (await Count("SELECT count(*) FROM regencies_and_cities WHERE province_code = '51' AND kind = 1")).ShouldBe(8L);
        (await Count("SELECT count(*) FROM regencies_and_cities WHERE province_code = '51' AND kind = 2")).ShouldBe(1L);
    }

    [Fact]
    public async Task The_administrator_sees_all_38_provinces_with_416_regencies_98_cities_and_514_in_all()
    {
        using var client = await SignedInAsync(Admin);
        var page = await client.GetPageAsync("/Regions");

        var rows = ProvinceRows(page);
        rows.Count.ShouldBe(38);
        rows[0][0].ShouldBe("11");
        rows[0][1].ShouldBe("Aceh");
        rows.Single(r => r[0] == "51").ShouldBe(["51", "Bali", "8", "1", "9", "2"]);
        rows.Single(r => r[0] == "33").ShouldBe(["33", "Jawa Tengah", "29", "6", "35", "1"]);
        rows.Single(r => r[0] == "52").ShouldBe(["52", "Nusa Tenggara Barat", "8", "2", "10", "0"]);

        Cell(page, "total-provinces").ShouldBe("38 provinsi");
        Cell(page, "total-regencies").ShouldBe("416");
        Cell(page, "total-cities").ShouldBe("98");
        Cell(page, "total-regencies-and-cities").ShouldBe("514");
        Cell(page, "total-branch-offices").ShouldBe("3");
    }

    [Fact]
    public async Task The_demo_branch_offices_cover_5_and_4_regencies_and_cities_of_Bali()
    {
        (await Coverage("Kantor Cabang Denpasar")).ShouldBe("51.01,51.02,51.03,51.08,51.71");
        (await Coverage("Kantor Cabang Gianyar")).ShouldBe("51.04,51.05,51.06,51.07");

        using var client = await SignedInAsync(Admin);
        var page = await client.GetPageAsync("/Regions/Province/51");
        RegencyRows(page).Select(r => $"{r[0]} {r[1]} | {r[2]} | {r[3]}").ShouldBe(
        [
            "51.01 Kabupaten Jembrana | Kabupaten | Kantor Cabang Denpasar",
            "51.02 Kabupaten Tabanan | Kabupaten | Kantor Cabang Denpasar",
            "51.03 Kabupaten Badung | Kabupaten | Kantor Cabang Denpasar",
            "51.04 Kabupaten Gianyar | Kabupaten | Kantor Cabang Gianyar",
            "51.05 Kabupaten Klungkung | Kabupaten | Kantor Cabang Gianyar",
            "51.06 Kabupaten Bangli | Kabupaten | Kantor Cabang Gianyar",
            "51.07 Kabupaten Karangasem | Kabupaten | Kantor Cabang Gianyar",
            "51.08 Kabupaten Buleleng | Kabupaten | Kantor Cabang Denpasar",
            "51.71 Kota Denpasar | Kota | Kantor Cabang Denpasar",
        ]);
        BranchRows(page).ShouldBe(
        [
            ["Kantor Cabang Denpasar", "Kanwil Bali, Nusa Tenggara dan Papua (Banuspa)", "5", "Aktif"],
            ["Kantor Cabang Gianyar", "Kanwil Bali, Nusa Tenggara dan Papua (Banuspa)", "4", "Aktif"],
        ]);
    }

    [Fact]
    public async Task The_administrator_opens_a_city_with_its_province_and_covering_branch_office()
    {
        using var client = await SignedInAsync(Admin);

        var denpasar = await client.GetPageAsync("/Regions/RegencyOrCity/51.71");
        PortalClient.Text(denpasar.QuerySelector("h1")).ShouldBe("Kota Denpasar");
        Detail(denpasar, "code").ShouldBe("51.71");
        Detail(denpasar, "kind").ShouldBe("Kota");
        Detail(denpasar, "province").ShouldBe("Bali");
        Detail(denpasar, "branch-office").ShouldBe("Kantor Cabang Denpasar");

        var mataram = await client.GetPageAsync("/Regions/RegencyOrCity/52.71");
        Detail(mataram, "province").ShouldBe("Nusa Tenggara Barat");
        Detail(mataram, "branch-office").ShouldBe("Belum ada kantor cabang yang melayani wilayah ini.");
    }

    [Fact]
    public async Task Unknown_codes_answer_the_friendly_404_page()
    {
        using var client = await SignedInAsync(Admin);
        await ShouldBeNotFound(client, "/Regions/Province/99");
        await ShouldBeNotFound(client, "/Regions/RegencyOrCity/99.99");
        await ShouldBeNotFound(client, "/Regions/RegencyOrCity/51");
    }

    [Fact]
    public async Task A_Bali_member_sees_only_Bali_and_gets_404_for_Jawa_Tengah()
    {
        using var client = await SignedInAsync(BaliMember);

        var index = await client.GetPageAsync("/Regions");
        ProvinceRows(index).ShouldBe([["51", "Bali", "8", "1", "9", "2"]]);
        Cell(index, "total-provinces").ShouldBe("1 provinsi");
        Cell(index, "total-regencies-and-cities").ShouldBe("9");

        var bali = await client.GetPageAsync("/Regions/Province/51");
        RegencyRows(bali).Count.ShouldBe(9);
        BranchRows(bali).Select(r => r[0]).ShouldBe(["Kantor Cabang Denpasar", "Kantor Cabang Gianyar"]);

        await ShouldBeNotFound(client, "/Regions/Province/33");
        await ShouldBeNotFound(client, "/Regions/RegencyOrCity/33.74");
    }

    [Fact]
    public async Task A_Jawa_Tengah_member_sees_Jawa_Tengah_and_gets_404_for_Bali()
    {
        using var client = await SignedInAsync(JatengMember);

        var jateng = await client.GetPageAsync("/Regions/Province/33");
        RegencyRows(jateng).Count.ShouldBe(35);
        RegencyRows(jateng).Single(r => r[0] == "33.74").ShouldBe(["33.74", "Kota Semarang", "Kota", "Kantor Cabang Semarang Pemuda"]);
        BranchRows(jateng).ShouldBe([["Kantor Cabang Semarang Pemuda", "Kanwil Jawa Tengah dan DI Yogyakarta", "4", "Aktif"]]);

        await ShouldBeNotFound(client, "/Regions/Province/51");
        await ShouldBeNotFound(client, "/Regions/RegencyOrCity/51.71");
    }

    [Fact]
    public async Task The_Gianyar_branch_officer_sees_exactly_the_four_regencies_of_the_branch()
    {
        using var client = await SignedInAsync(GianyarOfficer);

        var index = await client.GetPageAsync("/Regions");
        ProvinceRows(index).ShouldBe([["51", "Bali", "4", "0", "4", "1"]]);

        var bali = await client.GetPageAsync("/Regions/Province/51");
        RegencyRows(bali).Select(r => r[1]).ShouldBe(["Kabupaten Gianyar", "Kabupaten Klungkung", "Kabupaten Bangli", "Kabupaten Karangasem"]);
        RegencyRows(bali).Select(r => r[3]).Distinct().ShouldBe(["Kantor Cabang Gianyar"]);
        BranchRows(bali).Select(r => r[0]).ShouldBe(["Kantor Cabang Gianyar"]);

        var gianyar = await client.GetPageAsync("/Regions/RegencyOrCity/51.04");
        Detail(gianyar, "branch-office").ShouldBe("Kantor Cabang Gianyar");

        await ShouldBeNotFound(client, "/Regions/RegencyOrCity/51.71");
        await ShouldBeNotFound(client, "/Regions/Province/33");
    }

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

    private async Task<long> Count(string sql) => await TestDatabase.ScalarAsync<long>(portal.Database, sql);

    private async Task<string?> Coverage(string branchName) => await TestDatabase.ScalarAsync<string>(portal.Database,
        "SELECT string_agg(a.regency_code, ',' ORDER BY a.regency_code) FROM branch_office_areas a JOIN branch_offices b ON b.id = a.branch_office_id WHERE b.name = @n",
        ("n", branchName));

    private static async Task ShouldBeNotFound(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("main h1")).ShouldBe("Halaman tidak ditemukan", url);
    }

    private static List<string[]> ProvinceRows(IHtmlDocument page) => Rows(page, "#provinces tbody tr");

    private static List<string[]> RegencyRows(IHtmlDocument page) => Rows(page, "#regencies tbody tr");

    private static List<string[]> BranchRows(IHtmlDocument page) => Rows(page, "#branch-offices tbody tr");

    private static List<string[]> Rows(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(tr => tr.Children.Select(PortalClient.Text).ToArray()).ToList();

    private static string Cell(IHtmlDocument page, string testId) => PortalClient.Text(page.QuerySelector($"[data-testid={testId}]"));

    private static string Detail(IHtmlDocument page, string testId) => PortalClient.Text(page.QuerySelector($"#region-details [data-testid={testId}]"));
}
