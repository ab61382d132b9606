using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Features.Imports;
using static Paritrana.Web.Tests.Imports.ImportTestKit;

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// The regional coverage import (issue 16), as branch officers and the administrator use it:
/// upload, preview with errors and warnings, import in the background, and exactly what ends up
/// in <c>regional_figures</c>. Each test uses periods of its own (the demo holds Bali's and Jawa
/// Tengah's December 2022 to December 2023), so the tests of the class do not meet.
/// </summary>
public class RegionalImportTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private const string Page = "/Imports/Regional";
    private const string Header = "kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar";
    private const string Admin = "admin@paritrana.demo";
    private const string DenpasarOfficer = "cabang.denpasar@paritrana.demo";
    private const string GianyarOfficer = "cabang.gianyar@paritrana.demo";

    private string Db => portal.Database;

    private static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    // Denpasar's PU is 75.00 % of its formal workers; Badung's 189.000 of 180.000 is 105.00 %: a warning, not an error.
    private static readonly string[] June2019 =
    [
        "51.71,2019-06,200.000,100.000,150.000,40.000,9.000,2",
        "51.03,2019-06,180.000,90.000,189.000,30.000,7.500,",
    ];

    [Fact]
    public async Task A_branch_officer_previews_and_imports_a_file_and_the_figures_are_exactly_those_of_the_file()
    {
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, File(June2019), "wilayah-2019-06.csv", Page);

        var preview = await client.GetPageAsync($"{Page}/Preview/{id}");
        (Text(preview, "total-rows"), Text(preview, "valid-rows"), Text(preview, "invalid-rows"), Text(preview, "warnings-count")).ShouldBe(("2", "2", "0", "1"));
        preview.QuerySelector("#import-all-form").ShouldNotBeNull();
        preview.QuerySelector("[data-testid=errors]").ShouldBeNull();
        Rows(preview, "warning-row").ShouldBe(["3 | peserta_pu | peserta_pu (189.000) melebihi pekerja_formal (180.000): 105,00 %. Periksa angkanya sebelum mengimpor."]);
        Rows(preview, "sample-row").ShouldBe(
        [
            "2 | Kota Denpasar (51.71) | 2019-06 | 200.000 | 100.000 | 150.000 | 40.000 | 9.000 | 2",
            "3 | Kabupaten Badung (51.03) | 2019-06 | 180.000 | 90.000 | 189.000 | 30.000 | 7.500 | —",
        ]);
        (await Figures("2019-06")).ShouldBeEmpty();

        await StartAndWaitAsync(client, id);
        (await Figures("2019-06")).ShouldBe(
        [
            $"51.03 | 2019-06-01 | 180000 | 90000 | 189000 | 30000 | 7500 | ∅ | {id}",
            $"51.71 | 2019-06-01 | 200000 | 100000 | 150000 | 40000 | 9000 | 2 | {id}",
        ]);
        (await BatchCounts(id)).ShouldBe("2 | 3 | 2 | 2 | 0 | 0 | 0 | 2 | 0 | 0");
        (await Audit(id)).ShouldBe(
        [
            $"import.previewed | 51 | {DenpasarOfficer} | regional figures; file: 'wilayah-2019-06.csv'; rows: 2; valid: 2; invalid: 0",
            $"import.completed | 51 | {DenpasarOfficer} | regional figures; file: 'wilayah-2019-06.csv'; rows: 2; inserted: 2; replaced: 0; unchanged: 0",
        ]);
        var done = await client.GetPageAsync($"/Imports/Progress/{id}");
        (Text(done, "figures-inserted"), Text(done, "figures-updated"), Text(done, "unchanged")).ShouldBe(("2", "0", "0"));
        done.QuerySelector("[data-testid=nothing-changed]").ShouldBeNull();

        // The same file again changes nothing, and the result says so.
        var again = await UploadAcceptedAsync(client, File(June2019), "wilayah-2019-06.csv", Page);
        await StartAndWaitAsync(client, again);
        (await BatchCounts(again)).ShouldBe("2 | 3 | 2 | 2 | 0 | 0 | 0 | 0 | 0 | 2");
        (await Figures("2019-06")).ShouldBe(
        [
            $"51.03 | 2019-06-01 | 180000 | 90000 | 189000 | 30000 | 7500 | ∅ | {id}",
            $"51.71 | 2019-06-01 | 200000 | 100000 | 150000 | 40000 | 9000 | 2 | {id}",
        ]);
        var second = await client.GetPageAsync($"/Imports/Progress/{again}");
        Text(second, "nothing-changed").ShouldBe("Tidak ada yang berubah: semua baris sama dengan angka yang sudah tersimpan.");
        (Text(second, "figures-inserted"), Text(second, "figures-updated"), Text(second, "unchanged")).ShouldBe(("0", "0", "2"));
        var history = await client.GetPageAsync(Page);
        history.QuerySelectorAll("[data-testid=batch-row]").Take(2).Select(r => PortalClient.Text(r.QuerySelector("[data-testid=result]")))
            .ShouldBe(["0 baru, 0 diganti, 2 tanpa perubahan", "2 baru, 0 diganti, 0 tanpa perubahan"]);
    }

    [Fact]
    public async Task Importing_a_period_again_replaces_that_periods_rows_of_the_regencies_in_the_file_and_nothing_else()
    {
        using var client = await SignedInAsync(Admin);
        var others = await Snapshot("SELECT regency_code, period, participants_pu, import_batch_id FROM regional_figures WHERE period < '2019-09-01' OR period > '2019-10-01' ORDER BY 1, 2");
        var first = await UploadAcceptedAsync(client, File(
            "51.71,2019-09,200.000,100.000,150.000,40.000,9.000,2",
            "51.03,2019-09,180.000,90.000,120.000,30.000,7.500,1",
            "51.71,2019-10,201.000,100.000,151.000,40.000,9.010,2",
            "33.74,2019-09,500.000,400.000,250.000,30.000,20.000,"), "awal.csv", Page);
        await StartAndWaitAsync(client, first);

        var second = await UploadAcceptedAsync(client, File("51.71,2019-09,200.500,100.000,152.345,41.000,9.000,3"), "koreksi.csv", Page);
        await StartAndWaitAsync(client, second);

        (await BatchCounts(second)).ShouldBe("1 | 3 | 1 | 1 | 0 | 0 | 0 | 0 | 1 | 0");
        (await Figures("2019-09", "2019-10")).ShouldBe(
        [
            $"33.74 | 2019-09-01 | 500000 | 400000 | 250000 | 30000 | 20000 | ∅ | {first}",
            $"51.03 | 2019-09-01 | 180000 | 90000 | 120000 | 30000 | 7500 | 1 | {first}",
            $"51.71 | 2019-09-01 | 200500 | 100000 | 152345 | 41000 | 9000 | 3 | {second}",
            $"51.71 | 2019-10-01 | 201000 | 100000 | 151000 | 40000 | 9010 | 2 | {first}",
        ]);
        (await Snapshot("SELECT regency_code, period, participants_pu, import_batch_id FROM regional_figures WHERE period < '2019-09-01' OR period > '2019-10-01' ORDER BY 1, 2")).ShouldBe(others);
    }

    [Fact]
    public async Task Every_error_is_shown_with_its_line_and_column_and_such_a_file_cannot_be_imported_even_by_a_forged_post()
    {
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, File(
            "51.71,2019-13,10,10,5,5,1,",
            "51.03,2019-08,100,10,111,5,1,",
            "51.02,2019-08,10,10,5,5,1,",
            "51.02,2019-08,10,10,5,5,1,",
            "51.04,2019-08,10,10,5,5,1,"), "salah.csv", Page);

        var preview = await client.GetPageAsync($"{Page}/Preview/{id}");
        (Text(preview, "total-rows"), Text(preview, "valid-rows"), Text(preview, "invalid-rows")).ShouldBe(("5", "1", "4"));
        Rows(preview, "error-row").ShouldBe(
        [
            "2 | periode | Periode 2019-13 tidak sah; tulis TTTT-BB, misalnya 2023-12.",
            "3 | peserta_pu | peserta_pu (111) melebihi pekerja_formal (100) lebih dari 10 %: 111,00 %.",
            "5 | periode | Wilayah 51.02 dengan periode 2019-08 sudah ada di baris 4.",
            "6 | kode_wilayah | Wilayah 51.04 berada di luar wilayah kantor cabang Anda.",
        ]);
        preview.QuerySelector("#import-all-form").ShouldBeNull();
        Text(preview, "invalid-note").ShouldBe("Berkas ini berisi baris yang tidak valid, jadi tidak dapat diimpor. Perbaiki berkasnya lalu unggah lagi.");

        // All or nothing: there is no "valid rows only" for a regional extract, not even by a hand-made post.
        var token = PortalClient.ReadForm(preview.QuerySelector<IHtmlFormElement>("#cancel-form")!);
        using (var forced = await client.PostFieldsAsync($"{Page}/Preview/{id}?handler=ImportAll", token))
        {
            forced.Headers.Location!.ToString().ShouldBe($"{Page}/Preview/{id}");
        }

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ImportService>().StartAsync(id, validRowsOnly: true, default, runAsJob: false)).ShouldBeFalse();
        (await Count($"SELECT count(*) FROM jobs WHERE (payload ->> 'BatchId')::bigint = {id}")).ShouldBe(0L);
        (await Scalar<int>("SELECT status FROM import_batches WHERE id = @id", ("id", id))).ShouldBe(1);
        (await Figures("2019-08")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_officer_sees_only_the_regional_batches_of_their_branch_and_not_as_employer_batches()
    {
        using var denpasar = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(denpasar, File("51.71,2019-05,10,10,5,5,1,"), "denpasar-2019-05.csv", Page);

        using var gianyar = await SignedInAsync(GianyarOfficer);
        foreach (var url in new[] { $"{Page}/Preview/{id}", $"/Imports/Progress/{id}" })
        {
            using var response = await gianyar.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var gianyarHistory = await gianyar.GetPageAsync(Page);
        gianyarHistory.QuerySelectorAll("[data-testid=file]").Select(f => PortalClient.Text(f)).ShouldNotContain("denpasar-2019-05.csv");
        using (var asEmployerBatch = await denpasar.GetAsync($"/Imports/Preview/{id}"))
        {
            asEmployerBatch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await denpasar.GetPageAsync("/Imports")).QuerySelectorAll("[data-testid=file]").Select(f => PortalClient.Text(f)).ShouldNotContain("denpasar-2019-05.csv");
        PortalClient.Text((await denpasar.GetPageAsync(Page)).QuerySelector("[data-testid=file]")).ShouldBe("denpasar-2019-05.csv");
    }

    [Fact]
    public async Task An_import_cut_off_after_its_rows_are_staged_leaves_nothing_and_the_batch_is_marked_failed()
    {
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, File("51.71,2019-11,10,10,5,5,1,", "51.03,2019-11,10,10,5,5,1,"), "terputus.csv", Page);

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ImportService>().StartAsync(id, validRowsOnly: false, default, runAsJob: false)).ShouldBeTrue();
        long? staged = null;
        var result = await scope.ServiceProvider.GetRequiredService<RegionalImporter>().RunAsync(id, async (connection, ct) =>
        {
            await using (var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM regional_staging", connection))
            {
                staged = (long)(await count.ExecuteScalarAsync(ct))!;
            }

            await TestDatabase.ExecuteAsync($"SELECT pg_terminate_backend({connection.ProcessID}, 10000)");
        });

        staged.ShouldBe(2L);
        result.Outcome.ShouldBe(ImportRunner.Outcome.Failed);
        result.Failure.ShouldBe(ImportFailure.DatabaseConnectionLost);
        (await Figures("2019-11")).ShouldBeEmpty();
        (await RowsAsync(Db, "SELECT status, figures_inserted, error FROM import_batches WHERE id = @id", ("id", id))).ShouldBe(
            ["4 | 0 | Impor terputus karena koneksi ke basis data hilang. Tidak ada data yang berubah; coba impor lagi."]);
        (await Audit(id)).Select(a => a.Split(" | ")[0]).ShouldBe(["import.previewed", "import.failed"]);
    }

    [Fact]
    public async Task The_sample_file_imports_cleanly_and_is_the_demo_whose_sums_are_the_articles_figures()
    {
        var sample = await System.IO.File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "docs", "samples", "cakupan-wilayah-2022-2023.csv"));
        using var client = await SignedInAsync(Admin);
        var id = await UploadAcceptedAsync(client, sample, "cakupan-wilayah-2022-2023.csv", Page);
        var preview = await client.GetPageAsync($"{Page}/Preview/{id}");
        // Bali: 9 regencies and cities × 5 periods; Jawa Tengah: 35 × 2.
        (Text(preview, "total-rows"), Text(preview, "valid-rows"), Text(preview, "invalid-rows"), Text(preview, "warnings-count")).ShouldBe(("115", "115", "0", "0"));

        // The demo imported the same file through the same import: nothing changes.
        await StartAndWaitAsync(client, id);
        (await BatchCounts(id)).ShouldBe("115 | 3 | 115 | 115 | 0 | 0 | 0 | 0 | 0 | 115");

        // Worked out by hand from the articles (scripts/demo/regional-figures.py): December 2023,
        // F + I = 2,605,937 and 0.59 F + 0.22 I = 1,027,000; December 2022, 750,000 participants.
        (await RowsAsync(Db,
            """
            SELECT left(regency_code, 2), period, count(*), sum(formal_workers), sum(informal_workers), sum(participants_pu), sum(participants_bpu),
                   sum(participants_pu + participants_bpu), sum(active_employers), sum(aware_villages)
            FROM regional_figures WHERE period >= '2022-12-01' AND period <= '2023-12-01' AND left(regency_code, 2) IN ('33', '51')
            GROUP BY 1, 2 ORDER BY 1, 2
            """)).ShouldBe(
        [
            "33 | 2022-12-01 | 35 | 8150000 | 11020000 | 3020000 | 640000 | 3660000 | 61400 | 12",
            "33 | 2023-12-01 | 35 | 8310000 | 11150000 | 3410000 | 790000 | 4200000 | 64800 | 21",
            "51 | 2022-12-01 | 9 | 1190000 | 1370000 | 560000 | 190000 | 750000 | 22900 | 4",
            "51 | 2023-03-01 | 9 | 1199050 | 1372434 | 600864 | 218386 | 819250 | 23325 | ∅",
            "51 | 2023-06-01 | 9 | 1208100 | 1374868 | 641729 | 246771 | 888500 | 23750 | ∅",
            "51 | 2023-09-01 | 9 | 1217150 | 1377303 | 682594 | 275156 | 957750 | 24175 | ∅",
            "51 | 2023-12-01 | 9 | 1226200 | 1379737 | 723458 | 303542 | 1027000 | 24600 | 12",
        ]);
        // Every Bali branch office area has at least 2 desa sadar in both Decembers; Denpasar and Badung cover most.
        (await RowsAsync(Db,
            """
            SELECT b.name, f.period, sum(f.aware_villages)
            FROM regional_figures f JOIN branch_office_areas a ON a.regency_code = f.regency_code JOIN branch_offices b ON b.id = a.branch_office_id
            WHERE b.province_code = '51' AND f.period IN ('2022-12-01', '2023-12-01') GROUP BY 1, 2 ORDER BY 1, 2
            """)).ShouldBe(
        [
            "Kantor Cabang Denpasar | 2022-12-01 | 2",
            "Kantor Cabang Denpasar | 2023-12-01 | 7",
            "Kantor Cabang Gianyar | 2022-12-01 | 2",
            "Kantor Cabang Gianyar | 2023-12-01 | 5",
        ]);
        (await RowsAsync(Db,
            "SELECT regency_code FROM regional_figures WHERE period = '2023-12-01' AND regency_code LIKE '51.%' ORDER BY (participants_pu + participants_bpu)::numeric / (formal_workers + informal_workers) DESC LIMIT 2"))
            .ShouldBe(["51.71", "51.03"]);
    }

    [Fact]
    public async Task The_command_line_imports_a_regional_extract_and_says_when_nothing_changed()
    {
        var path = Path.Combine(portal.Directory, "nasional-2019-12.csv");
        Directory.CreateDirectory(portal.Directory);
        await System.IO.File.WriteAllBytesAsync(path, File("51.71,2019-12,10,10,5,5,1,", "33.74,2019-12,20,10,5,5,1,"));

        var (code, output, error) = await RunCommandAsync(path);
        code.ShouldBe(0, string.Join('\n', error));
        output[0].ShouldMatch(@"^Impor #\d+: 2 baris, 2 valid, 0 tidak valid \(diperiksa dalam \d+,\d\d s\)\.$");
        output[^2].ShouldBe("Selesai: 2 baris; angka wilayah baru 2, diganti 0, tanpa perubahan 0.");
        var (again, againOutput, _) = await RunCommandAsync(path);
        again.ShouldBe(0);
        againOutput[^2].ShouldBe("Selesai: 2 baris; angka wilayah baru 0, diganti 0, tanpa perubahan 2.");

        await System.IO.File.WriteAllBytesAsync(path, File("51.71,2019-12,10,10,50,5,1,", "33.74,2019-12,20,10,6,5,1,"));
        var (refused, refusedOutput, refusedError) = await RunCommandAsync(path, "--valid-only");
        refused.ShouldBe(1);
        refusedError.ShouldBe(["Pemakaian: import-regional BERKAS.csv"]);
        (refused, refusedOutput, refusedError) = await RunCommandAsync(path);
        refused.ShouldBe(1);
        refusedOutput[1].ShouldBe("  baris 2, kolom peserta_pu: peserta_pu (50) melebihi pekerja_formal (10) lebih dari 10 %: 500,00 %.");
        refusedError.ShouldBe(["Berkas berisi baris yang tidak valid; tidak ada yang diimpor (semua atau tidak sama sekali). Perbaiki berkasnya lalu jalankan lagi."]);
        (await Figures("2019-12")).Select(f => f.Split(" | ")[4]).ShouldBe(["5", "5"]);
    }

    // ---- helpers ----

    private async Task<PortalClient> SignedInAsync(string email) =>
        await portal.Factory.CreatePortalClient().SignedInAsAsync(email);

    /// <summary>Confirms "Impor semua" on the preview and waits for the runner; the batch must complete.</summary>
    private async Task StartAndWaitAsync(PortalClient client, long id)
    {
        using var started = await client.SubmitFormAsync($"{Page}/Preview/{id}", "#import-all-form", new Dictionary<string, string>());
        started.Headers.Location!.ToString().ShouldBe($"/Imports/Progress/{id}");
        (await WaitUntilDoneAsync(Db, id)).ShouldBe(3, $"batch {id}: {string.Join(", ", await RowsAsync(Db, "SELECT error FROM import_batches WHERE id = @id", ("id", id)))}");
    }

    private async Task<(int Code, string[] Output, string[] Error)> RunCommandAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ImportCommand.RunAsync(portal.Factory.Services, args, output, error, ImportKind.RegionalFigures);
        static string[] Lines(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        return (code, Lines(output), Lines(error));
    }

    private static string Text(AngleSharp.Dom.IParentNode page, string testId) => PortalClient.Text(page.QuerySelector($"[data-testid={testId}]"));

    private static List<string> Rows(AngleSharp.Dom.IParentNode page, string testId) =>
        page.QuerySelectorAll($"[data-testid={testId}]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => PortalClient.Text(c))))
            .ToList();

    /// <summary>The regional figures of the given periods (YYYY-MM), by regency and period.</summary>
    private async Task<List<string>> Figures(params string[] periods) => await RowsAsync(Db,
        """
        SELECT regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu, active_employers, aware_villages, import_batch_id
        FROM regional_figures WHERE to_char(period, 'YYYY-MM') = ANY(@periods) ORDER BY regency_code, period
        """, ("periods", periods));

    /// <summary>total | status | valid | processed | invalid | employers + | employers ~ | figures + | figures ~ | unchanged</summary>
    private async Task<string> BatchCounts(long id) => (await RowsAsync(Db,
        """
        SELECT total_rows, status, valid_rows, processed_rows, invalid_rows, employers_inserted, employers_updated, figures_inserted, figures_updated, unchanged
        FROM import_batches WHERE id = @id
        """, ("id", id))).Single();

    private async Task<List<string>> Audit(long id) => await RowsAsync(Db,
        $"SELECT action, province_code, user_email, {AuditSql.Text("details")} FROM audit_events WHERE entity_type = 'import-batch' AND entity_id = @id ORDER BY id",
        ("id", id.ToString(CultureInfo.InvariantCulture)));

    private async Task<List<string>> Snapshot(string sql) => await RowsAsync(Db, sql);

    private async Task<long> Count(string sql) => await TestDatabase.ScalarAsync<long>(Db, sql);

    private async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters) => await TestDatabase.ScalarAsync<T>(Db, sql, parameters);
}
