using System.IO.Compression;
using System.Text;
using Paritrana.Domain.FieldWork;

namespace Paritrana.Domain.Tests.FieldWork;

public class FileSignatureTests
{
    internal static byte[] OfficeFile(params string[] parts)
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

    /// <summary>The kind of an accepted file; null for a refused one (which then has a refusal).</summary>
    private static FileKind? Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var inspection = FileSignature.Inspect(stream);
        stream.Position.ShouldBe(0);
        return inspection.IsAccepted ? inspection.Kind : null;
    }

    [Fact]
    public void Each_accepted_type_is_recognised_by_its_bytes()
    {
        Detect(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj")).ShouldBe(FileKind.Pdf);
        Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).ShouldBe(FileKind.Png);
        Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]).ShouldBe(FileKind.Jpeg);
        Detect(OfficeFile("[Content_Types].xml", "word/document.xml")).ShouldBe(FileKind.Docx);
        Detect(OfficeFile("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")).ShouldBe(FileKind.Xlsx);
    }

    [Fact]
    public void Other_content_is_refused_whatever_its_name()
    {
        Detect(Encoding.UTF8.GetBytes("<html><script>alert(1)</script>")).ShouldBeNull();
        Detect(Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0")).ShouldBeNull();       // a Windows executable
        Detect([]).ShouldBeNull();                                                    // empty
        Detect(Encoding.ASCII.GetBytes("%PD")).ShouldBeNull();                        // truncated signature
        Detect(OfficeFile("readme.txt")).ShouldBeNull();                              // a plain ZIP
        Detect(OfficeFile("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")).ShouldBeNull(); // macros
        Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]).ShouldBeNull();               // a broken ZIP
    }

    [Theory]
    [InlineData("Laporan kunjungan.pdf", FileKind.Pdf, "Laporan kunjungan.pdf")]
    [InlineData("foto lokasi.JPG", FileKind.Jpeg, "foto lokasi.jpg")]
    [InlineData("perda.exe", FileKind.Pdf, "perda.pdf")]            // the content decides the extension
    [InlineData("daftar <hadir>.xlsx", FileKind.Xlsx, "daftar hadir.xlsx")]
    [InlineData("bukti\u0000.png", FileKind.Png, "bukti.png")]
    public void Names_are_kept_safe_with_the_extension_of_their_content(string name, FileKind kind, string expected) =>
        SafeFileName.From(name, kind).ShouldBe(expected);

    [Theory]
    [InlineData("../../x")]
    [InlineData("..\\..\\windows\\system.ini")]
    [InlineData("/etc/passwd")]
    [InlineData("dir/file.pdf")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<<>>.pdf")]
    [InlineData(null)]
    public void Path_like_or_empty_names_are_refused(string? name) => SafeFileName.From(name, FileKind.Pdf).ShouldBeNull();

    [Fact]
    public void Very_long_names_are_shortened_to_100_characters_plus_the_extension() =>
        SafeFileName.From(new string('a', 300) + ".pdf", FileKind.Pdf).ShouldBe(new string('a', 100) + ".pdf");
}
