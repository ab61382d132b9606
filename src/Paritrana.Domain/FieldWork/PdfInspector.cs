using System.Buffers;
using System.IO.Compression;

namespace Paritrana.Domain.FieldWork;

/// <summary>
/// Refuses PDFs that can act when opened: JavaScript, launch actions (running another program) and
/// embedded files (<see cref="PdfScanner"/> says which names it looks for, and where). The file is
/// read once from start to end; the object streams (<c>/Type /ObjStm</c>, where PDF 1.5 keeps most
/// small objects compressed) are inflated with <see cref="ZLibStream"/> and read too. An object
/// stream compressed otherwise, or that does not inflate (encrypted, damaged), cannot be checked and
/// is refused as such, as are more than <see cref="MaxObjectStreams"/> object streams or more than
/// <see cref="MaxInflatedBytes"/> once inflated. Memory stays constant: two 64 KB buffers.
/// </summary>
public static class PdfInspector
{
    public const int MaxObjectStreams = 10_000;
    public const long MaxInflatedBytes = 64L * 1024 * 1024;
    private const int BufferSize = 1 << 16;

    /// <summary>The reason to refuse the PDF in <paramref name="content"/> (seekable), or null.</summary>
    public static ContentRefusal? Inspect(Stream content)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var scanner = new PdfScanner(topLevel: true);
            var budget = new Budget();
            content.Position = 0;
            long offset = 0;
            int read;
            while ((read = content.Read(buffer, 0, BufferSize)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                var position = offset;
                while (!chunk.IsEmpty)
                {
                    var used = scanner.Scan(chunk, out var objectStream);
                    chunk = chunk[used..];
                    position += used;
                    if (scanner.Finding is { } finding)
                    {
                        return finding;
                    }

                    if (objectStream && InflateAndScan(content, position, budget) is { } inner)
                    {
                        return inner;
                    }
                }

                offset += read;
                content.Position = offset;
            }

            scanner.Finish();
            return scanner.Finding;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            content.Position = 0;
        }
    }

    private sealed class Budget
    {
        public int Streams;
        public long Bytes;
    }

    /// <summary>Reads the objects of the object stream whose data starts at <paramref name="start"/>.</summary>
    private static ContentRefusal? InflateAndScan(Stream content, long start, Budget budget)
    {
        if (++budget.Streams > MaxObjectStreams)
        {
            return ContentRefusal.PdfUncheckable;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            content.Position = start;
            using var inflater = new ZLibStream(content, CompressionMode.Decompress, leaveOpen: true);
            var scanner = new PdfScanner(topLevel: false);
            int read;
            while ((read = inflater.Read(buffer, 0, BufferSize)) > 0)
            {
                budget.Bytes += read;
                if (budget.Bytes > MaxInflatedBytes)
                {
                    return ContentRefusal.PdfUncheckable;
                }

                scanner.Scan(buffer.AsSpan(0, read), out _);
                if (scanner.Finding is { } finding)
                {
                    return finding;
                }
            }

            scanner.Finish();
            return scanner.Finding;
        }
        catch (InvalidDataException)
        {
            return ContentRefusal.PdfUncheckable;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
