using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// Evidence that would act or explode when a committee member opens it is refused on the upload
/// page with the reason, and nothing of it is kept: PDFs with JavaScript (however its name is
/// written), a launch action or an embedded file, and a workbook that inflates to 200 MB. The limit
/// of the file size is the setting Evidence:MaxFileBytes.
/// </summary>
public class EvidenceContentTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private const string JavaScript = "PDF ini berisi JavaScript (skrip yang berjalan saat berkas dibuka) sehingga tidak diterima. Cetak ulang sebagai PDF (Print to PDF), lalu unggah hasilnya.";

    private readonly FieldWorkTestData _data = new(fixture);

    /// <summary>A one-page PDF whose catalog has <paramref name="catalog"/> and whose body has <paramref name="objects"/>.</summary>
    private static byte[] Pdf(string catalog, string objects = "") => Encoding.ASCII.GetBytes(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + catalog + " >>\nendobj\n" +
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
        objects + "trailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A workbook whose sheet is 200 MB of spaces: some 200 KB on disk.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "[Content_Types].xml", "xl/workbook.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<x/>");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 200; i++)
            {
                sheet.Write(block);
            }
        }

        return buffer.ToArray();
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "javascript", "laporan.pdf", JavaScript },
        { "escaped javascript", "laporan.pdf", JavaScript },
        { "launch", "laporan.pdf", "PDF ini berisi perintah untuk menjalankan program lain (Launch) sehingga tidak diterima. Cetak ulang sebagai PDF (Print to PDF), lalu unggah hasilnya." },
        { "embedded file", "laporan.pdf", "PDF ini berisi berkas lain yang disisipkan di dalamnya sehingga tidak diterima. Unggah setiap berkas itu secara terpisah." },
        { "uncheckable", "laporan.pdf", "Isi PDF ini tidak dapat diperiksa (bagian terkompresinya terenkripsi, rusak, atau memakai format yang tidak didukung). Cetak ulang sebagai PDF (Print to PDF), lalu unggah hasilnya." },
        { "zip bomb", "rekap.xlsx", "Isi dokumen Office ini, setelah dibuka, lebih dari 100 kali ukuran berkasnya atau lebih dari 100 MB (ciri \"bom zip\") sehingga tidak diterima." },
    };

    private static byte[] ContentOf(string kind) => kind switch
    {
        "javascript" => Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        "escaped javascript" => Pdf("/OpenAction 4 0 R", "4 0 obj\n<< /S /J#61vaScript /J#53 (app.alert(1)) >>\nendobj\n"),
        "launch" => Pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"),
        "embedded file" => Pdf("/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>", "4 0 obj\n<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>\nendobj\n5 0 obj\n<< /Length 2 >>\nstream\nMZ\nendstream\nendobj\n"),
        "uncheckable" => Pdf("", "4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /ASCII85Decode /Length 9 >>\nstream\n<~ abc ~>\nendstream\nendobj\n"),
        _ => ZipBomb(),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Active_or_exploding_content_is_refused_with_its_reason_and_nothing_is_kept(string kind, string fileName, string message)
    {
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        using var client = await _data.SignedInAsync(BaliMember);
        var content = ContentOf(kind);
        var before = StoredFiles();

        using var response = await UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}", content, fileName, "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(response), "Input.File").ShouldBe(message);
        (await _data.CountAsync("SELECT count(*) FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync($"SELECT count(*) FROM audit_events WHERE action = @a AND {AuditSql.Text("details")} LIKE @d", ("a", AuditActions.FileUploaded), ("d", $"nomination: {nomination.Id};%"))).ShouldBe(0L);
        StoredFiles().ShouldBe(before, ignoreOrder: true);
    }

    [Fact]
    public async Task The_same_pdf_without_its_action_is_kept()
    {
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        using var client = await _data.SignedInAsync(BaliMember);

        using var response = await UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}", Pdf("/OpenAction [3 0 R /Fit]"), "laporan.pdf", "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.CountAsync("SELECT count(*) FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(1L);
    }

    [Fact]
    public async Task The_size_limit_is_the_setting_Evidence_MaxFileBytes()
    {
        await using var small = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Evidence:MaxFileBytes", "2048"));
        using var client = new PortalClient(small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await client.SignedInAsAsync(BaliMember);
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        var url = $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}";

        PortalClient.Text((await client.GetPageAsync(url)).QuerySelector("#fileHelp"))
            .ShouldBe("Paling besar 2 KB per berkas. Jenis berkas diperiksa dari isinya; dokumen Office dengan makro tidak diterima.");
        using (var over = await UploadAsync(client, url, Pdf("", "% " + new string('x', 2048) + "\n"), "besar.pdf", "application/pdf"))
        {
            over.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(over), "Input.File").ShouldBe("Berkas lebih besar dari batas 2 KB.");
        }

        using var under = await UploadAsync(client, url, Pdf(""), "kecil.pdf", "application/pdf");
        under.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.ScalarAsync<string>("SELECT file_name FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe("kecil.pdf");
    }

    private string[] StoredFiles() => fixture.StoredFileIds();
}
