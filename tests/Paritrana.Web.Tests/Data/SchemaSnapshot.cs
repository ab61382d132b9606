using Npgsql;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// A textual description of a database schema, read from PostgreSQL's catalogs: one line per
/// column (type, nullability, default, identity), index (its full definition) and constraint
/// (primary, foreign, unique and check keys with their definitions). Two schemas are equal when
/// their lines are.
/// </summary>
public static class SchemaSnapshot
{
    private const string Columns = """
        SELECT format('column %s.%s %s null=%s default=%s identity=%s',
                      c.table_name, c.column_name,
                      CASE WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name
                           WHEN c.data_type = 'ARRAY' THEN c.udt_name
                           ELSE c.data_type END
                        || coalesce('(' || c.character_maximum_length || ')', '')
                        || CASE WHEN c.data_type = 'numeric' THEN coalesce('(' || c.numeric_precision || ',' || c.numeric_scale || ')', '') ELSE '' END,
                      c.is_nullable, coalesce(c.column_default, '-'), coalesce(c.identity_generation, '-'))
        FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name <> '__EFMigrationsHistory'
        """;

    private const string Indexes = """
        SELECT format('index %s %s', i.indexname, i.indexdef)
        FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename <> '__EFMigrationsHistory'
        """;

    private const string Constraints = """
        SELECT format('constraint %s.%s %s %s', t.relname, k.conname, k.contype, pg_get_constraintdef(k.oid))
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '__EFMigrationsHistory'
        """;

    private const string Tables = """
        SELECT format('table %s', table_name)
        FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { Tables, Columns, Indexes, Constraints })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Lines only in <paramref name="a"/> (prefixed "-") and only in <paramref name="b"/> ("+").</summary>
    public static IReadOnlyList<string> Difference(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Except(b).Select(l => "- " + l).Concat(b.Except(a).Select(l => "+ " + l)).ToList();
}
