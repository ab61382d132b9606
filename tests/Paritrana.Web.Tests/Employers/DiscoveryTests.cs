using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Infrastructure;
using static Paritrana.Web.Tests.Employers.EmployerBuilder;

namespace Paritrana.Web.Tests.Employers;

/// <summary>
/// Candidate discovery: the committee (and branch officers, and the administrator) search the
/// employers of their scope by region, branch, size, sector, coverage, arrears and programmes,
/// sort and page them, and export the result as CSV. Each test makes its own employers, all named
/// with a tag of its own, and searches for that tag so that other data never shows.
/// </summary>
public class DiscoveryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ChairBali = "ketua.bali@paritrana.demo";
    private const string MemberJateng = "anggota.jateng@paritrana.demo";
    private const string OfficerGianyar = "cabang.gianyar@paritrana.demo";
    private const string OfficerDenpasar = "cabang.denpasar@paritrana.demo";
    private const string Admin = "admin@paritrana.demo";

    private static readonly DateOnly EndOf2024 = new(2024, 12, 31);

    /// <summary>
    /// Seven employers with known figures (coverage: A 80 %, B 33.33 %, C 75 %, D 12.5 %, E none,
    /// F 99.9 % in Jawa Tengah, G 66.67 % with a formula for a name) and a village government.
    /// </summary>
    private async Task<(string Tag, Dictionary<string, int> Ids)> SeedAsync()
    {
        var t = Tag();
        var ids = await new EmployerBuilder(portal.Database).AddAsync(
            new Spec($"{t}01", $"{t} Alfa", "51.71", SizeClass.Large, $"Sektor {t} satu", 200, 150, 10, Programs.All, 0, EndOf2024),
            new Spec($"{t}02", $"{t} Bravo", "51.04", SizeClass.Micro, $"Sektor {t} satu", 3, 0, 1, Programs.Jkk | Programs.Jkm, 4, new(2024, 6, 30)),
            new Spec($"{t}03", $"{t} Charlie", "51.03", SizeClass.Medium, $"Sektor {t} dua", 80, 60, 0, Programs.Jkk | Programs.Jkm | Programs.Jht | Programs.Jp, 1, EndOf2024),
            new Spec($"{t}04", $"{t} Delta", "51.07", SizeClass.Small, $"Sektor {t} dua", 8, 1, 0, Programs.Jkk | Programs.Jkm | Programs.Jht, 0, new(2023, 12, 31)),
            new Spec($"{t}05", $"{t} Echo", "51.05", SizeClass.Small, $"@{t} tiga", null, null, null, Programs.None, null, null),
            new Spec($"{t}06", $"{t} Foxtrot", "33.74", SizeClass.Large, $"Sektor {t} satu", 1000, 999, 0, Programs.All, 0, EndOf2024),
            new Spec($"{t}07", $"=HYPERLINK(\"http://x\";\"{t}\")", "51.71", SizeClass.Micro, $"Sektor {t} satu", 3, 2, 0, Programs.Jkk | Programs.Jkm, 2, EndOf2024));
        var byLetter = new Dictionary<string, int>();
        for (var i = 0; i < 7; i++)
        {
            byLetter[((char)('A' + i)).ToString()] = ids[$"{t}{i + 1:00}"];
        }

        byLetter["village"] = await new EmployerBuilder(portal.Database).VillageAsync($"Pemerintah Desa {t}", "51.04");
        return (t, byLetter);
    }

    [Fact]
    public async Task The_chair_finds_the_employers_of_the_province_by_name_or_NPP_and_sees_their_figures()
    {
        var (t, ids) = await SeedAsync();
        using var chair = await SignedInAsync(ChairBali);

        var page = await chair.GetPageAsync($"/Employers?q={t.ToLowerInvariant()}");
        Letters(page, t).ShouldBe("G,A,B,C,D,E");
        Row(page, $"{t} Alfa").ShouldBe(
            [$"{t}01", $"{t} Alfa", "Kota Denpasar", "Kantor Cabang Denpasar", "Besar", "200", "150", "10", "80,00 %", "JKK, JKM, JHT, JP, JKP", "0", "31 Des 2024", "Nominasikan"]);
        Row(page, $"{t} Echo").ShouldBe(
            [$"{t}05", $"{t} Echo", "Kabupaten Klungkung", "Kantor Cabang Gianyar", "Kecil", "—", "—", "—", "—", "—", "—", "—", "Nominasikan"]);
        Row(page, $"{t} Delta")[8].ShouldBe("12,50 %");
        Row(page, $"=HYPERLINK(\"http://x\";\"{t}\")")[8].ShouldBe("66,67 %");
        page.QuerySelectorAll("[data-testid=employer-row]").Single(r => PortalClient.Text(r.QuerySelector("[data-testid=name]")) == $"{t} Alfa")
            .QuerySelector<IHtmlAnchorElement>("[data-testid=nominate]")!.GetAttribute("href").ShouldBe($"/Nominations/Create?organisationId={ids["A"]}");

        Letters(await chair.GetPageAsync($"/Employers?q={t}03"), t).ShouldBe("C");
        Letters(await chair.GetPageAsync($"/Employers?q={t}0"), t).ShouldBe("G,A,B,C,D,E");
    }

    [Theory]
    [InlineData("wilayah=51.04", "B")]
    [InlineData("cabang=@Kantor Cabang Gianyar", "B,D,E")]
    [InlineData("cabang=@Kantor Cabang Denpasar", "G,A,C")]
    [InlineData("skala=Small", "D,E")]
    [InlineData("skala=Micro", "G,B")]
    [InlineData("sektor=Sektor {t} dua", "C,D")]
    [InlineData("cakupanMin=75", "A,C")]
    [InlineData("cakupanMin=66,67", "G,A,C")]
    [InlineData("cakupanMin=66,68", "A,C")]
    [InlineData("cakupanMaks=33,33", "B,D")]
    [InlineData("cakupanMin=12,5&cakupanMaks=33.33 %", "B,D")]
    [InlineData("tunggakanMaks=1", "A,C,D")]
    [InlineData("tunggakanMaks=0&skala=Large", "A")]
    [InlineData("program=JP", "A,C")]
    [InlineData("program=JKK&program=JHT", "A,C,D")]
    [InlineData("program=JKP", "A")]
    [InlineData("program=JKK&program=JKM&cakupanMaks=70&wilayah=51.71", "G")]
    public async Task Each_filter_gives_exactly_its_employers(string filter, string expected)
    {
        var (t, _) = await SeedAsync();
        using var chair = await SignedInAsync(ChairBali);
        var query = filter.Replace("{t}", t, StringComparison.Ordinal);
        if (query.StartsWith("cabang=@", StringComparison.Ordinal))
        {
            query = $"cabang={await BranchId(query["cabang=@".Length..])}";
        }

        var page = await chair.GetPageAsync($"/Employers?q={t}&{Escape(query)}");

        Letters(page, t).ShouldBe(expected);
    }

    [Theory]
    [InlineData("nama", "naik", "G,A,B,C,D,E")]
    [InlineData("nama", "turun", "E,D,C,B,A,G")]
    [InlineData("cakupan", "naik", "D,B,G,C,A,E")]
    [InlineData("cakupan", "turun", "A,C,G,B,D,E")]
    [InlineData("pekerja", "turun", "A,C,D,G,B,E")]
    [InlineData("pekerja", "naik", "G,B,D,C,A,E")]
    [InlineData("tunggakan", "turun", "B,G,C,A,D,E")]
    [InlineData("tanggal", "naik", "D,B,G,A,C,E")]
    [InlineData("tanggal", "turun", "G,A,C,B,D,E")]
    public async Task The_list_sorts_by_each_key_with_empty_values_last_and_ties_by_name(string sort, string direction, string expected)
    {
        var (t, _) = await SeedAsync();
        using var chair = await SignedInAsync(ChairBali);
        Letters(await chair.GetPageAsync($"/Employers?q={t}&urut={sort}&arah={direction}"), t).ShouldBe(expected);
    }

    [Fact]
    public async Task The_list_is_paged_by_twenty_five_and_keeps_filter_and_sort_across_pages()
    {
        var t = Tag();
        await new EmployerBuilder(portal.Database).AddAsync(Enumerable.Range(1, 27)
            .Select(i => new Spec($"{t}{i:00}", $"{t} Usaha {i:00}", "51.71", SizeClass.Small, "Perdagangan", 10 + i, 5, 0, Programs.Jkk, 0, EndOf2024))
            .ToArray());
        using var chair = await SignedInAsync(ChairBali);

        var first = await chair.GetPageAsync($"/Employers?q={t}&urut=pekerja&arah=turun");
        first.QuerySelectorAll("[data-testid=employer-row]").Length.ShouldBe(25);
        PortalClient.Text(first.QuerySelector("[data-testid=pager-summary]")).ShouldBe("Menampilkan 1–25 dari 27");
        var next = first.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!.GetAttribute("href")!;
        next.ShouldBe($"/Employers?q={t}&urut=pekerja&arah=turun&p=2");

        var second = await chair.GetPageAsync(WebUtility.HtmlDecode(next));
        PortalClient.Text(second.QuerySelector("[data-testid=pager-summary]")).ShouldBe("Menampilkan 26–27 dari 27");
        second.QuerySelectorAll("[data-testid=name]").Select(PortalClient.Text).ShouldBe([$"{t} Usaha 02", $"{t} Usaha 01"]);
    }

    [Fact]
    public async Task A_Jawa_Tengah_member_never_sees_Bali_employers_and_the_Gianyar_officer_sees_only_the_four_regencies_of_the_branch()
    {
        var (t, ids) = await SeedAsync();

        using var jateng = await SignedInAsync(MemberJateng);
        Letters(await jateng.GetPageAsync($"/Employers?q={t}"), t).ShouldBe("F");
        Letters(await jateng.GetPageAsync($"/Employers?q={t}&wilayah=51.71"), t).ShouldBe("");
        (await jateng.GetAsync($"/Employers/Details/{ids["A"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var gianyar = await SignedInAsync(OfficerGianyar);
        var page = await gianyar.GetPageAsync($"/Employers?q={t}");
        Letters(page, t).ShouldBe("B,D,E");
        page.QuerySelectorAll("#wilayah option").Select(o => o.GetAttribute("value")).Where(v => v != "").ShouldBe(["51.04", "51.05", "51.06", "51.07"]);
        page.QuerySelectorAll("#cabang option").Select(PortalClient.Text).ShouldBe(["Semua kantor cabang", "Kantor Cabang Gianyar"]);
        page.QuerySelector("[data-testid=nominate]").ShouldBeNull();
        (await gianyar.GetAsync($"/Employers/Details/{ids["A"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gianyar.GetAsync($"/Employers/Details/{ids["D"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var denpasar = await SignedInAsync(OfficerDenpasar);
        Letters(await denpasar.GetPageAsync($"/Employers?q={t}"), t).ShouldBe("G,A,C");

        using var admin = await SignedInAsync(Admin);
        Letters(await admin.GetPageAsync($"/Employers?q={t}"), t).ShouldBe("G,A,B,C,D,E,F");
        Letters(await admin.GetPageAsync($"/Employers?q={t}&provinsi=33"), t).ShouldBe("F");
        Row(await admin.GetPageAsync($"/Employers?q={t}&provinsi=33"), $"{t} Foxtrot")
            .ShouldBe([$"{t}06", $"{t} Foxtrot", "Kota Semarang", "Kantor Cabang Semarang Pemuda", "Besar", "1.000", "999", "0", "99,90 %", "JKK, JKM, JHT, JP, JKP", "0", "31 Des 2024"]);
    }

    [Fact]
    public async Task The_employer_details_show_profile_and_the_figures_history_newest_first_and_answer_404_outside_the_scope()
    {
        var (t, ids) = await SeedAsync();
        await new EmployerBuilder(portal.Database).FiguresAsync(ids["A"],
            new CoverageFigures { AsOf = new(2024, 6, 30), Workers = 190, ParticipantsPu = 120, ParticipantsBpu = 5, Programs = Programs.Jkk | Programs.Jkm | Programs.Jht, ArrearsMonths = 2 },
            new CoverageFigures { AsOf = EndOf2024, Workers = 200, ParticipantsPu = 150, ParticipantsBpu = 10, Programs = Programs.All, ArrearsMonths = 0 });
        using var chair = await SignedInAsync(ChairBali);

        var page = await chair.GetPageAsync($"/Employers/Details/{ids["A"]}");
        PortalClient.Text(page.QuerySelector("h1")).ShouldBe($"{t} Alfa");
        PortalClient.Text(page.QuerySelector("[data-testid=npp]")).ShouldBe($"{t}01");
        PortalClient.Text(page.QuerySelector("[data-testid=size]")).ShouldBe("Besar");
        PortalClient.Text(page.QuerySelector("[data-testid=regency]")).ShouldBe("Kota Denpasar");
        PortalClient.Text(page.QuerySelector("[data-testid=province]")).ShouldBe("Bali");
        PortalClient.Text(page.QuerySelector("[data-testid=branch]")).ShouldBe("Kantor Cabang Denpasar");
        page.QuerySelectorAll("[data-testid=figures-row]").Select(r => string.Join(" | ", r.Children.Take(7).Select(PortalClient.Text))).ShouldBe(
        [
            "31 Des 2024 | 200 | 150 | 10 | 80,00 % | JKK, JKM, JHT, JP, JKP | 0",
            "30 Jun 2024 | 190 | 120 | 5 | 65,79 % | JKK, JKM, JHT | 2",
        ]);

        (await chair.GetAsync($"/Employers/Details/{ids["F"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chair.GetAsync($"/Employers/Details/{ids["village"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chair.GetAsync("/Employers/Details/999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        PortalClient.Text((await chair.GetPageAsync($"/Employers/Details/{ids["E"]}")).QuerySelector("[data-testid=no-history]"))
            .ShouldBe("Belum ada data kepesertaan yang diimpor untuk pemberi kerja ini.");
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_a_BOM_semicolons_comma_decimals_and_guarded_formulas()
    {
        var (t, _) = await SeedAsync();
        using var chair = await SignedInAsync(ChairBali);
        var page = await chair.GetPageAsync($"/Employers?q={t}");
        var link = page.QuerySelector<IHtmlAnchorElement>("#export-link")!;
        PortalClient.Text(link).ShouldBe("Unduh CSV (6 baris)");
        link.GetAttribute("href").ShouldBe($"/Employers?handler=Export&q={t}");

        using var response = await chair.GetAsync(WebUtility.HtmlDecode(link.GetAttribute("href")!));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe($"calon-pemberi-kerja-{Wib.Today(TimeProvider.System):yyyyMMdd}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n").ShouldBe(
        [
            "NPP;Nama;Kabupaten/kota;Kantor cabang;Skala;Sektor;Jumlah pekerja;Peserta PU;Peserta BPU;Cakupan (%);Program;Tunggakan (bulan);Per tanggal",
            $"{t}07;\"'=HYPERLINK(\"\"http://x\"\";\"\"{t}\"\")\";Kota Denpasar;Kantor Cabang Denpasar;Mikro;Sektor {t} satu;3;2;0;66,67;JKK JKM;2;2024-12-31",
            $"{t}01;{t} Alfa;Kota Denpasar;Kantor Cabang Denpasar;Besar;Sektor {t} satu;200;150;10;80,00;JKK JKM JHT JP JKP;0;2024-12-31",
            $"{t}02;{t} Bravo;Kabupaten Gianyar;Kantor Cabang Gianyar;Mikro;Sektor {t} satu;3;0;1;33,33;JKK JKM;4;2024-06-30",
            $"{t}03;{t} Charlie;Kabupaten Badung;Kantor Cabang Denpasar;Menengah;Sektor {t} dua;80;60;0;75,00;JKK JKM JHT JP;1;2024-12-31",
            $"{t}04;{t} Delta;Kabupaten Karangasem;Kantor Cabang Gianyar;Kecil;Sektor {t} dua;8;1;0;12,50;JKK JKM JHT;0;2023-12-31",
            $"{t}05;{t} Echo;Kabupaten Klungkung;Kantor Cabang Gianyar;Kecil;\"'@{t} tiga\";;;;;;;",
            "",
        ]);
    }

    [Fact]
    public async Task The_CSV_export_has_every_page_with_the_same_filter_and_sort()
    {
        var t = Tag();
        await new EmployerBuilder(portal.Database).AddAsync(Enumerable.Range(1, 27)
            .Select(i => new Spec($"{t}{i:00}", $"{t} Usaha {i:00}", i % 2 == 0 ? "51.04" : "51.71", SizeClass.Small, "Perdagangan", 10 + i, 5, 0, Programs.Jkk, 0, EndOf2024))
            .ToArray());
        using var chair = await SignedInAsync(ChairBali);
        var page = await chair.GetPageAsync($"/Employers?q={t}&wilayah=51.71&urut=pekerja&arah=turun&p=2");
        var href = WebUtility.HtmlDecode(page.QuerySelector<IHtmlAnchorElement>("#export-link")!.GetAttribute("href")!);
        href.ShouldBe($"/Employers?handler=Export&q={t}&wilayah=51.71&urut=pekerja&arah=turun");

        using var response = await chair.GetAsync(href);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n");

        lines.Skip(1).SkipLast(1).Select(l => l.Split(';')[1]).ShouldBe(
            Enumerable.Range(1, 27).Where(i => i % 2 == 1).OrderByDescending(i => i).Select(i => $"{t} Usaha {i:00}"));
    }

    [Fact]
    public async Task A_coverage_that_is_not_a_number_is_refused_with_a_message_and_the_export_answers_400()
    {
        var (t, _) = await SeedAsync();
        using var chair = await SignedInAsync(ChairBali);
        var page = await chair.GetPageAsync($"/Employers?q={t}&cakupanMin=banyak&tunggakanMaks=-1");
        page.QuerySelectorAll("[data-testid=filter-errors] li").Select(PortalClient.Text).ShouldBe(
            ["Cakupan minimum harus berupa angka, misalnya 12,5.", "Tunggakan maksimum tidak boleh negatif."]);
        page.QuerySelectorAll("[data-testid=employer-row]").Length.ShouldBe(0);
        page.QuerySelector("#export-link").ShouldBeNull();
        (await chair.GetAsync($"/Employers?handler=Export&q={t}&cakupanMin=banyak")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>A tag that starts with a capital letter, so that names sort the same whatever its digits.</summary>
    private static string Tag() => "U" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

    private static string Escape(string query) =>
        string.Join('&', query.Split('&').Select(p => p.Split('=', 2)).Select(kv => $"{kv[0]}={Uri.EscapeDataString(kv[1])}"));

    /// <summary>The letters (A to G) of the seeded employers listed, in order.</summary>
    private static string Letters(IHtmlDocument page, string tag) =>
        string.Join(",", page.QuerySelectorAll("[data-testid=npp]").Select(PortalClient.Text)
            .Where(npp => npp.StartsWith(tag, StringComparison.Ordinal))
            .Select(npp => ((char)('A' + int.Parse(npp[tag.Length..], CultureInfo.InvariantCulture) - 1)).ToString()));

    private static string[] Row(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("[data-testid=employer-row]")
            .Single(r => PortalClient.Text(r.QuerySelector("[data-testid=name]")) == name)
            .Children.Select(PortalClient.Text).ToArray();

    private async Task<int> BranchId(string name) =>
        await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT id FROM branch_offices WHERE name = @n", ("n", name));

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
}
