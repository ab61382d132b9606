using System.Buffers;
using System.Security.Cryptography;

namespace Paritrana.Web.Infrastructure.Files;

/// <summary>
/// An upload copied to a temporary file of this request (in the system's temporary directory), hashed
/// on the way and cut off past a size limit: the one routine for evidence and employer files alike.
/// The copy is needed because the content is checked before it is kept (evidence: type and content
/// from a seekable stream; imports: the rows validated before the batch exists). It is deleted when
/// the upload is disposed; what is kept goes to PostgreSQL (<see cref="StoredFiles"/>), so no
/// instance keeps anything on its own disk (docs/decisions/018-stateless-instances.md).
/// </summary>
public sealed class StagedUpload : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;

    private StagedUpload(string tempPath, long size, string sha256, bool tooLarge)
    {
        TempPath = tempPath;
        Size = size;
        Sha256 = sha256;
        TooLarge = tooLarge;
    }

    /// <summary>The temporary copy; empty when the upload was too large (nothing was kept).</summary>
    public string TempPath { get; }

    /// <summary>The bytes read; when <see cref="TooLarge"/>, as far as reading went (past the limit).</summary>
    public long Size { get; }

    /// <summary>SHA-256 in lower-case hex; empty when too large.</summary>
    public string Sha256 { get; }

    public bool TooLarge { get; }

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file while hashing it. Past
    /// <paramref name="maxBytes"/> it stops reading, deletes the copy and returns an upload with
    /// <see cref="TooLarge"/> set.
    /// </summary>
    public static async Task<StagedUpload> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), "paritrana-uploads");
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"upload-{Guid.NewGuid():N}.tmp");
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
                return new StagedUpload("", size, "", tooLarge: true);
            }

            return new StagedUpload(temp, size, Convert.ToHexStringLower(sha.GetHashAndReset()), tooLarge: false);
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

    /// <summary>The temporary copy, to read (seekable).</summary>
    public FileStream OpenRead() =>
        new(TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        if (TempPath.Length > 0)
        {
            File.Delete(TempPath);
        }

        return ValueTask.CompletedTask;
    }
}
