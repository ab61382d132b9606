namespace Paritrana.Domain.FieldWork;

/// <summary>
/// Recognises the evidence types by their bytes (magic numbers), whatever the file is called:
/// PDF, JPEG, PNG, and Office Open XML documents (DOCX, XLSX) by the parts inside the ZIP; and
/// refuses the content that would act or explode when opened: PDFs with JavaScript, launch actions
/// or embedded files (<see cref="PdfInspector"/>), Office documents with macros or that inflate past
/// their limits (<see cref="OfficeInspector"/>). Images are not decoded (docs/decisions/013).
/// </summary>
public static class FileSignature
{
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
    /// The kind of the content of a seekable stream and whether it is accepted. The stream is read
    /// once (twice for a ZIP: its directory, then its parts), in bounded memory, and left at position 0.
    /// </summary>
    public static FileInspection Inspect(Stream content)
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
            return PdfInspector.Inspect(content) is { } refusal ? FileInspection.Refused(refusal, FileKind.Pdf) : FileInspection.Accepted(FileKind.Pdf);
        }

        if (head.StartsWith(Png))
        {
            return FileInspection.Accepted(FileKind.Png);
        }

        if (head.StartsWith(Jpeg))
        {
            return FileInspection.Accepted(FileKind.Jpeg);
        }

        return head.StartsWith(Zip) ? OfficeInspector.Inspect(content) : FileInspection.Refused(ContentRefusal.UnknownType);
    }
}

/// <summary>Why an evidence file is refused for its content.</summary>
public enum ContentRefusal
{
    /// <summary>None of the accepted types, a ZIP that is no Word or Excel document, or one with macros.</summary>
    UnknownType = 1,
    PdfJavaScript = 2,
    PdfLaunch = 3,
    PdfEmbeddedFile = 4,

    /// <summary>Compressed objects that cannot be inflated here (other filters, encryption, damage, too many or too large).</summary>
    PdfUncheckable = 5,

    /// <summary>Inflates more than 100 times its size or past 100 MB ("zip bomb").</summary>
    OfficeInflation = 6,
    OfficeTooManyParts = 7,
}

/// <summary>What <see cref="FileSignature.Inspect"/> found: the kind (when known) and the refusal, if any.</summary>
public sealed record FileInspection(FileKind? Kind, ContentRefusal? Refusal)
{
    public bool IsAccepted => Refusal is null && Kind is not null;

    public static FileInspection Accepted(FileKind kind) => new(kind, null);

    public static FileInspection Refused(ContentRefusal refusal, FileKind? kind = null) => new(kind, refusal);
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
