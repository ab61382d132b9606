using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The directory of uploaded employer files (<see cref="ImportOptions.Directory"/>). A file is
/// stored under its SHA-256 (<c>3f5a….csv</c>), never under the name the user gave it, so that no
/// name from outside reaches the file system; the batch row keeps the hash. Files are kept after
/// the import as the record of what was loaded (no automatic clean-up). Beside it, each batch's
/// preview (first errors and a sample) is kept as <c>batch-{id}.preview.json</c>.
/// </summary>
public sealed class ImportStorage(IOptions<ImportOptions> options)
{
    private const int BufferSize = 1 << 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Directory => options.Value.Directory;

    /// <summary>An upload copied to a temporary file of the store, not yet kept.</summary>
    public sealed record StoredUpload(string TempPath, long Size, string Sha256);

    /// <summary>
    /// Copies an upload to a temporary file of the store while hashing it; null when it is larger
    /// than <paramref name="maxBytes"/> (nothing is kept then). Follow with <see cref="Keep"/> or
    /// <see cref="Discard"/>.
    /// </summary>
    public async Task<StoredUpload?> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
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
                return null;
            }

            return new StoredUpload(temp, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
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

    public static FileStream OpenTemp(StoredUpload upload) =>
        new(upload.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    /// <summary>Keeps an upload under its hash. The same hash is the same bytes: replacing an earlier copy changes nothing.</summary>
    public void Keep(StoredUpload upload) => File.Move(upload.TempPath, PathOf(upload.Sha256), overwrite: true);

    public static void Discard(StoredUpload upload) => File.Delete(upload.TempPath);

    public string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Directory, sha256 + ".csv")
            : throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));

    public FileStream OpenRead(string sha256) =>
        new(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    /// <summary>What the preview page shows of a batch: the first errors and a few valid rows.</summary>
    public sealed record PreviewDetails(string Sha256, int ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyList<EmployerRow> Sample);

    public async Task SavePreviewAsync(long batchId, PreviewDetails details, CancellationToken ct)
    {
        var path = PreviewPathOf(batchId);
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(file, details, Json, ct);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The preview of a batch; null when it is gone or belongs to another file.</summary>
    public async Task<PreviewDetails?> ReadPreviewAsync(long batchId, string? sha256, CancellationToken ct)
    {
        var path = PreviewPathOf(batchId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        var details = await JsonSerializer.DeserializeAsync<PreviewDetails>(file, Json, ct);
        return details is not null && details.Sha256 == sha256 ? details : null;
    }

    private string PreviewPathOf(long batchId) => Path.Combine(Directory, $"batch-{batchId}.preview.json");
}
