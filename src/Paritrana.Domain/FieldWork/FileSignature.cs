using System.IO.Compression;

namespace Paritrana.Domain.FieldWork;

/// <summary>
/// Recognises the evidence types by their bytes (magic numbers), whatever the file is called:
/// PDF, JPEG, PNG, and Office Open XML documents (DOCX, XLSX) by the parts inside the ZIP. Macro-
/// enabled documents (with a vbaProject part) are not accepted.
/// </summary>
public static class FileSignature
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        FileKind.Docx => ".docx",
        FileKind.Xlsx => ".xlsx",
        _ => "",
    };

    /// <summary>
    /// The kind of the content of a seekable stream, or null when it is none of the accepted
    /// types. The stream is left at position 0.
    /// </summary>
    public static FileKind? Detect(Stream content)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable.", nameof(content));
        }

        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith(Pdf))
        {
            return FileKind.Pdf;
        }

        if (head.StartsWith(Png))
        {
            return FileKind.Png;
        }

        if (head.StartsWith(Jpeg))
        {
            return FileKind.Jpeg;
        }

        return head.StartsWith(Zip) ? DetectOfficeDocument(content) : null;
    }

    private static FileKind? DetectOfficeDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? FileKind.Docx
                : names.Contains("xl/workbook.xml") ? FileKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}

/// <summary>User-supplied file names: refused when they try to name a path, otherwise made safe.</summary>
public static class SafeFileName
{
    /// <summary>
    /// Returns the name to keep (with the extension of the detected kind), or null when the name is
    /// unusable: empty, a path (/, \, ..), or nothing left after removing unsafe characters.
    /// </summary>
    public static string? From(string? userName, FileKind kind)
    {
        if (string.IsNullOrWhiteSpace(userName)
            || userName.Contains('/', StringComparison.Ordinal)
            || userName.Contains('\\', StringComparison.Ordinal)
            || userName.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var kept = new string(userName.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')').ToArray()).Trim();
        var stem = Path.GetFileNameWithoutExtension(kept).Trim(' ', '.');
        if (stem.Length == 0)
        {
            return null;
        }

        if (stem.Length > 100)
        {
            stem = stem[..100];
        }

        return stem + FileSignature.Extension(kind);
    }
}
