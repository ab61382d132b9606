using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Paritrana.Web.Data;

/// <summary>
/// The hand-written SQL migrations of docs/decisions/002 (Data/Migrations/Legacy/*.sql, embedded),
/// kept for one purpose only: moving a database that they migrated onto the generated history
/// (docs/decisions/016). Such a database has the hand-written ids in <c>__EFMigrationsHistory</c>
/// and not the baseline's. The bridge applies, in id order, every hand-written script that the
/// database lacks, records each, then records the baseline as applied (its schema is exactly what
/// the scripts made); the hand-written rows are kept as the record of how the schema was made. It
/// is one PL/pgSQL block, so all of it commits or none of it, and it does nothing on a fresh
/// database or on one already moved. Start-up (<see cref="DatabaseSetup"/>) and the deployment
/// script (the <c>migrations-script</c> verb) run the same block before the generated migrations.
/// </summary>
public static class LegacyMigrations
{
    private const string ResourcePrefix = "Paritrana.LegacyMigrations.";
    private const string QuoteTag = "$legacy$";

    /// <summary>
    /// The bridge's own transaction lock ("PARITRAM"), for the deployment script run twice at once.
    /// Not DatabaseSetup's key: start-up holds that one on another connection while the bridge runs.
    /// </summary>
    private const long BridgeLockKey = 0x504152495452414D;

    /// <summary>The hand-written migration ids, in the order they ran.</summary>
    public static IReadOnlyList<string> Ids { get; } = typeof(LegacyMigrations).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".sql".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The id of the generated migration that stands for all the hand-written ones (yyyyMMddHHmmss_Baseline).
    /// Found by name, not by type, so that the project still builds while scripts/baseline/regenerate.sh
    /// has deleted the baseline to scaffold it again.
    /// </summary>
    public static string BaselineId => BaselineIdLazy.Value;

    private static readonly Lazy<string> BaselineIdLazy = new(() =>
    {
        var ids = typeof(LegacyMigrations).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .Where(id => id is not null && id.EndsWith("_Baseline", StringComparison.Ordinal))
            .ToList();
        return ids.Count == 1
            ? ids[0]!
            : throw new InvalidOperationException($"Expected one generated migration named Baseline, found {ids.Count}.");
    });

    /// <summary>EF Core's version as it writes it into the history (what its own ProductInfo reads).</summary>
    public static string ProductVersion { get; } =
        typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public static string ReadSql(string id)
    {
        var name = $"{ResourcePrefix}{id}.sql";
        using var stream = typeof(LegacyMigrations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded hand-written migration {name} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The bridge as one SQL statement (a DO block); safe to run on any database, any number of times.</summary>
    public static string BridgeScript()
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            -- Moves a database migrated by the hand-written scripts (docs/decisions/002) onto the generated
            -- history (docs/decisions/016): applies the scripts it lacks, then records the baseline.
            -- Does nothing on a fresh database or on one already moved.
            DO $bridge$
            BEGIN
                PERFORM pg_advisory_xact_lock({BridgeLockKey});
                IF to_regclass('"__EFMigrationsHistory"') IS NULL THEN
                    RETURN; -- a fresh database (each statement is planned when reached: the table is not read)
                END IF;
                IF EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = {Literal(BaselineId)})
                   OR NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" IN ({string.Join(", ", Ids.Select(Literal))})) THEN
                    RETURN;
                END IF;
                IF EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" NOT IN ({string.Join(", ", Ids.Select(Literal))})) THEN
                    RAISE EXCEPTION 'The migration history holds migrations that this version does not know: %. Refusing to move it onto the generated history.',
                        (SELECT string_agg("MigrationId", ', ' ORDER BY "MigrationId") FROM "__EFMigrationsHistory" WHERE "MigrationId" NOT IN ({string.Join(", ", Ids.Select(Literal))}));
                END IF;

            """);
        foreach (var id in Ids)
        {
            var script = ReadSql(id);
            if (script.Contains(QuoteTag, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The hand-written migration {id} contains {QuoteTag}, the bridge's quote.");
            }

            sql.Append(CultureInfo.InvariantCulture, $"""
                    IF NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = {Literal(id)}) THEN
                        EXECUTE {QuoteTag}
                {script}
                {QuoteTag};
                        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({Literal(id)}, {Literal(ProductVersion)});
                    END IF;

                """);
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({Literal(BaselineId)}, {Literal(ProductVersion)});
            END
            $bridge$;

            """);
        return sql.ToString();
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
