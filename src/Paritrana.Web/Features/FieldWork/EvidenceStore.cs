using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Paritrana.Domain.FieldWork;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// Where evidence files live: <c>Storage:EvidenceDirectory</c>, default
/// <c>&lt;ContentRoot&gt;/App_Data/evidence</c>, never under wwwroot (checked at start-up); and the
/// largest file accepted: <c>Evidence:MaxFileBytes</c>, default 25 MB (a scanned PDF or a phone photo).
/// </summary>
public sealed class EvidenceOptions
{
    public const long DefaultMaxFileBytes = 25L * 1024 * 1024;

    public string Directory { get; set; } = "";

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The limit as people read it: "25 MB".</summary>
    public string MaxFileSizeText => EvidenceRow.FormatSize(MaxFileBytes);
}

/// <summary>
/// The evidence files on disk. An upload is first copied to a temporary file (hashed on the way,
/// cut off past <see cref="EvidenceOptions.MaxFileBytes"/>) so that its type can be told and its
/// content checked from its bytes on a seekable copy (<see cref="FileSignature.Inspect"/>); only an
/// accepted file is kept, under a generated name (the row's Guid, no
/// extension), so no name from outside reaches the file system and nothing stored is ever served
/// or executed by the web server. The bytes are read back only through the download page.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options)
{
    private const int BufferSize = 1 << 16;

    public string Directory => options.Value.Directory;

    /// <summary>An upload copied to a temporary file, not yet kept. <see cref="TooLarge"/>: nothing was kept.</summary>
    public sealed record Staged(string TempPath, long Size, string Sha256, bool TooLarge);

    /// <summary>
    /// Copies the upload to a temporary file while hashing it. When it turns out larger than
    /// <paramref name="maxBytes"/> the copy is deleted at once and <see cref="Staged.TooLarge"/> is set.
    /// Follow with <see cref="Keep"/> or <see cref="Discard"/>.
    /// </summary>
    public async Task<Staged> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $"upload-{Guid.NewGuid():N}.tmp");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                int n;
                while ((n = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    size += n;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }

            if (size > maxBytes)
            {
                File.Delete(temp);
                return new Staged("", size, "", TooLarge: true);
            }

            return new Staged(temp, size, Convert.ToHexStringLower(sha.GetHashAndReset()), TooLarge: false);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The kind of a staged upload, told by its content alone, and whether its content is accepted.</summary>
    public static FileInspection Inspect(Staged staged)
    {
        using var stream = new FileStream(staged.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return FileSignature.Inspect(stream);
    }

    /// <summary>Keeps a staged upload under the storage name of its row.</summary>
    public void Keep(Staged staged, string storageName) => File.Move(staged.TempPath, PathOf(storageName), overwrite: false);

    public static void Discard(Staged staged)
    {
        if (staged.TempPath.Length > 0)
        {
            File.Delete(staged.TempPath);
        }
    }

    /// <summary>The generated storage name of a file row: its id as 32 hex digits.</summary>
    public static string StorageNameOf(Guid id) => id.ToString("N");

    /// <summary>The bytes of a kept file; null when they are gone.</summary>
    public FileStream? OpenRead(string storageName)
    {
        var path = PathOf(storageName);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    public void Delete(string storageName) => File.Delete(PathOf(storageName));

    private string PathOf(string storageName) =>
        storageName.Length == 32 && storageName.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Directory, storageName)
            : throw new ArgumentException("Not a generated storage name.", nameof(storageName));
}
