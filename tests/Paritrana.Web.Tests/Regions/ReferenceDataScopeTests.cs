using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Domain.Cycles;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Regions;

/// <summary>
/// The instance's copy of the regions and offices is the same for everyone and filtered by the
/// reader's scope at every use (docs/decisions/032): the in-memory filter answers exactly what the
/// table's filter answers (docs/decisions/006), and users of different scopes taking turns on one
/// instance each see only their own lists.
/// </summary>
public class ReferenceDataScopeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string BranchOfficer = "cabang.denpasar@paritrana.demo";
    private const string BaliChair = "ketua.bali@paritrana.demo";
    private const string JatengChair = "ketua.jateng@paritrana.demo";

    [Fact]
    public async Task The_in_memory_scope_filter_answers_what_the_queries_answer_for_every_kind_of_scope()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        var reference = portal.Factory.Services.GetRequiredService<ReferenceData>();
        var branch = await db.BranchOffices.Where(b => b.ProvinceCode == "51" && b.Areas.Count > 1).OrderBy(b => b.Id).Select(b => new { b.Id, Codes = b.Areas.Select(a => a.RegencyCode).ToList() }).FirstAsync();
        var scopes = new (string Name, AccessScope Scope)[]
        {
            ("national", AccessScope.National()),
            ("Bali", AccessScope.Province("51")),
            ("Jawa Tengah", AccessScope.Province("33")),
            ("branch", AccessScope.Branch("51", branch.Id, branch.Codes)),
            ("branch without areas", AccessScope.Branch("51", branch.Id, [])),
            ("none", AccessScope.None),
        };
        var regencies = await reference.RegenciesAsync(db, CancellationToken.None);
        var offices = await reference.BranchOfficesAsync(db, CancellationToken.None);
        var provinces = await reference.ProvincesAsync(db, CancellationToken.None);
        regencies.Count.ShouldBe(await db.RegenciesAndCities.CountAsync());
        provinces.Count.ShouldBe(38);

        // Province stage dates of two provinces in the current cycle, so that the filter has something to leave out.
        var cycle = await db.AwardCycles.Where(c => c.IsCurrent).Select(c => c.Id).SingleAsync();
        await db.ProvinceStages.Where(p => p.CycleId == cycle).ExecuteDeleteAsync();
        db.ProvinceStages.AddRange(
            new ProvinceStage { CycleId = cycle, ProvinceCode = "51", Stage = StageKind.Scoring, StartsOn = new DateOnly(2026, 9, 1), EndsOn = new DateOnly(2026, 9, 30) },
            new ProvinceStage { CycleId = cycle, ProvinceCode = "33", Stage = StageKind.Scoring, StartsOn = new DateOnly(2026, 9, 2), EndsOn = new DateOnly(2026, 9, 29) });
        await db.SaveChangesAsync();
        var stages = (await reference.StagesAsync(db, cycle, CancellationToken.None)).Provinces;
        stages.Select(s => s.ProvinceCode).ShouldBe(["33", "51"]);

        foreach (var (name, s) in scopes)
        {
            var expectedRegencies = await db.RegenciesAndCities.AsNoTracking().InScope(s).OrderBy(r => r.ProvinceCode).ThenBy(r => r.Code).Select(r => r.Code).ToListAsync();
            var expectedOffices = await db.BranchOffices.AsNoTracking().InScope(s).OrderBy(b => b.Name).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync();
            regencies.InScope(s).Select(r => r.Code).ToList().ShouldBe(expectedRegencies, name);
            offices.InScope(s).Select(b => b.Id).ToList().ShouldBe(expectedOffices, name);
            var expectedProvinces = await db.Provinces.AsNoTracking().InScope(s).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync();
            provinces.InScope(s).Select(p => p.Code).ToList().ShouldBe(expectedProvinces, name);
            var expectedStages = await db.ProvinceStages.AsNoTracking().InScope(s).Where(p => p.CycleId == cycle).OrderBy(p => p.ProvinceCode).Select(p => p.ProvinceCode).ToListAsync();
            stages.InScope(s).Select(p => p.ProvinceCode).ToList().ShouldBe(expectedStages, name);
        }
    }

    [Fact]
    public async Task Users_of_different_scopes_taking_turns_on_one_instance_each_see_only_their_own_lists()
    {
        using var officer = await portal.Factory.CreatePortalClient().SignedInAsAsync(BranchOfficer);
        using var bali = await portal.Factory.CreatePortalClient().SignedInAsAsync(BaliChair);
        using var jateng = await portal.Factory.CreatePortalClient().SignedInAsAsync(JatengChair);
        var expected = new Dictionary<PortalClient, (string Regencies, string Offices)>
        {
            [officer] = (await NamesAsync(
                    "SELECT string_agg(r.name, '|' ORDER BY r.province_code, r.code) FROM regencies_and_cities r " +
                    "WHERE r.code IN (SELECT a.regency_code FROM branch_office_areas a JOIN users u ON u.branch_office_id = a.branch_office_id WHERE u.email = @e)", BranchOfficer),
                await NamesAsync("SELECT b.name FROM branch_offices b JOIN users u ON u.branch_office_id = b.id WHERE u.email = @e", BranchOfficer)),
            [bali] = (await NamesAsync("SELECT string_agg(name, '|' ORDER BY province_code, code) FROM regencies_and_cities WHERE province_code = '51' AND @e <> ''", BaliChair),
                await NamesAsync("SELECT string_agg(name, '|' ORDER BY name, id) FROM branch_offices WHERE province_code = '51' AND @e <> ''", BaliChair)),
            [jateng] = (await NamesAsync("SELECT string_agg(name, '|' ORDER BY province_code, code) FROM regencies_and_cities WHERE province_code = '33' AND @e <> ''", JatengChair),
                await NamesAsync("SELECT string_agg(name, '|' ORDER BY name, id) FROM branch_offices WHERE province_code = '33' AND @e <> ''", JatengChair)),
        };
        expected[officer].Regencies.Split('|').Length.ShouldBeGreaterThan(1);
        expected[officer].Offices.ShouldNotContain("|");
        expected[bali].Regencies.Split('|').Length.ShouldBe(9);

        // The instance starts empty, then each user's page is served from the one copy.
        portal.Factory.Services.GetRequiredService<ReferenceData>().Drop();
        await PortalHosts.ListeningAsync(portal.Factory.Services);
        for (var round = 0; round < 2; round++)
        {
            foreach (var client in new[] { officer, bali, jateng, officer })
            {
                var page = await client.GetPageAsync("/Nominations");
                string.Join('|', page.QuerySelectorAll("select#regency option:not([value=''])").Select(o => PortalClient.Text(o))).ShouldBe(expected[client].Regencies);
                string.Join('|', page.QuerySelectorAll("select#branch option:not([value=''])").Select(o => PortalClient.Text(o))).ShouldBe(expected[client].Offices);
            }
        }
    }

    private async Task<string> NamesAsync(string sql, string email) =>
        (await TestDatabase.ScalarAsync<string>(portal.Database, sql, ("e", email)))!;
}
