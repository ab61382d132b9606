using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>The largest evidence file accepted: <c>Evidence:MaxFileBytes</c>, default 25 MB (a scanned PDF or a phone photo).</summary>
public sealed class EvidenceOptions
{
    public const long DefaultMaxFileBytes = 25L * 1024 * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The limit as people read it: "25 MB".</summary>
    public string MaxFileSizeText => EvidenceRow.FormatSize(MaxFileBytes);
}

/// <summary>
/// The bytes of evidence files, kept in PostgreSQL (<see cref="StoredFiles"/>) under the id of their
/// row (<c>evidence_files.storage_name</c> is that id in 32 hex digits), so that every instance serves
/// every file and one backup holds them. An upload is first staged (<see cref="StagedUpload"/>:
/// hashed, cut off past <see cref="EvidenceOptions.MaxFileBytes"/>) so that its type can be told and
/// its content checked from its bytes on a seekable copy (<see cref="FileSignature.Inspect"/>); only an
/// accepted file is kept, in the same transaction as its row. The bytes are read back only through
/// the download page.
/// </summary>
public sealed class EvidenceStore(IConfiguration configuration)
{
    /// <summary>The kind of a staged upload, told by its content alone, and whether its content is accepted.</summary>
    public static FileInspection Inspect(StagedUpload staged)
    {
        using var stream = staged.OpenRead();
        return FileSignature.Inspect(stream);
    }

    /// <summary>The generated storage name of a file row: its id as 32 hex digits.</summary>
    public static string StorageNameOf(Guid id) => id.ToString("N");

    /// <summary>
    /// Keeps a staged upload under the storage name of its row and saves the context's changes (the
    /// row, its audit event) in one transaction: no row without bytes, no bytes without a row.
    /// </summary>
    public static async Task KeepAsync(ParitranaDbContext db, StagedUpload staged, string storageName, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await StoredFiles.SaveAsync(connection, (NpgsqlTransaction)transaction.GetDbTransaction(), IdOf(storageName), staged, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Saves the context's changes (the row marked removed, its audit event) and deletes the bytes, in one transaction.</summary>
    public static async Task DeleteAsync(ParitranaDbContext db, string storageName, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var id = IdOf(storageName);
        await db.StoredFiles.Where(f => f.Id == id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The bytes of a kept file, streamed from the database; null when they are gone.</summary>
    public Task<StoredFileStream?> OpenReadAsync(string storageName, CancellationToken ct) =>
        StoredFiles.OpenReadAsync(PortalServices.ConnectionString(configuration), IdOf(storageName), ct);

    public static Guid IdOf(string storageName) =>
        storageName.Length == 32 && storageName.All(char.IsAsciiHexDigitLower)
            ? Guid.ParseExact(storageName, "N")
            : throw new ArgumentException("Not a generated storage name.", nameof(storageName));
}
