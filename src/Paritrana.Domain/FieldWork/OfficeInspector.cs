using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Paritrana.Domain.FieldWork;

/// <summary>
/// Tells a Word or Excel document (Office Open XML: a ZIP) from any other ZIP, and refuses the ones
/// that would harm whoever opens them. The central directory is read entry by entry (never more than
/// <see cref="MaxEntries"/>): its parts name the kind (<c>[Content_Types].xml</c> with
/// <c>word/document.xml</c> or <c>xl/workbook.xml</c>; a <c>vbaProject.bin</c> means macros, not
/// accepted) and declare the sizes once inflated. Because those headers can lie, every part is then
/// inflated for real, into a fixed buffer, and counted: more than <see cref="MaxInflationRatio"/>
/// times the file's size or more than <see cref="MaxInflatedBytes"/> in all is a "zip bomb", refused
/// at the first byte past the limit. Nested archives (a chart's workbook inside a Word document) are
/// ordinary parts: counted, never opened. Memory stays bounded by the entry limit.
/// </summary>
public static class OfficeInspector
{
    public const int MaxEntries = 10_000;
    public const long MaxInflatedBytes = 100L * 1024 * 1024;
    public const int MaxInflationRatio = 100;

    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint CentralHeader = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;
    private const int BufferSize = 1 << 16;

    private readonly record struct Part(long LocalOffset, ushort Method, long CompressedSize);

    /// <summary>The kind of the document in <paramref name="content"/> (seekable, a ZIP) or why it is refused.</summary>
    public static FileInspection Inspect(Stream content)
    {
        try
        {
            var limit = Math.Min(MaxInflatedBytes, content.Length * MaxInflationRatio);
            var directory = ReadDirectory(content);
            if (directory.Refusal is { } refused)
            {
                return FileInspection.Refused(refused);
            }

            if (directory.Kind is not FileKind kind)
            {
                return FileInspection.Refused(ContentRefusal.UnknownType);
            }

            if (directory.DeclaredBytes > limit || Inflate(content, directory.Parts, limit) is not { } inflated || inflated > limit)
            {
                return FileInspection.Refused(ContentRefusal.OfficeInflation);
            }

            return FileInspection.Accepted(kind);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            // Not a ZIP that Office could have written: damaged, encrypted, or compressed otherwise.
            return FileInspection.Refused(ContentRefusal.UnknownType);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private sealed record Directory(FileKind? Kind, ContentRefusal? Refusal, List<Part> Parts, long DeclaredBytes);

    private static Directory ReadDirectory(Stream content)
    {
        var (offset, size) = FindCentralDirectory(content);
        content.Position = offset;
        var reader = new BufferedStream(content, BufferSize);
        var parts = new List<Part>();
        long declared = 0;
        bool types = false, word = false, excel = false, macros = false;
        Span<byte> header = stackalloc byte[46];
        var name = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        try
        {
            long consumed = 0;
            while (consumed < size)
            {
                reader.ReadExactly(header);
                if (BinaryPrimitives.ReadUInt32LittleEndian(header) != CentralHeader)
                {
                    throw new InvalidDataException("Not a central directory header.");
                }

                if (parts.Count == MaxEntries)
                {
                    return new Directory(null, ContentRefusal.OfficeTooManyParts, parts, declared);
                }

                var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
                var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
                var compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
                var uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
                var rest = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
                var localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
                if ((flags & 1) != 0 || method is not (0 or 8) || localOffset >= offset)
                {
                    throw new NotSupportedException("Encrypted, compressed otherwise, or out of place.");
                }

                reader.ReadExactly(name, 0, nameLength);
                var partName = Encoding.UTF8.GetString(name, 0, nameLength);
                types |= partName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                word |= partName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase);
                excel |= partName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                macros |= partName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase);
                reader.Seek(rest, SeekOrigin.Current);
                consumed += header.Length + nameLength + rest;
                declared += uncompressed; // 0xFFFFFFFF (a ZIP64 size) counts as 4 GB: over any limit
                parts.Add(new Part(localOffset, method, compressed));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(name);
        }

        FileKind? kind = !types || macros ? null : word ? FileKind.Docx : excel ? FileKind.Xlsx : null;
        return new Directory(kind, null, parts, declared);
    }

    /// <summary>The offset and size of the central directory, from the end-of-central-directory record.</summary>
    private static (long Offset, long Size) FindCentralDirectory(Stream content)
    {
        // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
        var tail = (int)Math.Min(content.Length, 22 + ushort.MaxValue);
        var buffer = ArrayPool<byte>.Shared.Rent(tail);
        try
        {
            content.Position = content.Length - tail;
            content.ReadExactly(buffer, 0, tail);
            for (var i = tail - 22; i >= 0; i--)
            {
                var record = buffer.AsSpan(i, 22);
                if (BinaryPrimitives.ReadUInt32LittleEndian(record) != EndOfCentralDirectory
                    || i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(record[20..]) != tail)
                {
                    continue;
                }

                var size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
                var offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
                var at = content.Length - tail + i;
                if (BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != 0 || offset == uint.MaxValue || offset + (long)size > at)
                {
                    // Several disks, ZIP64 (never needed below 4 GB) or a directory that does not fit.
                    throw new NotSupportedException("Not a single-disk ZIP of this size.");
                }

                return (offset, size);
            }

            throw new InvalidDataException("No end of central directory.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Inflates every part and counts the bytes; stops as soon as the count passes <paramref name="limit"/>.</summary>
    private static long? Inflate(Stream content, List<Part> parts, long limit)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            Span<byte> local = stackalloc byte[30];
            long total = 0;
            foreach (var part in parts)
            {
                content.Position = part.LocalOffset;
                content.ReadExactly(local);
                if (BinaryPrimitives.ReadUInt32LittleEndian(local) != LocalHeader)
                {
                    throw new InvalidDataException("Not a local header.");
                }

                content.Position = part.LocalOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
                if (part.Method == 0)
                {
                    total += part.CompressedSize;
                }
                else
                {
                    using var inflater = new DeflateStream(content, CompressionMode.Decompress, leaveOpen: true);
                    int read;
                    while (total <= limit && (read = inflater.Read(buffer, 0, BufferSize)) > 0)
                    {
                        total += read;
                    }
                }

                if (total > limit)
                {
                    return null;
                }
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
