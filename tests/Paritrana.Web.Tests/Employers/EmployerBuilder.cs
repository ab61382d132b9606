using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Employers;

/// <summary>
/// Creates employers with known latest figures (and their coverage-figure history) directly in a
/// test's database. The branch office is the one covering the regency, as an import would set it.
/// </summary>
public sealed class EmployerBuilder(string database)
{
    public sealed record Spec(
        string Npp,
        string Name,
        string RegencyCode,
        SizeClass? Size,
        string? Sector,
        int? Workers,
        int? Pu,
        int? Bpu,
        Programs Programs,
        int? Arrears,
        DateOnly? AsOf);

    public ParitranaDbContext Db() =>
        PortalHosts.NewContext(database);

    /// <summary>Adds the employers and returns their ids by NPP.</summary>
    public async Task<Dictionary<string, int>> AddAsync(params Spec[] specs)
    {
        await using var db = Db();
        var branchOf = await db.BranchOfficeAreas.AsNoTracking().ToDictionaryAsync(a => a.RegencyCode, a => a.BranchOfficeId);
        var now = DateTimeOffset.UtcNow;
        var employers = specs.Select(s => new Organisation
        {
            Type = OrganisationType.Employer,
            Name = s.Name,
            Npp = s.Npp,
            ProvinceCode = s.RegencyCode[..2],
            RegencyCode = s.RegencyCode,
            BranchOfficeId = branchOf.TryGetValue(s.RegencyCode, out var b) ? b : null,
            SizeClass = s.Size,
            Sector = s.Sector,
            LatestAsOf = s.AsOf,
            LatestWorkers = s.Workers,
            LatestParticipantsPu = s.Pu,
            LatestParticipantsBpu = s.Bpu,
            LatestPrograms = s.Programs,
            LatestArrearsMonths = s.Arrears,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Organisations.AddRange(employers);
        await db.SaveChangesAsync();
        return employers.ToDictionary(e => e.Npp!, e => e.Id);
    }

    /// <summary>A village government (never an employer) in a regency.</summary>
    public async Task<int> VillageAsync(string name, string regencyCode)
    {
        await using var db = Db();
        var now = DateTimeOffset.UtcNow;
        var village = new Organisation
        {
            Type = OrganisationType.Government,
            GovernmentLevel = GovernmentLevel.Village,
            Name = name,
            ProvinceCode = regencyCode[..2],
            RegencyCode = regencyCode,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organisations.Add(village);
        await db.SaveChangesAsync();
        return village.Id;
    }

    public async Task FiguresAsync(int organisationId, params CoverageFigures[] figures)
    {
        await using var db = Db();
        foreach (var f in figures)
        {
            f.OrganisationId = organisationId;
            f.RecordedAt = f.RecordedAt == default ? DateTimeOffset.UtcNow : f.RecordedAt;
            db.CoverageFigures.Add(f);
        }

        await db.SaveChangesAsync();
    }
}
