using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Paritrana.Domain.Imports;
using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Uploaded employer files and batch previews, kept in PostgreSQL (docs/decisions/018). A file is
/// stored under an id derived from its SHA-256 (<see cref="StoredFiles.IdOfContent"/>): the batch
/// row keeps the hash, and the same bytes uploaded twice are kept once. Files are kept after the
/// import as the record of what was loaded (no automatic clean-up). Beside it, each batch's preview
/// (first errors and a sample) is kept as JSON in <c>import_previews</c>.
/// </summary>
public sealed class ImportStorage(IConfiguration configuration)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Keeps an upload and the preview of its batch on the caller's connection and transaction,
    /// the transaction that inserts the batch.
    /// </summary>
    public static async Task KeepAsync<TPreview>(NpgsqlConnection connection, NpgsqlTransaction transaction, StagedUpload upload, long batchId, TPreview preview, CancellationToken ct)
        where TPreview : IPreview
    {
        await StoredFiles.SaveAsync(connection, transaction, StoredFiles.IdOfContent(upload.Sha256), upload, ct);
        await using var command = new NpgsqlCommand("INSERT INTO import_previews (batch_id, details) VALUES (@id, @details)", connection, transaction);
        command.Parameters.AddWithValue("id", batchId);
        command.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(preview, Json) });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The stored file of a batch, streamed from the database; null when it is gone.</summary>
    public Task<StoredFileStream?> OpenReadAsync(string sha256, CancellationToken ct) =>
        StoredFiles.OpenReadAsync(PortalServices.ConnectionString(configuration), StoredFiles.IdOfContent(sha256), ct);

    /// <summary>A batch's stored preview: it names the file (its hash) it was made of.</summary>
    public interface IPreview
    {
        string Sha256 { get; }
    }

    /// <summary>What the preview page of an employer file shows: the first errors and a few valid rows.</summary>
    public sealed record PreviewDetails(string Sha256, int ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyList<EmployerRow> Sample) : IPreview;

    /// <summary>What the preview page of a regional extract shows: the first errors and warnings and a few valid rows.</summary>
    public sealed record RegionalPreviewDetails(string Sha256, int ErrorCount, IReadOnlyList<ImportError> Errors, int WarningCount, IReadOnlyList<ImportError> Warnings, IReadOnlyList<RegionalRow> Sample) : IPreview;

    /// <summary>The preview of an employer batch; null when it is gone or belongs to another file.</summary>
    public Task<PreviewDetails?> ReadPreviewAsync(long batchId, string? sha256, CancellationToken ct) => ReadPreviewAsync<PreviewDetails>(batchId, sha256, ct);

    /// <summary>The preview of a batch; null when it is gone or belongs to another file.</summary>
    public async Task<TPreview?> ReadPreviewAsync<TPreview>(long batchId, string? sha256, CancellationToken ct)
        where TPreview : class, IPreview
    {
        await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT details::text FROM import_previews WHERE batch_id = @id", connection);
        command.Parameters.AddWithValue("id", batchId);
        if (await command.ExecuteScalarAsync(ct) is not string json)
        {
            return null;
        }

        var details = JsonSerializer.Deserialize<TPreview>(json, Json);
        return details is not null && details.Sha256 == sha256 ? details : null;
    }
}
