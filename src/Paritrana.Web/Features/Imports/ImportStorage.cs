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
    public static async Task KeepAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StagedUpload upload, long batchId, PreviewDetails preview, CancellationToken ct)
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

    /// <summary>What the preview page shows of a batch: the first errors and a few valid rows.</summary>
    public sealed record PreviewDetails(string Sha256, int ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyList<EmployerRow> Sample);

    /// <summary>The preview of a batch; null when it is gone or belongs to another file.</summary>
    public async Task<PreviewDetails?> ReadPreviewAsync(long batchId, string? sha256, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT details::text FROM import_previews WHERE batch_id = @id", connection);
        command.Parameters.AddWithValue("id", batchId);
        if (await command.ExecuteScalarAsync(ct) is not string json)
        {
            return null;
        }

        var details = JsonSerializer.Deserialize<PreviewDetails>(json, Json);
        return details is not null && details.Sha256 == sha256 ? details : null;
    }
}
