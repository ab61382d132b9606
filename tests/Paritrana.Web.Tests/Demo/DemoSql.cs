using Npgsql;

namespace Paritrana.Web.Tests.Demo;

/// <summary>Reads the demo's rows straight from a test database, for the demo tests that check what the seeding wrote.</summary>
public static class DemoSql
{
    /// <summary>Every row of the query, its columns as objects, in the query's order.</summary>
    public static async Task<List<object[]>> RowsAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
