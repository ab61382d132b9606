using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; this is a C#-only application, and the namespaces follow their folders.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C# only; the namespace follows the Imports folder.", Scope = "namespace", Target = "~N:Paritrana.Web.Features.Imports")]
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C# only; the namespace follows the Imports folder.", Scope = "namespace", Target = "~N:Paritrana.Web.Pages.Imports")]
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C# only; the namespace follows the Imports folder.", Scope = "namespace", Target = "~N:Paritrana.Web.Pages.Imports.Regional")]

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Settings of the employer import (files are kept in PostgreSQL, <see cref="ImportStorage"/>): the largest file
/// accepted (<c>Imports:MaxFileBytes</c>, 50 MB) and how often the progress is written
/// (<c>Imports:ProgressEvery</c> rows).
/// </summary>
public sealed class ImportOptions
{
    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    public int ProgressEvery { get; set; } = 5000;

    /// <summary>
    /// Rows staged and written at a time (<c>Imports:ChunkRows</c>): PostgreSQL writes one chunk
    /// while the next is read and validated (docs/decisions/033).
    /// </summary>
    public int ChunkRows { get; set; } = 20_000;

    /// <summary>The limit as people read it: "50 MB", or "2 KB" for a small test limit.</summary>
    public string MaxFileSizeText => FormatSize(MaxFileBytes);

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.CurrentCulture) + " MB"
            : bytes >= 1024 * 1024
                ? (bytes / (1024d * 1024)).ToString("N1", CultureInfo.CurrentCulture) + " MB"
                : Math.Max(1, bytes / 1024).ToString("N0", CultureInfo.CurrentCulture) + " KB";
}
