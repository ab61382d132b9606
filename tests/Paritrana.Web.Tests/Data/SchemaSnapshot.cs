using Npgsql;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// A textual description of a database schema, read from PostgreSQL's catalogs: one line per
/// column (type, nullability, default, identity), index (its full definition) and constraint
/// (primary, foreign, unique and check keys with their definitions); with
/// <see cref="ReadEverythingAsync"/> also every object an EF model cannot express and the rows of
/// each table. Two schemas are equal when their lines are.
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

    // What a hand-written script can make and an EF model cannot express: functions and procedures,
    // triggers, views, sequences, extensions, enum and domain types, collations, comments, grants,
    // row-level security. Objects that belong to an extension are the extension's line.
    private const string Functions = """
        SELECT format('function %s', pg_get_functiondef(p.oid))
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        """;

    private const string Triggers = """
        SELECT format('trigger %s', pg_get_triggerdef(t.oid))
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal
        """;

    private const string Views = """
        SELECT format('view %s %s', viewname, definition) FROM pg_views WHERE schemaname = 'public'
        UNION ALL
        SELECT format('materialized view %s %s', matviewname, definition) FROM pg_matviews WHERE schemaname = 'public'
        """;

    private const string Sequences = """
        SELECT format('sequence %s %s %s %s', sequence_name, data_type, start_value, increment)
        FROM information_schema.sequences WHERE sequence_schema = 'public'
        """;

    private const string Extensions = "SELECT format('extension %s', extname) FROM pg_extension WHERE extname <> 'plpgsql'";

    private const string Types = """
        SELECT format('type %s %s %s', t.typname, t.typtype,
                      coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
                               format_type(t.typbasetype, t.typtypmod)))
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('collation %s %s', c.collname, c.collprovider)
        FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE n.nspname = 'public'
        """;

    private const string CommentsGrantsPolicies = """
        SELECT format('comment %s.%s %s', c.relname, d.objsubid, d.description)
        FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
        UNION ALL
        SELECT format('grant %s %s', c.relname, c.relacl::text)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relacl IS NOT NULL AND c.relname <> '__EFMigrationsHistory'
        UNION ALL
        SELECT format('row security %s', c.relname)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relrowsecurity
        UNION ALL
        SELECT format('policy %s.%s %s %s %s', tablename, policyname, cmd, coalesce(qual, '-'), coalesce(with_check, '-'))
        FROM pg_policies WHERE schemaname = 'public'
        """;

    /// <summary>The tables, columns, indexes and constraints: what an EF model expresses.</summary>
    public static Task<IReadOnlyList<string>> ReadAsync(string connectionString) =>
        ReadAsync(connectionString, [Tables, Columns, Indexes, Constraints], withRowCounts: false);

    /// <summary>
    /// Everything a migration can make: the model's objects, the objects no model expresses (functions,
    /// triggers, views, sequences, extensions, types, comments, grants, policies), and the number of
    /// rows in each table (rows a migration inserts).
    /// </summary>
    public static Task<IReadOnlyList<string>> ReadEverythingAsync(string connectionString) =>
        ReadAsync(connectionString, [Tables, Columns, Indexes, Constraints, Functions, Triggers, Views, Sequences, Extensions, Types, CommentsGrantsPolicies], withRowCounts: true);

    private static async Task<IReadOnlyList<string>> ReadAsync(string connectionString, string[] queries, bool withRowCounts)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        if (withRowCounts)
        {
            foreach (var (table, rows) in await RowCountsAsync(connection))
            {
                lines.Add($"rows {table} {rows}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The exact number of rows of every table of the public schema but the migration history.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await RowCountsAsync(connection);
    }

    private static async Task<SortedDictionary<string, long>> RowCountsAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM public.\"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Lines only in <paramref name="a"/> (prefixed "-") and only in <paramref name="b"/> ("+").</summary>
    public static IReadOnlyList<string> Difference(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Except(b).Select(l => "- " + l).Concat(b.Except(a).Select(l => "+ " + l)).ToList();
}
