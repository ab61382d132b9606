using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Tests.FieldWork;

namespace Paritrana.Web.Tests.Country;

/// <summary>
/// The country at a glance (issue 17, item 5) against a small fixture whose counts are worked out by
/// hand below: a cycle of its own (a year no other cycle has) with stage dates around today (WIB)
/// and Jawa Tengah's own, shorter verification; twelve nominations in Bali and Jawa Tengah.
/// </summary>
/// <remarks>
/// Stages of the cycle: Pencalonan ends t−31, Verifikasi t−40 … t−20, Penilaian lapangan t−20 … t+10,
/// Penilaian t+11 … t+30; Jawa Tengah's own Verifikasi t−40 … t−25.
/// <code>
/// Bali, BESAR:    Diajukan (8 days waiting), Diajukan, Draf, Penilaian lapangan, Diteruskan, Pemenang
/// Bali, PEMPROV:  Bukan pemenang, Finalis, Ditarik
/// Jateng, BESAR:  Terverifikasi, Dikembalikan, Pemenang
/// </code>
/// Late (ended stages: Pencalonan → Draf; Verifikasi → Diajukan, Dikembalikan): Bali BESAR 3 (the
/// waiting one counted once), Pencalonan 31 days over with 1, Verifikasi 20 days over with 2; Bali
/// PEMPROV 0; Jateng BESAR 1 (Verifikasi 25 days over). Forwarded (Diteruskan + Pemenang + Bukan
/// pemenang): Bali BESAR 2, PEMPROV 1, Jateng 1. Country BESAR: 9 nominations, 4 late, 3 forwarded,
/// 2 winners; PEMPROV: 3, 0, 1, 0 winners, 1 not a winner; in all 12, 4, 4, 2, 1.
/// </remarks>
public class CountryOverviewTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string[] BaliBesar = ["A1", "A2", "A3", "A4", "A5", "A6"];
    private static Seeded? s_seeded;

    private readonly FieldWorkTestData _data = new(fixture);

    private sealed record Seeded(string Database, int Year, int Besar, int Pemprov, IReadOnlyDictionary<string, int> Ids);

    private static Seeded Data => s_seeded!;

    private static int Year => Data.Year;

    private static int Besar => Data.Besar;

    private static int Pemprov => Data.Pemprov;

    private static IReadOnlyDictionary<string, int> Ids => Data.Ids;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The fixture, once per class database (every test reads the same twelve nominations).</summary>
    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (s_seeded?.Database != fixture.Database)
            {
                s_seeded = await SeedAsync();
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<Seeded> SeedAsync()
    {
        var (cycle, categories) = await _data.CycleAsync();
        var besar = categories[CategoryKind.LargeCompany];
        var pemprov = categories[CategoryKind.ProvincialGovernment];
        var year = await _data.ScalarAsync<int>("SELECT year FROM award_cycles WHERE id = @c", ("c", cycle));
        var t = Today;
        await _data.ExecuteAsync(
            $"DELETE FROM cycle_stages WHERE cycle_id = {cycle}; DELETE FROM province_stages WHERE cycle_id = {cycle}; " +
            $"INSERT INTO cycle_stages (cycle_id, stage, starts_on, ends_on) VALUES " +
            $"({cycle}, 1, '{Iso(t.AddDays(-60))}', '{Iso(t.AddDays(-31))}'), ({cycle}, 2, '{Iso(t.AddDays(-40))}', '{Iso(t.AddDays(-20))}'), " +
            $"({cycle}, 3, '{Iso(t.AddDays(-20))}', '{Iso(t.AddDays(10))}'), ({cycle}, 4, '{Iso(t.AddDays(11))}', '{Iso(t.AddDays(30))}'); " +
            $"INSERT INTO province_stages (cycle_id, province_code, stage, starts_on, ends_on) VALUES ({cycle}, '33', 2, '{Iso(t.AddDays(-40))}', '{Iso(t.AddDays(-25))}');");
        PortalHosts.ReferenceDataChanged(fixture.Database);

        var ids = new Dictionary<string, int>();
        foreach (var (key, regency, status, category) in new[]
                 {
                     ("A1", "51.71", NominationStatus.Submitted, besar), ("A2", "51.71", NominationStatus.Submitted, besar),
                     ("A3", "51.04", NominationStatus.Draft, besar), ("A4", "51.71", NominationStatus.InFieldAssessment, besar),
                     ("A5", "51.71", NominationStatus.ForwardedToNational, besar), ("A6", "51.03", NominationStatus.Winner, besar),
                     ("B1", "51.71", NominationStatus.NotWinner, pemprov), ("B2", "51.71", NominationStatus.Finalist, pemprov),
                     ("B3", "51.71", NominationStatus.Withdrawn, pemprov),
                     ("C1", "33.74", NominationStatus.Verified, besar), ("C2", "33.74", NominationStatus.Returned, besar),
                     ("C3", "33.74", NominationStatus.Winner, besar),
                 })
        {
            var n = await _data.NominationAsync(regency, status);
            ids[key] = n.Id;
            await _data.ExecuteAsync($"UPDATE nominations SET category_id = {category} WHERE id = {n.Id}");
        }

        // Submitted eight WIB days ago: waiting for verification too long (more than seven days).
        var eightDaysAgo = new DateTimeOffset(t.AddDays(-8).ToDateTime(new TimeOnly(23, 0)), TimeSpan.FromHours(7));
        await _data.ExecuteAsync($"UPDATE nominations SET updated_at = '{eightDaysAgo:O}' WHERE id = {ids["A1"]}");
        return new Seeded(fixture.Database, year, besar, pemprov, ids);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_count_per_province_and_category_and_for_the_country_is_the_one_worked_out_by_hand()
    {
        using var admin = await _data.SignedInAsync(FieldWorkTestData.Admin);
        var page = await admin.GetPageAsync($"/National/Country?cycle={Year}");
        var t = Today;
        var ends = t.AddDays(10).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

        var bali = Province(page, "51");
        Text(bali.QuerySelector("[data-testid=province-total]")).ShouldBe("Bali (9)");
        Text(bali.QuerySelector("[data-testid=province-stage]")).ShouldBe($"Tahap Penilaian lapangan dan pembinaan: 10 hari lagi (sampai {ends})");
        bali.QuerySelectorAll("[data-testid=late-stage]").Select(Text).ShouldBe(
        [
            $"Tahap Pencalonan berakhir {Date(t.AddDays(-31))}, lewat 31 hari; masih di tahap itu: 1",
            $"Tahap Verifikasi berakhir {Date(t.AddDays(-20))}, lewat 20 hari; masih di tahap itu: 2",
        ]);
        Row(bali, Besar).ShouldBe("6 | Draft 1, Submitted 2, InFieldAssessment 1, ForwardedToNational 1, Winner 1 | 3 (lewat 31 hari) | 2 | 1 | 0");
        Row(bali, Pemprov).ShouldBe("3 | Finalist 1, NotWinner 1, Withdrawn 1 | 0 | 1 | 0 | 1");
        Row(bali, "all").ShouldBe("9 | Draft 1, Submitted 2, InFieldAssessment 1, Finalist 1, ForwardedToNational 1, Winner 1, NotWinner 1, Withdrawn 1 | 3 (lewat 31 hari) | 3 | 1 | 1");

        var jateng = Province(page, "33");
        Text(jateng.QuerySelector("[data-testid=province-total]")).ShouldBe("Jawa Tengah (3)");
        jateng.QuerySelectorAll("[data-testid=late-stage]").Select(Text).ShouldBe(
            [$"Tahap Verifikasi berakhir {Date(t.AddDays(-25))}, lewat 25 hari; masih di tahap itu: 1"]);
        Row(jateng, Besar).ShouldBe("3 | Verified 1, Returned 1, Winner 1 | 1 (lewat 25 hari) | 1 | 1 | 0");
        Row(jateng, Pemprov).ShouldBe("0 |  | 0 | 0 | 0 | 0");

        var aceh = Province(page, "11");
        aceh.QuerySelector("[data-testid=no-nominations]").ShouldNotBeNull();
        aceh.QuerySelector("[data-testid=country-table]").ShouldBeNull();
        page.QuerySelectorAll("[data-testid=province]").Length.ShouldBe(38);

        var country = page.QuerySelector("[data-testid=country-table]")!;
        Row(country, Besar).ShouldBe("9 | Draft 1, Submitted 2, Verified 1, Returned 1, InFieldAssessment 1, ForwardedToNational 1, Winner 2 | 4 | 3 | 2 | 0");
        Row(country, Pemprov).ShouldBe("3 | Finalist 1, NotWinner 1, Withdrawn 1 | 0 | 1 | 0 | 1");
        Row(country, "all").ShouldBe("12 | Draft 1, Submitted 2, Verified 1, Returned 1, InFieldAssessment 1, Finalist 1, ForwardedToNational 1, Winner 2, NotWinner 1, Withdrawn 1 | 4 | 4 | 2 | 1");
    }

    [Fact]
    public async Task Every_count_of_a_province_opens_the_list_of_exactly_those_nominations()
    {
        using var admin = await _data.SignedInAsync(FieldWorkTestData.Admin);
        var page = await admin.GetPageAsync($"/National/Country?cycle={Year}");
        var bali = Province(page, "51");

        var besar = bali.QuerySelector($"[data-testid=category-row][data-category='{Besar}']")!;
        besar.QuerySelector("[data-testid=total] a")!.GetAttribute("href").ShouldBe($"/Nominations?cycle={Year}&province=51&category={Besar}");
        Listed(await admin.GetPageAsync(besar.QuerySelector("[data-testid=total] a")!.GetAttribute("href")!))
            .ShouldBe(BaliBesar.Select(k => Ids[k]).ToList(), ignoreOrder: true);
        var submitted = besar.QuerySelector("a[data-testid=status-count][data-status=Submitted]")!.GetAttribute("href")!;
        submitted.ShouldBe($"/Nominations?cycle={Year}&province=51&category={Besar}&status=Submitted");
        Listed(await admin.GetPageAsync(submitted)).ShouldBe([Ids["A1"], Ids["A2"]], ignoreOrder: true);
        foreach (var link in bali.QuerySelectorAll("a[data-testid=status-count]"))
        {
            var count = int.Parse(Text(link).Split(' ')[^1], CultureInfo.InvariantCulture);
            Listed(await admin.GetPageAsync(link.GetAttribute("href")!)).Count.ShouldBe(count, link.GetAttribute("href"));
        }

        // The country's own counts are not links (no province's list holds them).
        page.QuerySelector("[data-testid=country-table]")!.QuerySelectorAll("a").Length.ShouldBe(0);
    }

    [Fact]
    public async Task The_CSV_holds_a_line_per_province_and_category_and_the_country_per_category()
    {
        using var admin = await _data.SignedInAsync(FieldWorkTestData.Admin);
        var response = await admin.GetAsync($"/National/Country?cycle={Year}&handler=Csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var stage = $"Tahap Penilaian lapangan dan pembinaan: 10 hari lagi (sampai {Today.AddDays(10).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))})";

        lines[0].ShouldBe("kode_provinsi;provinsi;kode_kategori;kategori;tahap_saat_ini;draf;diajukan;terverifikasi;dikembalikan;penilaian_lapangan;siap_dinilai;sudah_dinilai;finalis;tidak_masuk_finalis;diteruskan_ke_tingkat_nasional;pemenang;bukan_pemenang;ditarik;jumlah;terlambat;hari_terlambat;jumlah_diteruskan");
        // Seven categories (every default one is active in the class's cycle), 38 provinces, then the country.
        lines.Length.ShouldBe(1 + (38 * 7) + 7);
        lines.ShouldContain($"51;Bali;BESAR;Perusahaan Besar;{stage};1;2;0;0;1;0;0;0;0;1;1;0;0;6;3;31;2");
        lines.ShouldContain($"51;Bali;PEMPROV;Pemerintah Provinsi;{stage};0;0;0;0;0;0;0;1;0;0;0;1;1;3;0;;1");
        lines.ShouldContain($"33;Jawa Tengah;BESAR;Perusahaan Besar;{stage};0;0;1;1;0;0;0;0;0;0;1;0;0;3;1;25;1");
        lines.ShouldContain("ID;Indonesia;BESAR;Perusahaan Besar;;1;2;1;1;1;0;0;0;0;1;2;0;0;9;4;;3");
        lines.ShouldContain("ID;Indonesia;PEMPROV;Pemerintah Provinsi;;0;0;0;0;0;0;0;1;0;0;0;1;1;3;0;;1");
        lines.Count(l => l.StartsWith("11;Aceh;", StringComparison.Ordinal)).ShouldBe(7);
    }

    [Fact]
    public async Task Only_the_administrator_opens_the_country_overview()
    {
        foreach (var email in new[] { FieldWorkTestData.BaliChair, FieldWorkTestData.BaliMember, FieldWorkTestData.Denpasar })
        {
            using var client = await _data.SignedInAsync(email);
            foreach (var url in new[] { $"/National/Country?cycle={Year}", $"/National/Country?cycle={Year}&handler=Csv" })
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{email} {url}");
                response.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static string Text(IElement? e) => PortalClient.Text(e);

    private static string Date(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    private static IElement Province(IHtmlDocument page, string code) =>
        page.QuerySelector($"[data-testid=province][data-province='{code}']") ?? throw new InvalidOperationException($"no province {code}");

    /// <summary>"total | statuses (by their code, in status order) | late | forwarded | winners | not winners".</summary>
    private static string Row(IElement scope, object category)
    {
        var row = scope.QuerySelector($"[data-testid=category-row][data-category='{category}']") ?? throw new InvalidOperationException($"no row {category}");
        var statuses = string.Join(", ", row.QuerySelectorAll("[data-testid=status-count]")
            .Select(s => $"{s.GetAttribute("data-status")} {Text(s).Split(' ')[^1]}"));
        string Cell(string id) => Text(row.QuerySelector($"[data-testid={id}]"));
        return $"{Cell("total")} | {statuses} | {Cell("late")} | {Cell("forwarded")} | {Cell("winners")} | {Cell("not-winners")}";
    }

    private static List<int> Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=nomination-row]").Select(e => int.Parse(e.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();
}
