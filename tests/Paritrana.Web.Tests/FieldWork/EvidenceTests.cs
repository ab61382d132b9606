using AngleSharp.Dom;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using Paritrana.Web.Features.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// Evidence files: told apart by their content, never by their name; refused with a clear message
/// (and nothing kept) when empty, of another kind, too large or badly named; kept outside wwwroot
/// under a generated name; downloaded only by those who see the nomination, as an attachment under
/// the safe name; removed with a reason that stays in the audit trail.
/// </summary>
public class EvidenceTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private const string WrongContent = "Isi berkas bukan PDF, JPEG, PNG, DOCX atau XLSX (dokumen Office dengan makro tidak diterima). Jenis berkas diperiksa dari isinya, bukan dari namanya.";

    private readonly FieldWorkTestData _data = new(fixture);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    private static byte[] Office(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    private async Task<(TestNomination Nomination, int Visit, string UploadUrl)> VisitWithUploadAsync(string regency = "51.71")
    {
        var nomination = await _data.NominationAsync(regency);
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        return (nomination, visit, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}");
    }

    private string[] StoredFiles() => fixture.StoredFileIds();

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "empty", "kosong.pdf", "Berkas kosong. Pilih berkas yang berisi dokumen atau gambar." },
        { "html", "laporan.pdf", WrongContent },
        { "exe", "setup.pdf", WrongContent },
        { "macro", "dokumen.docx", WrongContent },
        { "zip", "arsip.xlsx", WrongContent },
        { "oversize", "besar.pdf", "Berkas lebih besar dari batas 25 MB." },
        { "path", "../../x", "Nama berkas \"../../x\" tidak dapat dipakai. Ganti namanya (tanpa garis miring atau \"..\"), lalu unggah lagi." },
        { "backslash", "..\\..\\windows\\win.ini", "Nama berkas \"..\\..\\windows\\win.ini\" tidak dapat dipakai. Ganti namanya (tanpa garis miring atau \"..\"), lalu unggah lagi." },
    };

    private static byte[] ContentOf(string kind) => kind switch
    {
        "empty" => [],
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
        "exe" => [.. Encoding.ASCII.GetBytes("MZ"), 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF],
        "macro" => Office("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
        "zip" => Office("readme.txt"),
        "oversize" => [.. Pdf, .. new byte[EvidenceOptions.DefaultMaxFileBytes + 1 - Pdf.Length]],
        _ => Pdf,
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_upload_is_refused_with_its_message_and_nothing_is_kept(string kind, string fileName, string message)
    {
        var (nomination, _, url) = await VisitWithUploadAsync();
        using var client = await _data.SignedInAsync(BaliMember);
        var before = StoredFiles();
        var content = ContentOf(kind);
        if (kind == "oversize")
        {
            content.Length.ShouldBe(25 * 1024 * 1024 + 1);
        }

        using var response = await UploadAsync(client, url, content, fileName, "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(response), "Input.File").ShouldBe(message);
        (await _data.CountAsync("SELECT count(*) FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync($"SELECT count(*) FROM audit_events WHERE action = @a AND {AuditSql.Text("details")} LIKE @d", ("a", AuditActions.FileUploaded), ("d", $"nomination: {nomination.Id};%"))).ShouldBe(0L);
        // The tests of a class run one after another: nothing was added to the directory, not even a temporary copy.
        StoredFiles().ShouldBe(before, ignoreOrder: true);
    }

    public static TheoryData<string, string, string, string, string> Accepted => new()
    {
        { "pdf", "Laporan kunjungan.pdf", "Laporan kunjungan.pdf", "application/pdf", "PDF" },
        { "png", "foto lokasi.JPG", "foto lokasi.png", "image/png", "Gambar PNG" },
        { "docx", "notulen rapat.docx", "notulen rapat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Dokumen Word (DOCX)" },
        { "xlsx", "daftar <hadir>.xlsx", "daftar hadir.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Lembar kerja Excel (XLSX)" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_good_file_is_kept_under_a_generated_name_and_downloaded_byte_identical(string kind, string uploadedName, string safeName, string contentType, string kindName)
    {
        var (nomination, visit, url) = await VisitWithUploadAsync();
        var content = kind switch
        {
            "pdf" => Pdf,
            "png" => Png,
            "docx" => Office("[Content_Types].xml", "_rels/.rels", "word/document.xml"),
            _ => Office("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        };
        var member = await _data.UserIdAsync(BaliMember);
        using var client = await _data.SignedInAsync(BaliMember);

        using var response = await UploadAsync(client, url, content, uploadedName, "text/html");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{visit}");
        var id = await _data.ScalarAsync<Guid>("SELECT id FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id));
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        (await _data.ScalarAsync<string>(
            "SELECT concat_ws('|', province_code, regency_code, visit_id, file_name, kind, size, sha256, storage_name, uploaded_by, is_removed) FROM evidence_files WHERE id = @id", ("id", id)))
            .ShouldBe($"51|51.71|{visit}|{safeName}|{(int)KindOf(kind)}|{content.Length}|{sha}|{id:N}|{member}|f");
        (await _data.ScalarAsync<string>($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.FileUploaded), ("id", id.ToString())))
            .ShouldBe($"nomination: {nomination.Id}; visit: {visit}; kind: {KindOf(kind)}; size: {content.Length}; sha256: {sha}; name: {safeName}");
        (await StoredFileRows.BytesAsync(fixture.Database, id)).ShouldBe(content);

        var details = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(details.QuerySelector(".alert-success")).ShouldBe($"Berkas {safeName} telah diunggah.");
        var link = details.QuerySelector("[data-testid=file-download]")!;
        PortalClient.Text(link).ShouldBe(safeName);
        link.GetAttribute("href").ShouldBe($"/FieldWork/Files/Download/{id}");
        PortalClient.Text(details.QuerySelector("[data-testid=file] .small")).ShouldBe($"({kindName}, 1 KB)");

        using var download = await client.GetAsync($"/FieldWork/Files/Download/{id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(safeName);
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    private static FileKind KindOf(string kind) => kind switch
    {
        "pdf" => FileKind.Pdf,
        "png" => FileKind.Png,
        "docx" => FileKind.Docx,
        _ => FileKind.Xlsx,
    };

    [Fact]
    public async Task Files_are_attached_to_coaching_items_and_regulations_too()
    {
        var nomination = await _data.NominationAsync();
        var item = await _data.ItemAsync(nomination, BaliToday.AddDays(3));
        var regulation = await _data.RegulationAsync(nomination.Id);
        using var client = await _data.SignedInAsync(BaliChair);

        using (var toItem = await UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&item={item}", Pdf, "bukti pendaftaran.pdf"))
        {
            toItem.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Coaching/Item/{item}");
            var page = await PortalClient.ParseAsync(await client.FollowAsync(toItem));
            page.QuerySelectorAll("[data-testid=file-download]").Select(PortalClient.Text).ShouldBe(["bukti pendaftaran.pdf"]);
        }

        using (var toRegulation = await UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&regulation={regulation}", Pdf, "Pergub 3 2024.pdf"))
        {
            toRegulation.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Nomination/{nomination.Id}");
            var hub = await PortalClient.ParseAsync(await client.FollowAsync(toRegulation));
            var section = hub.QuerySelector($"[data-regulation-id='{regulation}']")!;
            PortalClient.Text(section.QuerySelector("h3")).ShouldBe("Peraturan Gubernur (Pergub) 3/2024 — Perlindungan Jaminan Sosial Ketenagakerjaan");
            section.QuerySelectorAll("[data-testid=file-download]").Select(PortalClient.Text).ShouldBe(["Pergub 3 2024.pdf"]);
        }

        (await _data.ScalarAsync<string>(
            "SELECT string_agg(concat_ws(':', coalesce(coaching_item_id::text, '-'), coalesce(regulation_id::text, '-'), coalesce(visit_id::text, '-')), ',' ORDER BY uploaded_at) FROM evidence_files WHERE nomination_id = @n",
            ("n", nomination.Id)))
            .ShouldBe($"{item}:-:-,-:{regulation}:-");

        // A target of another nomination is not there.
        var other = await _data.NominationAsync();
        using var wrong = await client.GetAsync($"/FieldWork/Files/Upload?nomination={other.Id}&item={item}");
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Jawa_Tengah_user_gets_404_on_a_Bali_file_and_branch_officers_download_only_their_branch()
    {
        var (nomination, visit, url) = await VisitWithUploadAsync("51.71");
        using var member = await _data.SignedInAsync(BaliMember);
        using (var uploaded = await UploadAsync(member, url, Pdf, "rahasia.pdf"))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await _data.ScalarAsync<Guid>("SELECT id FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id));
        var download = $"/FieldWork/Files/Download/{id}";

        foreach (var email in new[] { JatengChair, JatengMember, Gianyar })
        {
            using var outsider = await _data.SignedInAsync(email);
            foreach (var path in new[] { download, $"/FieldWork/Files/Remove/{id}", url })
            {
                using var response = await outsider.GetAsync(path);
                // The Gianyar officer is not committee: pages of changes send it to "access denied" before any lookup.
                var expected = email == Gianyar && path != download ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
                response.StatusCode.ShouldBe(expected, $"{email} {path}");
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("%PDF");
            }
        }

        using var denpasar = await _data.SignedInAsync(Denpasar);
        using (var ok = await denpasar.GetAsync(download))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ok.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        }

        using var admin = await _data.SignedInAsync(FieldWorkTestData.Admin);
        using (var ok = await admin.GetAsync(download))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        visit.ShouldBePositive();
    }

    [Fact]
    public async Task Removing_a_file_deletes_its_bytes_and_keeps_the_row_and_an_audit_record()
    {
        var (nomination, visit, url) = await VisitWithUploadAsync();
        var chair = await _data.UserIdAsync(BaliChair);
        using var client = await _data.SignedInAsync(BaliChair);
        using (var uploaded = await UploadAsync(client, url, Pdf, "salah unggah.pdf"))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await _data.ScalarAsync<Guid>("SELECT id FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id));
        StoredFiles().ShouldContain(id.ToString("N"));

        using (var noReason = await client.SubmitFormAsync($"/FieldWork/Files/Remove/{id}", "#remove-file-form", new Dictionary<string, string> { ["Input.Reason"] = "" }))
        {
            FieldError(await PortalClient.ParseAsync(noReason), "Input.Reason").ShouldBe("Alasan penghapusan wajib diisi.");
            StoredFiles().ShouldContain(id.ToString("N"));
        }

        using var removed = await client.SubmitFormAsync($"/FieldWork/Files/Remove/{id}", "#remove-file-form", new Dictionary<string, string> { ["Input.Reason"] = "Berkas milik perusahaan lain" });

        removed.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{visit}");
        StoredFiles().ShouldNotContain(id.ToString("N"));
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', is_removed, removed_by, removal_reason, removed_at IS NOT NULL, file_name) FROM evidence_files WHERE id = @id", ("id", id)))
            .ShouldBe($"t|{chair}|Berkas milik perusahaan lain|t|salah unggah.pdf");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        (await _data.ScalarAsync<string>($"SELECT concat_ws('|', user_id, province_code, {AuditSql.Text("details")}) FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.FileRemoved), ("id", id.ToString())))
            .ShouldBe($"{chair}|51|name: salah unggah.pdf; sha256: {sha}; reason: Berkas milik perusahaan lain");

        var details = await PortalClient.ParseAsync(await client.FollowAsync(removed));
        PortalClient.Text(details.QuerySelector(".alert-success")).ShouldBe("Berkas salah unggah.pdf telah dihapus.");
        details.QuerySelector("[data-testid=file-download]").ShouldBeNull();
        PortalClient.Text(details.QuerySelector("[data-testid=file-removed]")).ShouldEndWith($"oleh {BaliChairName}: Berkas milik perusahaan lain");
        using var gone = await client.GetAsync($"/FieldWork/Files/Download/{id}");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var again = await client.GetAsync($"/FieldWork/Files/Remove/{id}");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Branch_officers_cannot_upload()
    {
        var (_, _, url) = await VisitWithUploadAsync();
        using var denpasar = await _data.SignedInAsync(Denpasar);
        using var response = await denpasar.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(denpasar.Http.BaseAddress!, response.Headers.Location!).AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
