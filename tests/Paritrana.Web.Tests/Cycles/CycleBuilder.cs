using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Cycles;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Cycles;

/// <summary>Creates the cycles and categories a test needs directly in its database (not through the pages under test).</summary>
public sealed class CycleBuilder(string database)
{
    public ParitranaDbContext Db() =>
        PortalHosts.NewContext(database);

    /// <summary>A cycle with the given categories (code, name, kind, order, finalists, active); none when empty.</summary>
    public async Task<int> CycleAsync(int year, params (string Code, string Name, CategoryKind Kind, int Order, int Finalists, bool Active)[] categories)
    {
        await using var db = Db();
        var cycle = new AwardCycle
        {
            Year = year,
            CreatedAt = DateTimeOffset.UtcNow,
            Categories = categories.Select(c => new Category
            {
                Code = c.Code,
                Name = c.Name,
                Kind = c.Kind,
                SortOrder = c.Order,
                FinalistCount = c.Finalists,
                IsActive = c.Active,
            }).ToList(),
        };
        db.AwardCycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    /// <summary>A cycle with the seven default categories (five active).</summary>
    public async Task<int> CycleWithDefaultsAsync(int year) =>
        await CycleAsync(year, CycleRules.DefaultCategories(CycleRules.DefaultActiveCodes)
            .Select(c => (c.Code, c.Name, c.Kind, c.SortOrder, c.FinalistCount, c.IsActive)).ToArray());
}
