using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Architecture;

/// <summary>
/// Every write of reference data that bypasses SaveChanges (ExecuteUpdate, ExecuteDelete, SQL text)
/// announces itself with <c>ReferenceChanges.NotifyAsync</c> within the next lines, or the
/// instances would keep their copies of what it changed (docs/decisions/032). The tables and sets
/// are those of <see cref="ReferenceData.EntityTypes"/>, read from the model, not listed here.
/// </summary>
public class ReferenceWritesTests
{
    private const int Window = 6;

    [Fact]
    public void Every_write_of_reference_data_outside_SaveChanges_sends_the_notification()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var types = ReferenceData.EntityTypes;
        var sets = typeof(ParitranaDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && types.Contains(p.PropertyType.GetGenericArguments()[0]))
            .Select(p => p.Name)
            .ToList();
        var tables = types.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToList();
        sets.Count.ShouldBe(types.Count);
        tables.ShouldContain("award_cycles");

        var setWrite = new Regex($@"\.({string.Join('|', sets)})\b[^;]*\.Execute(Update|Delete)(Async)?\(", RegexOptions.Compiled);
        var sqlWrite = new Regex($@"\b(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+""?({string.Join('|', tables)})\b", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        var source = Path.Combine(RepositoryPaths.WebProjectDirectory);
        var found = new List<string>();
        var unannounced = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!setWrite.IsMatch(lines[i]) && !sqlWrite.IsMatch(lines[i]))
                {
                    continue;
                }

                var where = $"{Path.GetRelativePath(source, file)}:{i + 1}";
                found.Add(where);
                if (!lines.Skip(i).Take(Window).Any(l => l.Contains("ReferenceChanges.NotifyAsync", StringComparison.Ordinal)))
                {
                    unannounced.Add($"{where}: {lines[i].Trim()}");
                }
            }
        }

        // The scan finds what it must: making a cycle current and the demo closing its history.
        found.ShouldContain(f => f.StartsWith(Path.Combine("Pages", "Admin", "Cycles", "Edit.cshtml.cs"), StringComparison.Ordinal));
        found.ShouldContain(f => f.StartsWith(Path.Combine("Data", "DemoAwardSeeder.cs"), StringComparison.Ordinal));
        unannounced.ShouldBeEmpty("A write of reference data outside SaveChanges must call ReferenceChanges.NotifyAsync in its transaction (docs/decisions/032).");
    }
}
