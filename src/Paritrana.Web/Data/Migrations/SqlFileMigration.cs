using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Paritrana.Web.Data.Migrations;

/// <summary>
/// A hand-written migration whose SQL lives in the embedded file named after its migration id
/// (Data/Migrations/{id}.sql). EF Core records it in __EFMigrationsHistory as usual and runs it in
/// a transaction. Forward-only: see docs/decisions/002-hand-written-migrations.md.
/// </summary>
public abstract class SqlFileMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var id = GetType().GetCustomAttribute<MigrationAttribute>()?.Id
            ?? throw new InvalidOperationException($"{GetType().Name} lacks a [Migration] attribute.");
        migrationBuilder.Sql(ReadSql(id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations are forward-only; restore a backup to go back.");

    public static string ReadSql(string migrationId)
    {
        var name = $"Paritrana.Migrations.{migrationId}.sql";
        using var stream = typeof(SqlFileMigration).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration script {name} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
