using Npgsql;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>What a test database holds of stored files (stored_files, stored_file_chunks; docs/decisions/018).</summary>
public static class StoredFileRows
{
    /// <summary>The ids of every stored file, as 32 hex digits.</summary>
    public static async Task<string[]> IdsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM stored_files ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0).ToString("N"));
        }

        return [.. ids];
    }

    /// <summary>The bytes of a stored file, its chunks joined in order; null when there is no such file.</summary>
    public static async Task<byte[]?> BytesAsync(string database, Guid id)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.data FROM stored_files f LEFT JOIN stored_file_chunks c ON c.file_id = f.id WHERE f.id = @id ORDER BY c.sequence", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        using var bytes = new MemoryStream();
        var found = false;
        while (await reader.ReadAsync())
        {
            found = true;
            if (!reader.IsDBNull(0))
            {
                var chunk = (byte[])reader.GetValue(0);
                bytes.Write(chunk);
            }
        }

        return found ? bytes.ToArray() : null;
    }
}
