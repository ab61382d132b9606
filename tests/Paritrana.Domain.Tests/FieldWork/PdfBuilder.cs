using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Paritrana.Domain.Tests.FieldWork;

/// <summary>
/// Writes small, well-formed PDF 1.5 files for the tests: a catalog with one page showing a line of
/// text, extra objects given by the test (in the file or compressed in an object stream), and a
/// cross-reference stream that points at every object, as pdfinfo and the readers expect.
/// </summary>
internal sealed class PdfBuilder
{
    private readonly List<(int Number, byte[] Body, bool Compressed)> _objects = [];
    private string _catalogExtra = "";

    public PdfBuilder()
    {
        Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");                                               // 1
        Add("<< /Type /Page /Parent 1 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"); // 3 (2 is the catalog)
        var text = "BT /F1 24 Tf 72 760 Td (Laporan kunjungan) Tj ET"u8.ToArray();
        AddStream("<< /Filter /FlateDecode >>", Deflate(text));                                         // 4
        Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");                                   // 5
    }

    /// <summary>Adds to the catalog's dictionary (e.g. "/OpenAction 6 0 R").</summary>
    public PdfBuilder Catalog(string entries)
    {
        _catalogExtra += " " + entries;
        return this;
    }

    /// <summary>Adds an object in the file; returns its number.</summary>
    public int Add(string body, bool compressed = false) => Add(Encoding.Latin1.GetBytes(body), compressed);

    public int AddStream(string dictionary, byte[] data)
    {
        var dict = dictionary.TrimEnd('>', ' ') + $" /Length {data.Length} >>";
        byte[] body = [.. Encoding.Latin1.GetBytes(dict + "\nstream\n"), .. data, .. "\nendstream"u8.ToArray()];
        return Add(body, compressed: false);
    }

    private int Add(byte[] body, bool compressed)
    {
        var number = _objects.Count + 1 + (_objects.Count >= 1 ? 1 : 0); // number 2 is kept for the catalog
        _objects.Add((number, body, compressed));
        return number;
    }

    /// <summary>The file; <paramref name="objectStreamDictionary"/> replaces the object stream's compression entries.</summary>
    public byte[] Build(string objectStreamDictionary = "/Filter /FlateDecode", Func<byte[], byte[]>? encodeObjectStream = null)
    {
        var catalog = (Number: 2, Body: Encoding.Latin1.GetBytes($"<< /Type /Catalog /Pages 1 0 R{_catalogExtra} >>"), Compressed: false);
        var all = _objects.Append(catalog)
            .OrderBy(o => o.Number).ToList();
        using var file = new MemoryStream();
        Write(file, "%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new Dictionary<int, long>();
        var inStream = new Dictionary<int, int>();
        var compressed = all.Where(o => o.Compressed).ToList();
        var next = all.Max(o => o.Number) + 1;
        foreach (var (number, body, isCompressed) in all.Where(o => !o.Compressed))
        {
            offsets[number] = file.Position;
            Write(file, $"{number} 0 obj\n");
            file.Write(body);
            Write(file, "\nendobj\n");
        }

        if (compressed.Count > 0)
        {
            // The object stream: "number offset" pairs, then the objects themselves.
            var bodies = new StringBuilder();
            var header = new StringBuilder();
            for (var i = 0; i < compressed.Count; i++)
            {
                header.Append(CultureInfo.InvariantCulture, $"{compressed[i].Number} {bodies.Length} ");
                bodies.Append(Encoding.Latin1.GetString(compressed[i].Body)).Append('\n');
                inStream[compressed[i].Number] = i;
            }

            var raw = Encoding.Latin1.GetBytes(header.ToString() + bodies);
            var data = (encodeObjectStream ?? Deflate)(raw);
            offsets[next] = file.Position;
            Write(file, $"{next} 0 obj\n<< /Type /ObjStm /N {compressed.Count} /First {header.Length} {objectStreamDictionary} /Length {data.Length} >>\nstream\r\n");
            file.Write(data);
            Write(file, "\nendstream\nendobj\n");
        }

        // The cross-reference stream: /W [1 4 2], uncompressed.
        var objectStream = compressed.Count > 0 ? next++ : 0;
        var xref = next;
        offsets[xref] = file.Position;
        using var rows = new MemoryStream();
        for (var n = 0; n <= xref; n++)
        {
            (int Type, long Field2, int Field3) row = offsets.TryGetValue(n, out var offset) ? (1, offset, 0)
                : inStream.TryGetValue(n, out var index) ? (2, objectStream, index)
                : (0, 0L, n == 0 ? 65535 : 0);
            var (type, field2, field3) = row;
            rows.WriteByte((byte)type);
            rows.Write([(byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2]);
            rows.Write([(byte)(field3 >> 8), (byte)field3]);
        }

        Write(file, $"{xref} 0 obj\n<< /Type /XRef /Size {xref + 1} /W [1 4 2] /Root 2 0 R /Length {rows.Length} >>\nstream\n");
        file.Write(rows.ToArray());
        Write(file, $"\nendstream\nendobj\nstartxref\n{offsets[xref]}\n%%EOF\n");
        return file.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
