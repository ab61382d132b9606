using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Features.Participation;
using Paritrana.Web.Tests.Employers;
using static Paritrana.Web.Tests.Employers.EmployerBuilder;

namespace Paritrana.Web.Tests.Regions;

/// <summary>
/// The coverage pages (issue 16) against a fixture whose figures are worked out by hand below (not by
/// the code): the cards, every chart's dataset (read from its JSON block), the ranking table, the tile
/// map, the employers, the CSV, and the scope (Jawa Tengah never sees Bali; a branch officer only
/// their area).
/// </summary>
/// <remarks>
/// The regional rows (all other regional figures are removed first, the demo's included):
/// <code>
///                      formal   informal     PU       BPU    employers villages
/// 51.71 Denpasar 2022-12 290,000  210,000  150,000   30,000   8,000    2
///               2023-06 295,000  205,000  170,000   35,000   8,500    3
///               2023-12 300,000  200,000  180,000   40,000   9,000    4
/// 51.03 Badung   2022-12 190,000  110,000  110,000   15,000   5,000    –
///               2023-12 200,000  100,000  130,000   20,000   6,000    –
/// 51.04 Gianyar  2022-12 100,000  150,000   35,000   15,000   2,000    3
///               2023-12 100,000  150,000   40,000   20,000   2,000    3
/// 52.71 Mataram  2023-12 100,000  100,000   30,000   10,000   1,000    –
/// </code>
/// Bali 2023-12: 600,000 + 450,000 workers, 350,000 + 80,000 participants: 430/1050 = 40.952 → 40.95 %,
/// formal 350/600 = 58.333 → 58.33 %, informal 80/450 = 17.778 → 17.78 %, 17,000 employers, 7 villages.
/// Bali 2022-12: 580,000 + 470,000, 295,000 + 60,000: 355/1050 = 33.810 → 33.81 %, 295/580 = 50.862 →
/// 50.86 %, 60/470 = 12.766 → 12.77 %, 15,000 employers, 5 villages. Changes: +7.14, +7.47, +5.01 points,
/// employers 2,000/15,000 = +13.33 %, villages 2/5 = +40.00 %. Bali 2023-06 (Denpasar only): 205/500 =
/// 41.00 %, 170/295 = 57.627 → 57.63 %, 35/205 = 17.073 → 17.07 %.
/// Ranking at 2023-12: Badung 150/300 = 50.00 % (+9.05), Denpasar 220/500 = 44.00 % (+3.05), Gianyar
/// 60/250 = 24.00 % (−16.95).
/// </remarks>
public class CoveragePagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string BaliMember = "anggota.bali@paritrana.demo";
    private const string JatengMember = "anggota.jateng@paritrana.demo";
    private const string DenpasarOfficer = "cabang.denpasar@paritrana.demo";

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static string? s_seededDatabase;

    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (s_seededDatabase == portal.Database)
            {
                return;
            }

            await TestDatabase.ExecuteAsync("""
                DELETE FROM regional_figures;
                INSERT INTO regional_figures (regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu, active_employers, aware_villages, recorded_at) VALUES
                  ('51.71', '2022-12-01', 290000, 210000, 150000, 30000, 8000, 2, now()),
                  ('51.71', '2023-06-01', 295000, 205000, 170000, 35000, 8500, 3, now()),
                  ('51.71', '2023-12-01', 300000, 200000, 180000, 40000, 9000, 4, now()),
                  ('51.03', '2022-12-01', 190000, 110000, 110000, 15000, 5000, NULL, now()),
                  ('51.03', '2023-12-01', 200000, 100000, 130000, 20000, 6000, NULL, now()),
                  ('51.04', '2022-12-01', 100000, 150000, 35000, 15000, 2000, 3, now()),
                  ('51.04', '2023-12-01', 100000, 150000, 40000, 20000, 2000, 3, now()),
                  ('52.71', '2023-12-01', 100000, 100000, 30000, 10000, 1000, NULL, now());
                """, portal.Database);

            // Employers of Nusa Tenggara Barat (the demo has none there): two large, one small, one
            // micro without figures, one of unknown size. With figures: 4; all five programmes: E1, E3,
            // E5 = 3 of 4 = 75.00 %; in arrears: E2, E3 = 2 of 4 = 50.00 %.
            var asOf = new DateOnly(2023, 12, 31);
            await new EmployerBuilder(portal.Database).AddAsync(
                new Spec("5271000001", "Cakupan E1", "52.71", SizeClass.Large, "Dagang", 100, 90, 0, Programs.All, 0, asOf),
                new Spec("5271000002", "Cakupan E2", "52.71", SizeClass.Large, "Dagang", 50, 20, 0, Programs.Jkk | Programs.Jkm, 3, asOf),
                new Spec("5201000003", "Cakupan E3", "52.01", SizeClass.Small, "Dagang", 10, 10, 0, Programs.All, 1, asOf),
                new Spec("5201000004", "Cakupan E4", "52.01", SizeClass.Micro, "Dagang", null, null, null, Programs.None, null, null),
                new Spec("5271000005", "Cakupan E5", "52.71", null, "Dagang", 4, 4, 0, Programs.All, 0, asOf));
            s_seededDatabase = portal.Database;
        }
        finally
        {
            Seeded.Release();
        }

        CoverageReports.Forget(portal.Factory.Services);
    }

    [Fact]
    public async Task The_province_page_shows_each_card_with_its_change_against_a_year_earlier()
    {
        await SeedAsync();
        using var member = await SignedInAsync(BaliMember);
        var page = await member.GetPageAsync("/Participation/Province/51");

        Cards(page).ShouldBe(
        [
            ("all", "40,95 %", "+7,14 poin dari tahun sebelumnya"),
            ("formal", "58,33 %", "+7,47 poin dari tahun sebelumnya"),
            ("informal", "17,78 %", "+5,01 poin dari tahun sebelumnya"),
            ("employers", "17.000", "+13,33 % dari tahun sebelumnya"),
            ("villages", "7", "+40,00 % dari tahun sebelumnya"),
        ]);
        Text(page.QuerySelector("[data-testid=source]")).ShouldBe("Sumber: BPJamsostek, BPS; data per Desember 2023");
        // Bali has nine regencies and cities; three reported December 2023.
        Text(page.QuerySelector("[data-testid=incomplete]")).ShouldBe("Belum lengkap: 3 dari 9 kabupaten/kota melaporkan Desember 2023.");
    }

    [Fact]
    public async Task The_province_page_charts_every_period_and_ranks_the_regencies_with_their_gap_and_discovery_links()
    {
        await SeedAsync();
        using var member = await SignedInAsync(BaliMember);
        var page = await member.GetPageAsync("/Participation/Province/51");

        var trend = Chart(page, "trend");
        trend.Title.ShouldBe("Cakupan kepesertaan Bali menurut waktu, Desember 2022 – Desember 2023. Sumber: BPJamsostek, BPS; data per Desember 2023");
        trend.Labels.ShouldBe(["Desember 2022", "Juni 2023", "Desember 2023"]);
        SeriesShouldBe(trend,
            ("Semua pekerja", [33.81m, 41.00m, 40.95m]),
            ("Pekerja formal", [50.86m, 57.63m, 58.33m]),
            ("Pekerja informal", [12.77m, 17.07m, 17.78m]),
            ("Peserta PU + BPU", [355_000m, 205_000m, 430_000m]),
            ("Pekerja formal dan informal", [1_050_000m, 500_000m, 1_050_000m]));
        TableRows(page, "chart-table-trend").ShouldBe(
        [
            ["Desember 2022", "33,81 %", "50,86 %", "12,77 %", "355.000", "1.050.000", "belum lengkap: 3 dari 9 kabupaten/kota"],
            ["Juni 2023", "41,00 %", "57,63 %", "17,07 %", "205.000", "500.000", "belum lengkap: 1 dari 9 kabupaten/kota"],
            ["Desember 2023", "40,95 %", "58,33 %", "17,78 %", "430.000", "1.050.000", "belum lengkap: 3 dari 9 kabupaten/kota"],
        ]);

        var regencies = Chart(page, "regencies");
        regencies.Title.ShouldBe("Cakupan kabupaten/kota dibandingkan Bali, Desember 2023. Sumber: BPJamsostek, BPS; data per Desember 2023");
        regencies.Labels.Take(3).ShouldBe(["Kabupaten Badung", "Kota Denpasar", "Kabupaten Gianyar"]);
        regencies.Labels.Count.ShouldBe(9);
        regencies.Series[0].Values.ShouldBe([50.00m, 44.00m, 24.00m, null, null, null, null, null, null]);
        regencies.Series[1].Values.ShouldAllBe(v => v == 40.95m);

        var rows = page.QuerySelectorAll("[data-testid=ranking-row]").ToList();
        rows.Select(r => $"{Cell(r, "rank")} {Cell(r, "name")} {Cell(r, "coverage")} {Cell(r, "gap")} {Cell(r, "formal")} {Cell(r, "informal")} {Cell(r, "participants")}").ShouldBe(
        [
            "1 Kabupaten Badung 50,00 % +9,05 65,00 % 20,00 % 150.000",
            "2 Kota Denpasar 44,00 % +3,05 60,00 % 20,00 % 220.000",
            "3 Kabupaten Gianyar 24,00 % −16,95 40,00 % 13,33 % 60.000",
            "— Kabupaten Jembrana — — — — 0",
            "— Kabupaten Tabanan — — — — 0",
            "— Kabupaten Klungkung — — — — 0",
            "— Kabupaten Bangli — — — — 0",
            "— Kabupaten Karangasem — — — — 0",
            "— Kabupaten Buleleng — — — — 0",
        ]);
        rows[1].QuerySelector("a")!.GetAttribute("href").ShouldBe("/Employers?provinsi=51&wilayah=51.71");
        rows[0].QuerySelector("[data-testid=reporting]").ShouldBeNull(); // a regency is one: nothing to say
    }

    [Fact]
    public async Task A_branch_officer_sees_only_their_area_on_the_page_and_in_the_CSV()
    {
        await SeedAsync();
        using var officer = await SignedInAsync(DenpasarOfficer);
        var page = await officer.GetPageAsync("/Participation/Province/51");

        // Denpasar's area: 51.71 and 51.03 with figures (51.01, 51.02, 51.08 without). 2023-12: 370/800 =
        // 46.25 %, 310/500 = 62.00 %, 60/300 = 20.00 %, 15,000 employers, 4 villages. 2022-12: 305/800 =
        // 38.125 → 38.13 % (half away from zero), 260/480 = 54.167 → 54.17 %, 45/320 = 14.0625 → 14.06 %,
        // 13,000 employers, 2 villages.
        Cards(page).ShouldBe(
        [
            ("all", "46,25 %", "+8,12 poin dari tahun sebelumnya"),
            ("formal", "62,00 %", "+7,83 poin dari tahun sebelumnya"),
            ("informal", "20,00 %", "+5,94 poin dari tahun sebelumnya"),
            ("employers", "15.000", "+15,38 % dari tahun sebelumnya"),
            ("villages", "4", "+100,00 % dari tahun sebelumnya"),
        ]);
        page.QuerySelectorAll("[data-testid=ranking-row]").Select(r => $"{Cell(r, "rank")} {r.GetAttribute("data-code")} {Cell(r, "gap")}").ShouldBe(
            ["1 51.03 +3,75", "2 51.71 −2,25", "— 51.01 —", "— 51.02 —", "— 51.08 —"]);
        page.Body!.TextContent.ShouldNotContain("Gianyar");

        var csv = await Csv(officer, "/Participation/Province/51?handler=Csv");
        csv[0].ShouldBe("kode_wilayah;nama_wilayah;periode;pekerja_formal;pekerja_informal;peserta_pu;peserta_bpu;pemberi_kerja_aktif;desa_sadar;cakupan_semua;cakupan_formal;cakupan_informal;kabupaten_kota_melapor;kabupaten_kota_wilayah");
        // The area has five regencies and cities (51.01, 51.02, 51.03, 51.08, 51.71): two reported, then one, then two.
        csv.Skip(1).ShouldBe(
        [
            "51;Wilayah Kantor Cabang Denpasar;2022-12;480000;320000;260000;45000;13000;2;38,13;54,17;14,06;2;5",
            "51;Wilayah Kantor Cabang Denpasar;2023-06;295000;205000;170000;35000;8500;3;41,00;57,63;17,07;1;5",
            "51;Wilayah Kantor Cabang Denpasar;2023-12;500000;300000;310000;60000;15000;4;46,25;62,00;20,00;2;5",
            "51.03;Kabupaten Badung;2022-12;190000;110000;110000;15000;5000;;41,67;57,89;13,64;1;1",
            "51.03;Kabupaten Badung;2023-12;200000;100000;130000;20000;6000;;50,00;65,00;20,00;1;1",
            "51.71;Kota Denpasar;2022-12;290000;210000;150000;30000;8000;2;36,00;51,72;14,29;1;1",
            "51.71;Kota Denpasar;2023-06;295000;205000;170000;35000;8500;3;41,00;57,63;17,07;1;1",
            "51.71;Kota Denpasar;2023-12;300000;200000;180000;40000;9000;4;44,00;60,00;20,00;1;1",
        ]);
        Text(page.QuerySelector("[data-testid=incomplete]")).ShouldBe("Belum lengkap: 2 dari 5 kabupaten/kota melaporkan Desember 2023.");

        // The employers of Bali the officer's branch sees: none in the fixture's Bali rows but the demo's; the
        // CSV's "Semua" line holds the cards' figures (the cards are checked against the fixture on NTB below).
        var employers = await Csv(officer, "/Participation/Province/51?handler=EmployersCsv");
        employers[0].ShouldBe("kode_wilayah;nama_wilayah;skala;pemberi_kerja;dengan_data_kepesertaan;ikut_lima_program;persen_ikut_lima_program;menunggak;persen_menunggak");
        employers[^1].ShouldStartWith($"51;Wilayah Kantor Cabang Denpasar;Semua;{Cell(page.QuerySelector("[data-testid=card-employers-imported]")!, "value").Replace(".", "")};");
    }

    [Fact]
    public async Task Jawa_Tengah_never_sees_Bali_and_its_own_page_holds_no_Bali_figure()
    {
        await SeedAsync();
        using var member = await SignedInAsync(JatengMember);

        (await member.GetAsync("/Participation/Province/51")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync("/Participation/Province/51?handler=Csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await member.GetPageAsync("/Participation/Province");
        Text(own.QuerySelector("h1")).ShouldBe("Cakupan kepesertaan Jawa Tengah");
        own.QuerySelector("[data-testid=no-figures]").ShouldNotBeNull();
        own.QuerySelectorAll("[data-testid=ranking-row]").Length.ShouldBe(0);
        var csv = await Csv(member, "/Participation/Province/33?handler=Csv");
        csv.Length.ShouldBe(1);
        (await member.GetAsync("/Participation/National")).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_province_without_its_year_earlier_says_no_comparison_and_counts_its_employers_by_size()
    {
        await SeedAsync();
        using var admin = await SignedInAsync(Admin);
        var page = await admin.GetPageAsync("/Participation/Province/52");

        // Mataram alone: 40,000 / 200,000 = 20.00 %, 30/100 = 30.00 %, 10/100 = 10.00 %.
        Cards(page).ShouldBe(
        [
            ("all", "20,00 %", "Tanpa pembanding"),
            ("formal", "30,00 %", "Tanpa pembanding"),
            ("informal", "10,00 %", "Tanpa pembanding"),
            ("employers", "1.000", "Tanpa pembanding"),
            ("villages", "—", "Tanpa pembanding"),
        ]);

        Text(page.QuerySelector("[data-testid=card-employers-imported] [data-testid=value]")).ShouldBe("5");
        Text(page.QuerySelector("[data-testid=card-all-five] [data-testid=value]")).ShouldBe("75,00 %");
        Text(page.QuerySelector("[data-testid=card-all-five] [data-testid=detail]")).ShouldBe("3 dari 4 pemberi kerja dengan data kepesertaan");
        Text(page.QuerySelector("[data-testid=card-arrears] [data-testid=value]")).ShouldBe("2");
        Text(page.QuerySelector("[data-testid=card-arrears] [data-testid=detail]")).ShouldBe("50,00 %");
        var sizes = Chart(page, "sizes");
        sizes.Title.ShouldStartWith("Pemberi kerja Nusa Tenggara Barat menurut skala usaha. Sumber: BPJamsostek, impor data pemberi kerja; dihitung ");
        sizes.Labels.ShouldBe(["Besar", "Menengah", "Kecil", "Mikro", "Tidak diketahui"]);
        SeriesShouldBe(sizes, ("Pemberi kerja", [2m, 0m, 1m, 1m, 1m]));
        TableRows(page, "chart-table-sizes").ShouldBe([["Besar", "2"], ["Menengah", "0"], ["Kecil", "1"], ["Mikro", "1"], ["Tidak diketahui", "1"]]);

        // The employer section as CSV: per size class and in all. Large: E1 (all five, no arrears), E2 (two
        // programmes, 3 months) = 2 with figures, 1 all five (50.00 %), 1 in arrears (50.00 %). Small: E3 (all
        // five, 1 month) = 1, 1 (100.00 %), 1 (100.00 %). Micro: E4 without figures: 1 employer, 0 with
        // figures, no shares. Unknown: E5 (all five) = 1, 1 (100.00 %), 0 (0.00 %). All: 5, 4, 3 (75.00 %), 2 (50.00 %).
        var csv = await Csv(admin, "/Participation/Province/52?handler=EmployersCsv");
        csv.ShouldBe(
        [
            "kode_wilayah;nama_wilayah;skala;pemberi_kerja;dengan_data_kepesertaan;ikut_lima_program;persen_ikut_lima_program;menunggak;persen_menunggak",
            "52;Nusa Tenggara Barat;Besar;2;2;1;50,00;1;50,00",
            "52;Nusa Tenggara Barat;Menengah;0;0;0;;0;",
            "52;Nusa Tenggara Barat;Kecil;1;1;1;100,00;1;100,00",
            "52;Nusa Tenggara Barat;Mikro;1;0;0;;0;",
            "52;Nusa Tenggara Barat;Tidak diketahui;1;1;1;100,00;0;0,00",
            "52;Nusa Tenggara Barat;Semua;5;4;3;75,00;2;50,00",
        ]);
        page.QuerySelector("[data-testid=employers-csv]")!.GetAttribute("href").ShouldBe("/Participation/Province/52?handler=EmployersCsv");
    }

    [Fact]
    public async Task The_national_page_sums_the_country_ranks_the_provinces_and_colours_their_tiles()
    {
        await SeedAsync();
        using var admin = await SignedInAsync(Admin);
        var page = await admin.GetPageAsync("/Participation/National");

        // Country 2023-12 (Bali + Mataram): 700,000 + 550,000 workers, 380,000 + 90,000 participants:
        // 470/1250 = 37.60 %, 380/700 = 54.286 → 54.29 %, 90/550 = 16.364 → 16.36 %, 18,000 employers,
        // 7 villages. 2022-12 is Bali's three regencies only, so the change is like for like, over those
        // three (Mataram left out of 2023-12): Bali's own +7.14, +7.47, +5.01 points, +13.33 %, +40.00 %
        // (counting Mataram in December 2023 only would have said +3.79, +3.43, +3.59, +20.00 %).
        const string basis = " (pada 3 kabupaten/kota yang melapor di kedua periode)";
        Cards(page).ShouldBe(
        [
            ("all", "37,60 %", "+7,14 poin dari tahun sebelumnya" + basis),
            ("formal", "54,29 %", "+7,47 poin dari tahun sebelumnya" + basis),
            ("informal", "16,36 %", "+5,01 poin dari tahun sebelumnya" + basis),
            ("employers", "18.000", "+13,33 % dari tahun sebelumnya" + basis),
            ("villages", "7", "+40,00 % dari tahun sebelumnya" + basis),
        ]);
        // The country has 514 regencies and cities: 3, 1 and 4 reported.
        Text(page.QuerySelector("[data-testid=incomplete]")).ShouldBe("Belum lengkap: 4 dari 514 kabupaten/kota melaporkan Desember 2023.");
        TableRows(page, "chart-table-trend").Select(r => r[^1]).ShouldBe(
            ["belum lengkap: 3 dari 514 kabupaten/kota", "belum lengkap: 1 dari 514 kabupaten/kota", "belum lengkap: 4 dari 514 kabupaten/kota"]);
        // Formal 2023-12: 380/700 = 54.29 %, informal 90/550 = 16.36 %; 2023-06 is Denpasar's alone.
        SeriesShouldBe(Chart(page, "trend"),
            ("Semua pekerja", [33.81m, 41.00m, 37.60m]),
            ("Pekerja formal", [50.86m, 57.63m, 54.29m]),
            ("Pekerja informal", [12.77m, 17.07m, 16.36m]),
            ("Peserta PU + BPU", [355_000m, 205_000m, 470_000m]),
            ("Pekerja formal dan informal", [1_050_000m, 500_000m, 1_250_000m]));

        var provinces = Chart(page, "provinces");
        provinces.Labels.Count.ShouldBe(38);
        provinces.Labels.Take(2).ShouldBe(["Bali", "Nusa Tenggara Barat"]);
        provinces.Series[0].Values.Take(3).ShouldBe([40.95m, 20.00m, null]);
        var rows = page.QuerySelectorAll("[data-testid=ranking-row]").ToList();
        rows.Count.ShouldBe(38);
        rows.Take(3).Select(r => $"{Cell(r, "rank")} {Cell(r, "name")} {Cell(r, "coverage")} {Cell(r, "gap")}").ShouldBe(
            ["1 Bali 40,95 % +3,35", "2 Nusa Tenggara Barat 20,00 % −17,60", "— Aceh — —"]);
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe("/Participation/Province/51");
        // December 2023: three of Bali's nine regencies and cities, one of Nusa Tenggara Barat's ten, none of Aceh's 23.
        rows.Take(3).Select(r => Cell(r, "reporting")).ShouldBe(
            ["belum lengkap: 3 dari 9 kabupaten/kota", "belum lengkap: 1 dari 10 kabupaten/kota", "belum lengkap: 0 dari 23 kabupaten/kota"]);

        var tiles = page.QuerySelectorAll("[data-testid=tile]").ToDictionary(t => t.GetAttribute("data-code")!);
        tiles.Count.ShouldBe(38);
        tiles["51"].GetAttribute("data-band").ShouldBe("4");
        PortalClient.Text(tiles["51"].QuerySelector(".visually-hidden")).ShouldBe("Bali: 40,95 %");
        tiles["52"].GetAttribute("data-band").ShouldBe("2");
        tiles["33"].GetAttribute("data-band").ShouldBe("0");
        page.QuerySelectorAll("[data-testid=legend] li").Length.ShouldBe(6);

        var csv = await Csv(admin, "/Participation/National?handler=Csv");
        csv.ShouldContain("ID;Indonesia;2023-12;700000;550000;380000;90000;18000;7;37,60;54,29;16,36;4;514");
        csv.ShouldContain("51;Bali;2023-06;295000;205000;170000;35000;8500;3;41,00;57,63;17,07;1;9");
        csv.ShouldContain("52;Nusa Tenggara Barat;2023-12;100000;100000;30000;10000;1000;;20,00;30,00;10,00;1;10");
        csv.Length.ShouldBe(1 + 3 + 3 + 1); // header, the country at 3 periods, Bali at 3, NTB at 1
    }

    [Fact]
    public async Task An_employer_and_a_regency_government_nomination_show_their_own_trend()
    {
        await SeedAsync();
        var builder = new EmployerBuilder(portal.Database);
        var ids = await builder.AddAsync(new Spec("5171777001", "Tren Sejahtera", "51.71", SizeClass.Medium, "Jasa", 120, 90, 6, Programs.All, 0, new DateOnly(2023, 12, 31)));
        await builder.FiguresAsync(ids["5171777001"],
            new CoverageFigures { AsOf = new DateOnly(2023, 12, 31), Workers = 120, ParticipantsPu = 90, ParticipantsBpu = 6, Programs = Programs.All, ArrearsMonths = 0 },
            new CoverageFigures { AsOf = new DateOnly(2022, 12, 31), Workers = 100, ParticipantsPu = 60, ParticipantsBpu = 5, Programs = Programs.Jkk, ArrearsMonths = 2 });
        using var member = await SignedInAsync(BaliMember);

        // 65/100 = 65.00 %, then 96/120 = 80.00 %, oldest first.
        var employer = await member.GetPageAsync($"/Employers/Details/{ids["5171777001"]}");
        var trend = Chart(employer, "candidate-trend");
        trend.Labels.ShouldBe(["31 Des 2022", "31 Des 2023"]);
        SeriesShouldBe(trend,
            ("Cakupan", [65.00m, 80.00m]),
            ("Pekerja", [100m, 120m]),
            ("PU", [60m, 90m]),
            ("BPU", [5m, 6m]),
            ("Tunggakan (bulan)", [2m, 0m]));
        TableRows(employer, "chart-table-candidate-trend").ShouldBe([["31 Des 2022", "65,00 %", "100", "60", "5", "2"], ["31 Des 2023", "80,00 %", "120", "90", "6", "0"]]);

        // Kota Denpasar's regional figures: 180/500 = 36.00 %, 205/500 = 41.00 %, 220/500 = 44.00 %;
        // formal 150/290 = 51.724 → 51.72 %, 57.63 %, 60.00 %; informal 30/210 = 14.286 → 14.29 %, 17.07 %, 20.00 %.
        var nomination = await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE o.name = 'Pemerintah Kota Denpasar' ORDER BY n.id DESC LIMIT 1");
        var details = await member.GetPageAsync($"/Nominations/Details/{nomination}");
        var regency = Chart(details, "regency-trend");
        regency.Title.ShouldBe("Cakupan kepesertaan Kota Denpasar menurut waktu, Desember 2022 – Desember 2023. Sumber: BPJamsostek, BPS; data per Desember 2023");
        SeriesShouldBe(regency,
        [
            ("Semua pekerja", [36.00m, 41.00m, 44.00m]),
            ("Pekerja formal", [51.72m, 57.63m, 60.00m]),
            ("Pekerja informal", [14.29m, 17.07m, 20.00m]),
            ("Peserta PU + BPU", [150_000m + 30_000m, 170_000m + 35_000m, 180_000m + 40_000m]),
            ("Pekerja formal dan informal", [500_000m, 500_000m, 500_000m]),
        ]);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private async Task<PortalClient> SignedInAsync(string email) =>
        await new PortalClient(portal.Factory.CreateClient(new() { AllowAutoRedirect = false })).SignedInAsAsync(email);

    private static string Text(IElement? e) => PortalClient.Text(e);

    private static string Cell(IElement row, string testId) => Text(row.QuerySelector($"[data-testid={testId}]"));

    private static readonly string[] CardKeys = ["all", "formal", "informal", "employers", "villages"];

    private static List<(string, string, string)> Cards(IHtmlDocument page) =>
        CardKeys
            .Select(k => page.QuerySelector($"[data-testid=card-{k}]")!)
            .Select(c => (c.GetAttribute("data-testid")![5..], Cell(c, "value"), Cell(c, "change")))
            .ToList();

    private static List<string[]> TableRows(IHtmlDocument page, string testId) =>
        page.QuerySelectorAll($"[data-testid={testId}] tbody tr")
            .Select(r => r.Children.Select(Text).ToArray())
            .ToList();

    private sealed record ChartData(string Title, List<string> Labels, List<(string Label, decimal?[] Values)> Series);

    private static ChartData Chart(IHtmlDocument page, string id)
    {
        var block = page.QuerySelector($"script#chart-data-{id}");
        block.ShouldNotBeNull($"no chart {id}");
        block.GetAttribute("type").ShouldBe("application/json");
        page.QuerySelector($"canvas[data-chart={id}]").ShouldNotBeNull();
        using var json = JsonDocument.Parse(block.TextContent);
        var root = json.RootElement;
        return new ChartData(
            root.GetProperty("title").GetString()!,
            root.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList(),
            root.GetProperty("series").EnumerateArray()
                .Select(s => (s.GetProperty("label").GetString()!, s.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal()).ToArray()))
                .ToList());
    }

    /// <summary>The chart's series, in order: each label and its values (decimals compared by value).</summary>
    private static void SeriesShouldBe(ChartData chart, params (string Label, decimal?[] Values)[] expected)
    {
        chart.Series.Select(s => s.Label).ShouldBe(expected.Select(e => e.Label));
        for (var i = 0; i < expected.Length; i++)
        {
            chart.Series[i].Values.ShouldBe(expected[i].Values, $"series {expected[i].Label}");
        }
    }

    private static async Task<string[]> Csv(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
