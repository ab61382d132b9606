using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Paritrana.Web.Data;

/// <summary>
/// The SQL script that brings any portal database up to date without the portal: for operators
/// who run migrations themselves (<c>Database:MigrateOnStartup=false</c>). It is the legacy bridge
/// (<see cref="LegacyMigrations.BridgeScript"/>) followed by EF Core's idempotent script of every
/// migration, the same text as <c>dotnet ef migrations script --idempotent</c>; each migration runs
/// only when the history lacks it, so the script is safe on a fresh database, on one of the
/// hand-written migrations and on one already up to date. docs/decisions/016.
/// </summary>
public static class MigrationsScript
{
    public static string Generate(ParitranaDbContext db) =>
        LegacyMigrations.BridgeScript()
        + Environment.NewLine
        + db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

    /// <summary>Generated from the model alone: no configuration, no database (the design-time factory's context).</summary>
    public static string Generate()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        return Generate(db);
    }
}
