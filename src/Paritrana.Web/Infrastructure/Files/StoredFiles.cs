using System.Buffers;
using Npgsql;
using NpgsqlTypes;

namespace Paritrana.Web.Infrastructure.Files;

/// <summary>
/// Files kept in PostgreSQL: a <c>stored_files</c> row (size, SHA-256) and the bytes in
/// <c>stored_file_chunks</c>, rows of at most <see cref="ChunkSize"/> bytes keyed by file id and
/// sequence (docs/decisions/018-stateless-instances.md: plain rows, so pg_dump and one backup hold
/// them, and deleting the file row deletes its chunks). Written inside the caller's transaction,
/// together with the record that names the file; read back as a stream, one chunk at a time.
/// </summary>
public static class StoredFiles
{
    public const int ChunkSize = 1 << 20;

    /// <summary>
    /// Stores a staged upload under <paramref name="id"/> on the caller's connection and transaction.
    /// False when a file with that id is already stored (nothing is written then): with ids derived
    /// from the content (<see cref="IdOfContent"/>) the same bytes are kept once.
    /// </summary>
    public static async Task<bool> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, StagedUpload upload, CancellationToken ct)
    {
        await using var source = upload.OpenRead();
        return await SaveAsync(connection, transaction, id, source, upload.Size, upload.Sha256, ct);
    }

    /// <summary>Stores the bytes of <paramref name="source"/> (of the given size and hash) under <paramref name="id"/>.</summary>
    public static async Task<bool> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, Stream source, long size, string sha256, CancellationToken ct)
    {
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO stored_files (id, size, sha256, created_at) VALUES (@id, @size, @sha, now()) ON CONFLICT (id) DO NOTHING", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("size", size);
            insert.Parameters.AddWithValue("sha", sha256);
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var chunk = new NpgsqlCommand(
                "INSERT INTO stored_file_chunks (file_id, sequence, data) VALUES (@id, @seq, @data)", connection, transaction);
            chunk.Parameters.AddWithValue("id", id);
            var seqParameter = new NpgsqlParameter<int>("seq", 0);
            var dataParameter = new NpgsqlParameter<ArraySegment<byte>>("data", NpgsqlDbType.Bytea);
            chunk.Parameters.Add(seqParameter);
            chunk.Parameters.Add(dataParameter);
            for (var sequence = 0; ; sequence++)
            {
                var filled = await source.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, ct);
                if (filled == 0 && sequence > 0)
                {
                    break;
                }

                seqParameter.TypedValue = sequence;
                dataParameter.TypedValue = new ArraySegment<byte>(buffer, 0, filled);
                await chunk.ExecuteNonQueryAsync(ct);
                if (filled < ChunkSize)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }

    /// <summary>A stream of a stored file's bytes on a connection of its own; null when there is no such file.</summary>
    public static async Task<StoredFileStream?> OpenReadAsync(string connectionString, Guid id, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT size FROM stored_files WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            if (await command.ExecuteScalarAsync(ct) is not long size)
            {
                await connection.DisposeAsync();
                return null;
            }

            return new StoredFileStream(connection, id, size);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes a stored file and its chunks on the caller's connection and transaction.</summary>
    public static async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM stored_files WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The id of a file named by its content: the first 16 bytes of its SHA-256.</summary>
    public static Guid IdOfContent(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? new Guid(Convert.FromHexString(sha256.AsSpan(0, 32)))
            : throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
}
