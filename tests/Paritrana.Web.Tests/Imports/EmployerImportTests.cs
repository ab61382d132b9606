using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;
using static Paritrana.Web.Tests.Imports.ImportTestKit;

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// The BPJamsostek employer import, as branch officers and the administrator use it: upload,
/// preview, import (all or the valid rows only) in the background, and what ends up in the
/// database, exactly. Every test makes its own NPPs; refused files change nothing.
/// </summary>
public class EmployerImportTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private const string Admin = "admin@paritrana.demo";
    private const string DenpasarOfficer = "cabang.denpasar@paritrana.demo";
    private const string GianyarOfficer = "cabang.gianyar@paritrana.demo";
    private const string BaliMember = "anggota.bali@paritrana.demo";

    private string Db => portal.Database;

    private static string Row(string npp, string name, string region, string branch, string size, string sector, string workers, string pu, string bpu, string programs, string arrears, string asOf) =>
        string.Join(',', npp, name, region, branch, size, sector, workers, pu, bpu, programs, arrears, asOf);

    /// <summary>Three employers of the Denpasar branch's area, as of the end of 2025.</summary>
    private static string[] DenpasarRows(string tag, string asOf = "2025-12-31") =>
    [
        Row($"{tag}01", "PT Bank Pembangunan Daerah Bali", "51.71", "Kantor Cabang Denpasar", "Besar", "Jasa keuangan", "1.234", "1.200", "0", "JKK|JKM|JHT|JP|JKP", "0", asOf),
        Row($"{tag}02", "PT Hotel Nusa Dua", "51.03", "Denpasar", "Menengah", "Akomodasi", "310", "290", "12", "\"JKK, JKM, JHT\"", "1", asOf),
        Row($"{tag}03", "UD Tenun Jembrana", "51.01", "kantor cabang denpasar", "Mikro", "", "7", "3", "4", "JKK JKM", "2", asOf),
    ];

    [Fact]
    public async Task A_branch_officer_imports_a_valid_file_and_the_employers_and_figures_are_exactly_those_of_the_file()
    {
        var tag = Tag();
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(DenpasarRows(tag)), "denpasar-2025.csv");

        var preview = await client.GetPageAsync($"/Imports/Preview/{id}");
        Text(preview, "total-rows").ShouldBe("3");
        Text(preview, "valid-rows").ShouldBe("3");
        Text(preview, "invalid-rows").ShouldBe("0");
        preview.QuerySelector("#import-all-form").ShouldNotBeNull();
        preview.QuerySelector("#valid-only-form").ShouldBeNull();
        preview.QuerySelector("[data-testid=errors]").ShouldBeNull();
        preview.QuerySelectorAll("[data-testid=sample-row]").Select(r => PortalClient.Text(r)).ShouldBe(
        [
            $"2 {tag}01 PT Bank Pembangunan Daerah Bali Kota Denpasar Kantor Cabang Denpasar Besar 1.234 1.200 0 JKK, JKM, JHT, JP, JKP 0 31 Des 2025",
            $"3 {tag}02 PT Hotel Nusa Dua Kabupaten Badung Kantor Cabang Denpasar Menengah 310 290 12 JKK, JKM, JHT 1 31 Des 2025",
            $"4 {tag}03 UD Tenun Jembrana Kabupaten Jembrana Kantor Cabang Denpasar Mikro 7 3 4 JKK, JKM 2 31 Des 2025",
        ]);
        (await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L, "a preview changes nothing");

        using (var started = await client.SubmitFormAsync($"/Imports/Preview/{id}", "#import-all-form", new Dictionary<string, string>()))
        {
            started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            started.Headers.Location!.ToString().ShouldBe($"/Imports/Progress/{id}");
        }

        (await WaitUntilDoneAsync(Db, id)).ShouldBe(3);

        (await Employers(tag)).ShouldBe(
        [
            $"{tag}01 | 2 | PT Bank Pembangunan Daerah Bali | 51 | 51.71 | Kantor Cabang Denpasar | 1 | Jasa keuangan | 2025-12-31 | 1234 | 1200 | 0 | 31 | 0 | False",
            $"{tag}02 | 2 | PT Hotel Nusa Dua | 51 | 51.03 | Kantor Cabang Denpasar | 2 | Akomodasi | 2025-12-31 | 310 | 290 | 12 | 7 | 1 | False",
            $"{tag}03 | 2 | UD Tenun Jembrana | 51 | 51.01 | Kantor Cabang Denpasar | 4 | ∅ | 2025-12-31 | 7 | 3 | 4 | 3 | 2 | False",
        ]);
        (await Figures(tag)).ShouldBe(
        [
            $"{tag}01 | 2025-12-31 | 1234 | 1200 | 0 | 31 | 0 | {id}",
            $"{tag}02 | 2025-12-31 | 310 | 290 | 12 | 7 | 1 | {id}",
            $"{tag}03 | 2025-12-31 | 7 | 3 | 4 | 3 | 2 | {id}",
        ]);
        (await BatchCounts(id)).ShouldBe("3 | False | 3 | 3 | 0 | 3 | 3 | 0 | 3 | 0 | 0 | ∅");
        (await RowsAsync(Db, "SELECT file_name, user_email, (SELECT name FROM branch_offices b WHERE b.id = branch_office_id) FROM import_batches WHERE id = @id", ("id", id)))
            .ShouldBe([$"denpasar-2025.csv | {DenpasarOfficer} | Kantor Cabang Denpasar"]);
        (await Audit(id)).ShouldBe(
        [
            $"import.previewed | 51 | {DenpasarOfficer} | file: 'denpasar-2025.csv'; rows: 3; valid: 3; invalid: 0",
            $"import.completed | 51 | {DenpasarOfficer} | file: 'denpasar-2025.csv'; valid rows only: no; imported: 3; skipped: 0; employers inserted: 3; employers updated: 0; figures inserted: 3; figures updated: 0; unchanged: 0",
        ]);

        var result = await client.GetPageAsync($"/Imports/Progress/{id}");
        Text(result, "status").ShouldBe("Selesai");
        Text(result, "imported").ShouldBe("3");
        Text(result, "skipped").ShouldBe("0");
        Text(result, "employers-inserted").ShouldBe("3");
        Text(result, "employers-updated").ShouldBe("0");
        Text(result, "figures-inserted").ShouldBe("3");
        Text(result, "figures-updated").ShouldBe("0");
        Text(result, "unchanged").ShouldBe("0");
        result.QuerySelector("[data-testid=progressbar]").ShouldBeNull();

        using var status = JsonDocument.Parse(await (await client.GetAsync($"/Imports/Progress/{id}?handler=Status")).Content.ReadAsStringAsync());
        var json = status.RootElement;
        (json.GetProperty("status").GetString(), json.GetProperty("processed").GetInt32(), json.GetProperty("total").GetInt32(), json.GetProperty("percent").GetInt32(),
            json.GetProperty("done").GetBoolean(), json.GetProperty("resultUrl").GetString())
            .ShouldBe(("Completed", 3, 3, 100, true, $"/Imports/Progress/{id}"));

        var history = await client.GetPageAsync("/Imports");
        var row = history.QuerySelectorAll("[data-testid=batch-row]").Single(r => PortalClient.Text(r.QuerySelector("[data-testid=file]")) == "denpasar-2025.csv");
        PortalClient.Text(row.QuerySelector("[data-testid=status]")).ShouldBe("Selesai");
        PortalClient.Text(row.QuerySelector("[data-testid=result]")).ShouldBe("3 baru, 0 diperbarui, 0 tanpa perubahan");
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        var tag = Tag();
        var file = Csv(DenpasarRows(tag));
        using var client = await SignedInAsync(DenpasarOfficer);
        var first = await ImportAllAsync(client, file);
        var employersBefore = await Snapshot($"SELECT o.*, o.xmin::text FROM organisations o WHERE npp LIKE '{tag}%' ORDER BY npp");
        var figuresBefore = await Snapshot($"SELECT f.*, f.xmin::text FROM coverage_figures f JOIN organisations o ON o.id = f.organisation_id WHERE o.npp LIKE '{tag}%' ORDER BY o.npp, f.as_of");

        var second = await ImportAllAsync(client, file);

        second.ShouldNotBe(first);
        (await BatchCounts(second)).ShouldBe("3 | False | 3 | 3 | 0 | 3 | 0 | 0 | 0 | 0 | 3 | ∅");
        (await Snapshot($"SELECT o.*, o.xmin::text FROM organisations o WHERE npp LIKE '{tag}%' ORDER BY npp")).ShouldBe(employersBefore);
        (await Snapshot($"SELECT f.*, f.xmin::text FROM coverage_figures f JOIN organisations o ON o.id = f.organisation_id WHERE o.npp LIKE '{tag}%' ORDER BY o.npp, f.as_of")).ShouldBe(figuresBefore);

        var result = await client.GetPageAsync($"/Imports/Progress/{second}");
        Text(result, "unchanged").ShouldBe("3");
        Text(result, "employers-inserted").ShouldBe("0");
    }

    [Fact]
    public async Task A_changed_name_updates_the_employer_and_leaves_its_unchanged_figures_alone()
    {
        var tag = Tag();
        using var client = await SignedInAsync(DenpasarOfficer);
        var first = await ImportAllAsync(client, Csv(DenpasarRows(tag)));
        var rows = DenpasarRows(tag);
        rows[1] = rows[1].Replace("PT Hotel Nusa Dua", "PT Hotel Nusa Dua Indah", StringComparison.Ordinal);

        var second = await ImportAllAsync(client, Csv(rows));

        (await BatchCounts(second)).ShouldBe("3 | False | 3 | 3 | 0 | 3 | 0 | 1 | 0 | 0 | 2 | ∅");
        (await Employers(tag))[1].ShouldStartWith($"{tag}02 | 2 | PT Hotel Nusa Dua Indah | 51 | 51.03");
        (await Figures(tag)).Select(f => f.Split(" | ")[^1]).ShouldBe([$"{first}", $"{first}", $"{first}"], "identical figures keep the batch that wrote them");
    }

    [Fact]
    public async Task A_file_with_an_invalid_row_is_not_offered_for_import_in_full_and_posting_it_anyway_changes_nothing()
    {
        var tag = Tag();
        var rows = DenpasarRows(tag);
        rows[2] = Row($"{tag}03", "UD Tenun Jembrana", "51.01", "Denpasar", "Mikro", "", "-5", "3", "4", "JKK", "0", "2025-12-31");
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(rows));

        var preview = await client.GetPageAsync($"/Imports/Preview/{id}");
        Text(preview, "valid-rows").ShouldBe("2");
        Text(preview, "invalid-rows").ShouldBe("1");
        preview.QuerySelector("#import-all-form").ShouldBeNull();
        preview.QuerySelector("#valid-only-form").ShouldNotBeNull();
        ErrorRows(preview).ShouldBe(["4 | jumlah_pekerja | Tidak boleh negatif: -5."]);
        PortalClient.Text(preview.QuerySelector("[data-testid=invalid-note]"))
            .ShouldBe("Berkas ini berisi baris yang tidak valid, jadi tidak dapat diimpor seluruhnya. Perbaiki berkasnya lalu unggah lagi, atau impor baris yang valid saja.");

        // The button is not there; a hand-made post of its handler is refused.
        var token = PortalClient.ReadForm(preview.QuerySelector<IHtmlFormElement>("#cancel-form")!);
        using (var forced = await client.PostFieldsAsync($"/Imports/Preview/{id}?handler=ImportAll", token))
        {
            forced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            forced.Headers.Location!.ToString().ShouldBe($"/Imports/Preview/{id}");
            var back = await PortalClient.ParseAsync(await client.FollowAsync(forced));
            PortalClient.Text(back.QuerySelector(".alert-danger"))
                .ShouldBe("Berkas ini berisi baris yang tidak valid, jadi tidak dapat diimpor seluruhnya. Perbaiki berkasnya lalu unggah lagi, atau pilih Impor baris yang valid saja.");
        }

        // An import runs only as a job queued in the transaction that starts it, so once the refusal
        // has been answered nothing can start later: no job, and the batch still waits in preview.
        (await Count($"SELECT count(*) FROM jobs WHERE kind = '{ImportJob.Kind}' AND (payload ->> 'BatchId')::bigint = {id}")).ShouldBe(0L);
        (await Scalar<int>("SELECT status FROM import_batches WHERE id = @id", ("id", id))).ShouldBe(1);
        (await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L);
    }

    [Fact]
    public async Task Importing_the_valid_rows_only_imports_exactly_those()
    {
        var tag = Tag();
        var rows = DenpasarRows(tag).Append(Row($"{tag}04", "CV Salah Tanggal", "51.08", "Denpasar", "Kecil", "Dagang", "10", "5", "0", "JKK", "0", "2025-02-30")).ToArray();
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(rows));
        var preview = await client.GetPageAsync($"/Imports/Preview/{id}");
        ErrorRows(preview).ShouldBe(["5 | per_tanggal | Tanggal 2025-02-30 tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT."]);
        preview.QuerySelector("#valid-only-form")!.GetAttribute("data-confirm").ShouldBe("1 baris yang tidak valid akan dilewati dan 3 baris yang valid diimpor. Lanjutkan?");

        using (var started = await client.SubmitFormAsync($"/Imports/Preview/{id}", "#valid-only-form", new Dictionary<string, string>()))
        {
            started.Headers.Location!.ToString().ShouldBe($"/Imports/Progress/{id}");
        }

        (await WaitUntilDoneAsync(Db, id)).ShouldBe(3);
        (await Employers(tag)).Select(e => e.Split(" | ")[0]).ShouldBe([$"{tag}01", $"{tag}02", $"{tag}03"]);
        (await BatchCounts(id)).ShouldBe("3 | True | 4 | 3 | 1 | 4 | 3 | 0 | 3 | 0 | 0 | ∅");
        var result = await client.GetPageAsync($"/Imports/Progress/{id}");
        Text(result, "imported").ShouldBe("3");
        Text(result, "skipped").ShouldBe("1");
    }

    [Fact]
    public async Task Cancelling_a_preview_imports_nothing()
    {
        var tag = Tag();
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(DenpasarRows(tag)), "batal.csv");

        using var cancelled = await client.SubmitFormAsync($"/Imports/Preview/{id}", "#cancel-form", new Dictionary<string, string>());
        cancelled.Headers.Location!.ToString().ShouldBe("/Imports");
        var index = await PortalClient.ParseAsync(await client.FollowAsync(cancelled));
        PortalClient.Text(index.QuerySelector(".alert-success")).ShouldBe("Impor batal.csv dibatalkan; tidak ada data yang berubah.");

        (await Scalar<int>("SELECT status FROM import_batches WHERE id = @id", ("id", id))).ShouldBe(5);
        (await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L);
        var progress = await client.GetPageAsync($"/Imports/Progress/{id}");
        Text(progress, "cancelled").ShouldBe("Impor ini dibatalkan; tidak ada data yang berubah.");
    }

    [Fact]
    public async Task A_row_outside_the_Denpasar_officers_branch_is_reported()
    {
        var tag = Tag();
        var rows = new[]
        {
            DenpasarRows(tag)[0],
            Row($"{tag}09", "CV Perak Celuk", "51.04", "Kantor Cabang Gianyar", "Menengah", "Kerajinan perak", "150", "120", "10", "JKK|JKM|JHT", "0", "2025-12-31"),
        };
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(rows));

        var preview = await client.GetPageAsync($"/Imports/Preview/{id}");
        ErrorRows(preview).ShouldBe(["3 | kode_wilayah | Wilayah 51.04 berada di luar wilayah kantor cabang Anda."]);
        Text(preview, "invalid-rows").ShouldBe("1");
    }

    [Fact]
    public async Task An_officer_cannot_take_over_an_employer_of_another_branch_by_its_npp()
    {
        var tag = Tag();
        using var denpasar = await SignedInAsync(DenpasarOfficer);
        await ImportAllAsync(denpasar, Csv(DenpasarRows(tag)));

        // The Gianyar officer names the Denpasar employer's NPP with a Gianyar region.
        using var gianyar = await SignedInAsync(GianyarOfficer);
        var id = await UploadAcceptedAsync(gianyar, Csv(
            Row($"{tag}01", "PT Bank Pindah", "51.04", "Gianyar", "Besar", "Jasa keuangan", "10", "5", "0", "JKK", "0", "2025-12-31"),
            Row($"{tag}05", "CV Banten Sari", "51.04", "Gianyar", "Mikro", "Kerajinan", "6", "2", "4", "JKK|JKM", "0", "2025-12-31")));

        var preview = await gianyar.GetPageAsync($"/Imports/Preview/{id}");
        ErrorRows(preview).ShouldBe([$"2 | npp | NPP {tag}01 sudah terdaftar untuk pemberi kerja di wilayah 51.71, di luar wilayah kantor cabang Anda."]);
        Text(preview, "valid-rows").ShouldBe("1");
        Text(preview, "invalid-rows").ShouldBe("1");
        preview.QuerySelectorAll("[data-testid=sample-row]").Length.ShouldBe(1);

        using (var started = await gianyar.SubmitFormAsync($"/Imports/Preview/{id}", "#valid-only-form", new Dictionary<string, string>()))
        {
            started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await WaitUntilDoneAsync(Db, id)).ShouldBe(3);
        (await Employers(tag)).Select(e => string.Join(" | ", e.Split(" | ")[..5])).ShouldBe(
        [
            $"{tag}01 | 2 | PT Bank Pembangunan Daerah Bali | 51 | 51.71",
            $"{tag}02 | 2 | PT Hotel Nusa Dua | 51 | 51.03",
            $"{tag}03 | 2 | UD Tenun Jembrana | 51 | 51.01",
            $"{tag}05 | 2 | CV Banten Sari | 51 | 51.04",
        ]);
    }

    [Fact]
    public async Task The_Gianyar_officer_gets_404_on_the_Denpasar_officers_batch()
    {
        var tag = Tag();
        using var denpasar = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(denpasar, Csv(DenpasarRows(tag)), $"denpasar-{tag}.csv");

        using var gianyar = await SignedInAsync(GianyarOfficer);
        foreach (var url in new[] { $"/Imports/Preview/{id}", $"/Imports/Progress/{id}", $"/Imports/Progress/{id}?handler=Status" })
        {
            using var response = await gianyar.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var own = await gianyar.GetPageAsync("/Imports");
        var token = PortalClient.ReadForm(own.QuerySelector<IHtmlFormElement>("#upload-form")!);
        foreach (var handler in new[] { "ImportAll", "ValidOnly", "Cancel" })
        {
            using var response = await gianyar.PostFieldsAsync($"/Imports/Preview/{id}?handler={handler}", token);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
        }

        own.QuerySelectorAll("[data-testid=file]").Select(f => PortalClient.Text(f)).ShouldNotContain($"denpasar-{tag}.csv");
        (await Scalar<int>("SELECT status FROM import_batches WHERE id = @id", ("id", id))).ShouldBe(1);

        // The administrator sees every batch.
        using var admin = await SignedInAsync(Admin);
        (await admin.GetPageAsync($"/Imports/Preview/{id}")).QuerySelector("[data-testid=file-name]")!.TextContent.ShouldBe($"denpasar-{tag}.csv");
        PortalClient.Text((await admin.GetPageAsync("/Imports")).QuerySelectorAll("[data-testid=batch-row]")
            .First(r => PortalClient.Text(r.QuerySelector("[data-testid=file]")) == $"denpasar-{tag}.csv").QuerySelector("[data-testid=branch]"))
            .ShouldBe("Kantor Cabang Denpasar");
    }

    [Fact]
    public async Task An_administrator_imports_employers_of_any_province()
    {
        var tag = Tag();
        using var admin = await SignedInAsync(Admin);
        var page = await admin.GetPageAsync("/Imports");
        PortalClient.Text(page.QuerySelector("#file-help")).ShouldBe("Berkas CSV (UTF-8), dipisah koma atau titik koma, paling besar 50 MB.");

        var id = await ImportAllAsync(admin, Csv(
            DenpasarRows(tag)[0],
            Row($"{tag}33", "PT Jamu Sehat Semarang", "33.74", "Semarang Pemuda", "Besar", "Industri jamu", "2.000", "1.900", "0", "JKK|JKM|JHT|JP", "0", "31/12/2025")));

        (await Employers(tag)).ShouldBe(
        [
            $"{tag}01 | 2 | PT Bank Pembangunan Daerah Bali | 51 | 51.71 | Kantor Cabang Denpasar | 1 | Jasa keuangan | 2025-12-31 | 1234 | 1200 | 0 | 31 | 0 | False",
            $"{tag}33 | 2 | PT Jamu Sehat Semarang | 33 | 33.74 | Kantor Cabang Semarang Pemuda | 1 | Industri jamu | 2025-12-31 | 2000 | 1900 | 0 | 15 | 0 | False",
        ]);
        (await RowsAsync(Db, "SELECT coalesce(branch_office_id::text, '∅'), user_email FROM import_batches WHERE id = @id", ("id", id))).ShouldBe([$"∅ | {Admin}"]);
        (await Audit(id))[1].ShouldStartWith($"import.completed | ∅ | {Admin} | ");

        using var denpasar = await SignedInAsync(DenpasarOfficer);
        using var response = await denpasar.GetAsync($"/Imports/Progress/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_committee_member_is_refused_the_import_pages()
    {
        using var member = await SignedInAsync(BaliMember);
        foreach (var url in new[] { "/Imports", "/Imports/Preview/1", "/Imports/Progress/1" })
        {
            using var response = await member.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied", url);
        }
    }

    [Fact]
    public async Task Empty_binary_headerless_and_missing_files_are_refused_with_their_messages_and_nothing_is_kept()
    {
        using var client = await SignedInAsync(DenpasarOfficer);
        var batches = await Count("SELECT count(*) FROM import_batches");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];

        (await RefusedAsync(client, [])).ShouldBe("Berkas kosong.");
        (await RefusedAsync(client, png, "foto.png", "image/png")).ShouldBe("Berkas ini bukan berkas teks CSV (UTF-8).");
        (await RefusedAsync(client, png, "menyamar.csv")).ShouldBe("Berkas ini bukan berkas teks CSV (UTF-8).");
        (await RefusedAsync(client, Encoding.UTF8.GetBytes("npp,nama\n1,PT A\n"))).ShouldBe(
            "Kolom wajib tidak ada di baris judul: kode_wilayah, kantor_cabang, skala, sektor, jumlah_pekerja, peserta_pu, peserta_bpu, program, tunggakan_bulan, per_tanggal.");
        (await RefusedAsync(client, Encoding.UTF8.GetBytes(Header + "\n"))).ShouldBe("Berkas hanya berisi baris judul, tanpa baris data.");

        // The form posted without choosing a file.
        var page = await client.GetPageAsync("/Imports");
        using (var multipart = new MultipartFormDataContent())
        {
            foreach (var (name, value) in PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#upload-form")!))
            {
                multipart.Add(new StringContent(value), name);
            }

            using var response = await client.Http.PostAsync(new Uri("/Imports", UriKind.Relative), multipart);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Text(await PortalClient.ParseAsync(response), "file-error").ShouldBe("Pilih berkas CSV yang akan diimpor.");
        }

        (await Count("SELECT count(*) FROM import_batches")).ShouldBe(batches);
    }

    [Fact]
    public async Task A_file_above_the_configured_limit_is_refused()
    {
        await using var small = portal.Factory.WithWebHostBuilder(b => b.UseSetting("Imports:MaxFileBytes", "2048"));
        using var client = new PortalClient(small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await client.SignedInAsAsync(DenpasarOfficer);
        var tag = Tag();
        var batches = await Count("SELECT count(*) FROM import_batches");
        var rows = Enumerable.Range(10, 30).Select(i => Row($"{tag}{i}", $"PT Besar Sekali {i}", "51.71", "Denpasar", "Kecil", "Dagang", "10", "5", "0", "JKK", "0", "2025-12-31")).ToArray();
        var file = Csv(rows);
        file.Length.ShouldBeGreaterThan(2048);

        PortalClient.Text((await client.GetPageAsync("/Imports")).QuerySelector("#file-help")).ShouldBe("Berkas CSV (UTF-8), dipisah koma atau titik koma, paling besar 2 KB.");
        (await RefusedAsync(client, file)).ShouldBe("Berkas lebih besar dari batas 2 KB.");
        (await Count("SELECT count(*) FROM import_batches")).ShouldBe(batches);
        (await UploadAcceptedAsync(client, Csv(rows[..3]))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_new_as_of_date_adds_a_history_row_and_moves_the_latest_figures()
    {
        var tag = Tag();
        using var client = await SignedInAsync(DenpasarOfficer);
        var june = await ImportAllAsync(client, Csv(DenpasarRows(tag, "2025-06-30")));
        var rows = DenpasarRows(tag, "2025-12-31");
        rows[0] = rows[0].Replace("1.234,1.200", "1.300,1.290", StringComparison.Ordinal);

        var december = await ImportAllAsync(client, Csv(rows));

        (await BatchCounts(december)).ShouldBe("3 | False | 3 | 3 | 0 | 3 | 0 | 0 | 3 | 0 | 0 | ∅");
        (await Figures(tag)).ShouldBe(
        [
            $"{tag}01 | 2025-06-30 | 1234 | 1200 | 0 | 31 | 0 | {june}",
            $"{tag}01 | 2025-12-31 | 1300 | 1290 | 0 | 31 | 0 | {december}",
            $"{tag}02 | 2025-06-30 | 310 | 290 | 12 | 7 | 1 | {june}",
            $"{tag}02 | 2025-12-31 | 310 | 290 | 12 | 7 | 1 | {december}",
            $"{tag}03 | 2025-06-30 | 7 | 3 | 4 | 3 | 2 | {june}",
            $"{tag}03 | 2025-12-31 | 7 | 3 | 4 | 3 | 2 | {december}",
        ]);
        (await Employers(tag))[0].ShouldEndWith("| 2025-12-31 | 1300 | 1290 | 0 | 31 | 0 | False");

        // An older date only adds history: the latest figures stay those of December.
        var older = await ImportAllAsync(client, Csv(DenpasarRows(tag, "2024-12-31").Take(1).ToArray()));
        (await BatchCounts(older)).ShouldBe("3 | False | 1 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | ∅");
        (await Figures(tag)).Count.ShouldBe(7);
        (await Employers(tag))[0].ShouldEndWith("| 2025-12-31 | 1300 | 1290 | 0 | 31 | 0 | False");

        // Changed values of the same date update that date's row and the latest figures.
        rows[0] = rows[0].Replace("1.300,1.290", "1.300,1.295", StringComparison.Ordinal);
        var corrected = await ImportAllAsync(client, Csv(rows));
        (await BatchCounts(corrected)).ShouldBe("3 | False | 3 | 3 | 0 | 3 | 0 | 0 | 0 | 1 | 2 | ∅");
        (await Figures(tag))[2].ShouldBe($"{tag}01 | 2025-12-31 | 1300 | 1295 | 0 | 31 | 0 | {corrected}");
        (await Employers(tag))[0].ShouldEndWith("| 2025-12-31 | 1300 | 1295 | 0 | 31 | 0 | False");
    }

    [Fact]
    public async Task An_import_interrupted_mid_transaction_leaves_nothing_and_the_batch_is_marked_failed()
    {
        var tag = Tag();
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(DenpasarRows(tag)), "terputus.csv");

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ImportService>().StartAsync(id, validRowsOnly: false, default, runAsJob: false)).ShouldBeTrue();
        int? progressSeenOutside = null;
        long? employersSeenOutside = null;
        long? staged = null;
        var result = await scope.ServiceProvider.GetRequiredService<EmployerImporter>().RunAsync(id, async (connection, ct) =>
        {
            await using (var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM import_staging", connection))
            {
                staged = (long)(await count.ExecuteScalarAsync(ct))!;
            }

            // The progress is committed from another connection; the rows are not visible outside the transaction.
            progressSeenOutside = await Scalar<int>("SELECT processed_rows FROM import_batches WHERE id = @id", ("id", id));
            employersSeenOutside = await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'");
            await TestDatabase.ExecuteAsync($"SELECT pg_terminate_backend({connection.ProcessID}, 10000)");
        });

        // The hook runs when the first chunk of two rows is staged (ImportFixture), while the third row
        // is read: the progress committed from the other connection is somewhere between the two.
        staged.ShouldBe(2L);
        progressSeenOutside.ShouldNotBeNull().ShouldBeInRange(1, 3);
        employersSeenOutside.ShouldBe(0L);
        result.Outcome.ShouldBe(EmployerImporter.Outcome.Failed);
        result.Failure.ShouldBe(ImportFailure.DatabaseConnectionLost);
        (await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L);
        (await Count($"SELECT count(*) FROM coverage_figures WHERE import_batch_id = {id}")).ShouldBe(0L);
        (await RowsAsync(Db, "SELECT status, error, employers_inserted FROM import_batches WHERE id = @id", ("id", id))).ShouldBe(
            ["4 | Impor terputus karena koneksi ke basis data hilang. Tidak ada data yang berubah; coba impor lagi. | 0"]);
        (await Audit(id)).ShouldBe(
        [
            $"import.previewed | 51 | {DenpasarOfficer} | file: 'terputus.csv'; rows: 3; valid: 3; invalid: 0",
            $"import.failed | 51 | {DenpasarOfficer} | file: 'terputus.csv'; error: DatabaseConnectionLost",
        ]);

        var page = await client.GetPageAsync($"/Imports/Progress/{id}");
        Text(page, "status").ShouldBe("Gagal");
        Text(page, "error").ShouldBe("Impor terputus karena koneksi ke basis data hilang. Tidak ada data yang berubah; coba impor lagi.");
    }

    [Fact]
    public async Task A_running_import_shows_its_progress_on_the_page_and_in_the_status_handler()
    {
        var tag = Tag();
        using var client = await SignedInAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(DenpasarRows(tag)));
        // Started but not queued, and one row read: the state the runner leaves mid-way.
        await TestDatabase.ExecuteAsync($"UPDATE import_batches SET status = 2, processed_rows = 1 WHERE id = {id}", Db);
        try
        {
            var page = await client.GetPageAsync($"/Imports/Progress/{id}");
            Text(page, "status").ShouldBe("Sedang diimpor");
            var bar = page.QuerySelector("[data-testid=progressbar]")!;
            (bar.GetAttribute("role"), bar.GetAttribute("aria-valuenow"), bar.GetAttribute("aria-valuemin"), bar.GetAttribute("aria-valuemax")).ShouldBe(("progressbar", "33", "0", "100"));
            Text(page, "progress-text").ShouldBe("1 dari 3 baris dibaca (33 %).");
            page.QuerySelector("[data-import-progress]")!.GetAttribute("data-status-url").ShouldBe($"/Imports/Progress/{id}?handler=Status");
            page.QuerySelector("noscript")!.InnerHtml.ShouldContain("http-equiv=\"refresh\"");
            page.QuerySelector("[data-testid=reload]")!.GetAttribute("href").ShouldBe($"/Imports/Progress/{id}");
            page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!.Split('?')[0]).ShouldContain("/js/import-progress.js");

            using var response = await client.GetAsync($"/Imports/Progress/{id}?handler=Status");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            status.RootElement.GetRawText().ShouldBe(
                $$"""{"status":"Running","processed":1,"total":3,"percent":33,"done":false,"resultUrl":"/Imports/Progress/{{id}}","text":"1 dari 3 baris dibaca (33 %)."}""");

            // The preview of a started batch leads to its progress.
            using var preview = await client.GetAsync($"/Imports/Preview/{id}");
            preview.Headers.Location!.ToString().ShouldBe($"/Imports/Progress/{id}");
        }
        finally
        {
            await TestDatabase.ExecuteAsync($"UPDATE import_batches SET status = 5 WHERE id = {id}", Db);
        }
    }

    [Fact]
    public async Task The_command_line_refuses_a_file_with_invalid_rows_unless_told_to_import_the_valid_ones()
    {
        var tag = Tag();
        var path = Path.Combine(portal.Directory, $"nasional-{tag}.csv");
        Directory.CreateDirectory(portal.Directory);
        await File.WriteAllBytesAsync(path, Csv(
            DenpasarRows(tag)[0],
            Row($"{tag}33", "PT Jamu Sehat Semarang", "33.74", "Semarang Pemuda", "Besar", "Industri jamu", "2.000", "1.900", "0", "JKK|JKM|JHT|JP", "0", "2025-12-31"),
            Row($"{tag}99", "PT Tanpa Wilayah", "99.99", "Denpasar", "Kecil", "Dagang", "10", "5", "0", "JKK", "0", "2025-12-31")));

        var (refused, refusedOut, refusedError) = await RunCommandAsync(path);
        refused.ShouldBe(1);
        refusedOut[0].ShouldMatch(@"^Impor #\d+: 3 baris, 2 valid, 1 tidak valid \(diperiksa dalam \d+,\d\d s\)\.$");
        refusedOut[1].ShouldBe("  baris 4, kolom kode_wilayah: Kode wilayah 99.99 tidak dikenal.");
        refusedError.ShouldBe(["Berkas berisi baris yang tidak valid; tidak ada yang diimpor. Perbaiki berkasnya, atau jalankan lagi dengan --valid-only untuk mengimpor baris yang valid saja."]);
        (await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L);
        (await Scalar<int>("SELECT status FROM import_batches ORDER BY id DESC LIMIT 1")).ShouldBe(5);

        var (imported, importedOut, importedError) = await RunCommandAsync(path, "--valid-only");
        imported.ShouldBe(0, string.Join('\n', importedError));
        importedOut[^2].ShouldBe("Selesai: 2 baris diimpor, 1 dilewati; pemberi kerja baru 2, diperbarui 0; angka kepesertaan baru 2, diperbarui 0; tanpa perubahan 0.");
        importedOut[^1].ShouldMatch(@"^Waktu: pemeriksaan \d+,\d\d s, impor \d+,\d\d s, total \d+,\d\d s\.$");
        (await Employers(tag)).Select(e => e.Split(" | ")[0]).ShouldBe([$"{tag}01", $"{tag}33"]);
        (await RowsAsync(Db, "SELECT user_email IS NULL, branch_office_id IS NULL, valid_rows_only FROM import_batches ORDER BY id DESC LIMIT 1")).ShouldBe(["True | True | True"]);

        var (missing, _, missingError) = await RunCommandAsync(Path.Combine(portal.Directory, "tidak-ada.csv"));
        missing.ShouldBe(1);
        missingError.Single().ShouldEndWith("tidak-ada.csv tidak ditemukan.");
    }

    // ---- helpers ----

    private async Task<PortalClient> SignedInAsync(string email) =>
        await portal.Factory.CreatePortalClient().SignedInAsAsync(email);

    /// <summary>Uploads, confirms "Impor semua" and waits for the runner; the batch must complete.</summary>
    private async Task<long> ImportAllAsync(PortalClient client, byte[] file)
    {
        var id = await UploadAcceptedAsync(client, file);
        using var started = await client.SubmitFormAsync($"/Imports/Preview/{id}", "#import-all-form", new Dictionary<string, string>());
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WaitUntilDoneAsync(Db, id)).ShouldBe(3, $"batch {id}: {string.Join(", ", await RowsAsync(Db, "SELECT error FROM import_batches WHERE id = @id", ("id", id)))}");
        return id;
    }

    private static async Task<string> RefusedAsync(PortalClient client, byte[] content, string fileName = "data.csv", string contentType = "text/csv")
    {
        using var response = await UploadAsync(client, content, fileName, contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Text(await PortalClient.ParseAsync(response), "file-error");
    }

    private async Task<(int Code, string[] Output, string[] Error)> RunCommandAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ImportCommand.RunAsync(portal.Factory.Services, args, output, error);
        static string[] Lines(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        return (code, Lines(output), Lines(error));
    }

    private static string Text(AngleSharp.Dom.IParentNode page, string testId) => PortalClient.Text(page.QuerySelector($"[data-testid={testId}]"));

    private static List<string> ErrorRows(AngleSharp.Dom.IParentNode page) =>
        page.QuerySelectorAll("[data-testid=error-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => PortalClient.Text(c))))
            .ToList();

    /// <summary>Employers of a test: npp, type, name, province, regency, branch, size, sector, latest figures, demo flag.</summary>
    private async Task<List<string>> Employers(string tag) => await RowsAsync(Db,
        """
        SELECT o.npp, o.type, o.name, o.province_code, o.regency_code, b.name, o.size_class, o.sector,
               o.latest_as_of, o.latest_workers, o.latest_participants_pu, o.latest_participants_bpu, o.latest_programs, o.latest_arrears_months, o.is_demo
        FROM organisations o JOIN branch_offices b ON b.id = o.branch_office_id
        WHERE o.npp LIKE @tag ORDER BY o.npp
        """, ("tag", tag + "%"));

    private async Task<List<string>> Figures(string tag) => await RowsAsync(Db,
        """
        SELECT o.npp, f.as_of, f.workers, f.participants_pu, f.participants_bpu, f.programs, f.arrears_months, f.import_batch_id
        FROM coverage_figures f JOIN organisations o ON o.id = f.organisation_id
        WHERE o.npp LIKE @tag ORDER BY o.npp, f.as_of
        """, ("tag", tag + "%"));

    /// <summary>status | valid rows only | total | valid | invalid | processed | employers +/~ | figures +/~ | unchanged | error</summary>
    private async Task<string> BatchCounts(long id) => (await RowsAsync(Db,
        """
        SELECT status, valid_rows_only, total_rows, valid_rows, invalid_rows, processed_rows,
               employers_inserted, employers_updated, figures_inserted, figures_updated, unchanged, error
        FROM import_batches WHERE id = @id
        """, ("id", id))).Single();

    private async Task<List<string>> Audit(long id) => await RowsAsync(Db,
        $"SELECT action, province_code, user_email, {AuditSql.Text("details")} FROM audit_events WHERE entity_type = 'import-batch' AND entity_id = @id ORDER BY id",
        ("id", id.ToString(CultureInfo.InvariantCulture)));

    private async Task<List<string>> Snapshot(string sql) => await RowsAsync(Db, sql);

    private async Task<long> Count(string sql) => await TestDatabase.ScalarAsync<long>(Db, sql);

    private async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters) => await TestDatabase.ScalarAsync<T>(Db, sql, parameters);
}
