using System.Buffers.Binary;
using System.IO.Compression;
using Paritrana.Domain.FieldWork;

namespace Paritrana.Domain.Tests.FieldWork;

/// <summary>
/// Word and Excel documents are ZIPs; the ones that inflate far beyond their size ("zip bombs"),
/// whatever their headers declare, or that hold too many parts, are refused. The files are made with
/// System.IO.Compression, as a tool that writes a bomb would make them.
/// </summary>
public class OfficeInspectorTests
{
    private const int MB = 1024 * 1024;

    /// <summary>A workbook whose first sheet is <paramref name="sheetBytes"/> bytes of one repeated character, and extra parts.</summary>
    private static byte[] Workbook(long sheetBytes, params (string Name, byte[] Content, CompressionLevel Level)[] extra)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", "<Types/>"u8.ToArray());
            Part(zip, "xl/workbook.xml", "<workbook/>"u8.ToArray());
            using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
            {
                var block = new byte[MB];
                Array.Fill(block, (byte)' ');
                for (var left = sheetBytes; left > 0; left -= block.Length)
                {
                    sheet.Write(block, 0, (int)Math.Min(left, block.Length));
                }
            }

            foreach (var (name, content, level) in extra)
            {
                Part(zip, name, content, level);
            }
        }

        return buffer.ToArray();
    }

    private static void Part(ZipArchive zip, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(content);
    }

    private static FileInspection Inspect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var result = FileSignature.Inspect(stream);
        stream.Position.ShouldBe(0);
        return result;
    }

    private static long DeclaredSize(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Sum(e => e.Length);
    }

    [Fact]
    public void A_small_workbook_that_inflates_to_200_MB_is_refused()
    {
        var bomb = Workbook(200L * MB);

        bomb.Length.ShouldBeLessThan(250 * 1024); // about 200 KB, as in the issue
        DeclaredSize(bomb).ShouldBe(200L * MB + "<Types/>".Length + "<workbook/>".Length);
        Inspect(bomb).ShouldBe(FileInspection.Refused(ContentRefusal.OfficeInflation));
    }

    [Fact]
    public void Headers_that_understate_the_size_do_not_fool_the_check()
    {
        var bomb = Workbook(5L * MB);
        (bomb.Length * 100L).ShouldBeLessThan(5L * MB); // inflates more than 100 times its size

        // Every local and central header of the sheet now claims 1,000 bytes.
        Rewrite(bomb, 0x04034b50, sizeAt: 22);
        Rewrite(bomb, 0x02014b50, sizeAt: 24);
        DeclaredSize(bomb).ShouldBe(1000L * 3);

        Inspect(bomb).ShouldBe(FileInspection.Refused(ContentRefusal.OfficeInflation));
    }

    /// <summary>Sets the uncompressed size of every header with <paramref name="signature"/> to 1,000.</summary>
    private static void Rewrite(byte[] zip, uint signature, int sizeAt)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == signature)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + sizeAt), 1000);
            }
        }
    }

    [Fact]
    public void Past_100_MB_in_all_is_refused_even_when_the_ratio_is_modest()
    {
        // 2 MB of incompressible bytes keep the ratio near 50; the total decides.
        var noise = new byte[2 * MB];
        new Random(11).NextBytes(noise);
        var over = Workbook(99L * MB, ("xl/media/image1.bin", noise, CompressionLevel.NoCompression));
        var under = Workbook(97L * MB, ("xl/media/image1.bin", noise, CompressionLevel.NoCompression));

        (DeclaredSize(over) / over.Length).ShouldBeLessThan(100);
        DeclaredSize(over).ShouldBeGreaterThan(100L * MB);
        DeclaredSize(under).ShouldBeLessThan(100L * MB);
        Inspect(over).ShouldBe(FileInspection.Refused(ContentRefusal.OfficeInflation));
        Inspect(under).ShouldBe(FileInspection.Accepted(FileKind.Xlsx));
    }

    [Fact]
    public void Inflating_up_to_100_times_is_accepted_and_just_more_is_refused()
    {
        // 64 KB of incompressible bytes (stored) and a sheet of spaces: the spaces set the ratio.
        var noise = new byte[64 * 1024];
        new Random(7).NextBytes(noise);
        byte[] File(long spaces) => Workbook(spaces, ("xl/media/image1.bin", noise, CompressionLevel.NoCompression));
        static double Ratio(byte[] file) => (double)DeclaredSize(file) / file.Length;

        // The fewest spaces, to a kilobyte, that take the ratio past 100.
        long low = MB, high = 20L * MB;
        Ratio(File(low)).ShouldBeLessThan(100);
        Ratio(File(high)).ShouldBeGreaterThan(100);
        while (high - low > 1024)
        {
            var middle = (low + high) / 2;
            (Ratio(File(middle)) > 100 ? ref high : ref low) = middle;
        }

        var under = File(low);
        var over = File(high);
        Ratio(under).ShouldBeInRange(99.9, 100);
        Ratio(over).ShouldBeInRange(100.000001, 100.1);
        Inspect(under).ShouldBe(FileInspection.Accepted(FileKind.Xlsx));
        Inspect(over).ShouldBe(FileInspection.Refused(ContentRefusal.OfficeInflation));
    }

    [Fact]
    public void More_than_10000_parts_are_refused()
    {
        static byte[] Parts(int count)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Part(zip, "[Content_Types].xml", "<Types/>"u8.ToArray());
                Part(zip, "word/document.xml", "<document/>"u8.ToArray());
                for (var i = 2; i < count; i++)
                {
                    Part(zip, $"word/media/p{i}.xml", "<p/>"u8.ToArray());
                }
            }

            return buffer.ToArray();
        }

        Inspect(Parts(10_000)).ShouldBe(FileInspection.Accepted(FileKind.Docx));
        Inspect(Parts(10_001)).ShouldBe(FileInspection.Refused(ContentRefusal.OfficeTooManyParts));
    }

    [Fact]
    public void A_document_with_an_embedded_workbook_is_an_ordinary_document()
    {
        var chart = Workbook(1000);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", "<Types/>"u8.ToArray());
            Part(zip, "word/document.xml", "<document/>"u8.ToArray());
            Part(zip, "word/embeddings/Microsoft_Excel_Worksheet.xlsx", chart, CompressionLevel.NoCompression);
        }

        Inspect(buffer.ToArray()).ShouldBe(FileInspection.Accepted(FileKind.Docx));
    }

    [Fact]
    public void Damaged_or_encrypted_zips_are_no_office_documents()
    {
        var good = FileSignatureTests.OfficeFile("[Content_Types].xml", "word/document.xml");
        Inspect(good).ShouldBe(FileInspection.Accepted(FileKind.Docx));

        var cut = good[..^10];
        Inspect(cut).ShouldBe(FileInspection.Refused(ContentRefusal.UnknownType));

        // The "encrypted" flag set on every central header.
        var encrypted = (byte[])good.Clone();
        for (var i = 0; i + 4 <= encrypted.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(encrypted.AsSpan(i)) == 0x02014b50)
            {
                encrypted[i + 8] |= 1;
            }
        }

        Inspect(encrypted).ShouldBe(FileInspection.Refused(ContentRefusal.UnknownType));
    }
}
