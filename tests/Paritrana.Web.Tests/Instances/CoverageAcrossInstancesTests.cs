using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Web.Data;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// Two portal instances on one database, each keeping the coverage reports it computed
/// (docs/decisions/044): a regional import finished on one instance is shown by the other on its very
/// next request, because a kept report is keyed on the latest finished import, read from the
/// database on every request. The test first shows that the other instance really serves a kept
/// report (figures changed behind its back with SQL, which finishes no import, are not seen), so
/// that seeing the import afterwards proves the key and not a fresh computation.
/// </summary>
public class CoverageAcrossInstancesTests : IAsyncLifetime
{
    private const string Admin = "admin@paritrana.demo";

    private string _database = "";
    private PortalFactory? _a;
    private PortalFactory? _b;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("coverage2");
        _a = new PortalFactory(_database);
        _b = new PortalFactory(_database);
        _a.StartServer();
        _b.StartServer();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _a, _b })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task A_regional_import_finished_on_one_instance_is_shown_by_the_other_at_once()
    {
        // Kota Denpasar alone, December 2023: 180,000 + 40,000 of 300,000 + 200,000 = 44.00 %.
        await TestDatabase.ExecuteAsync("""
            DELETE FROM regional_figures;
            INSERT INTO regional_figures (regency_code, period, formal_workers, informal_workers, participants_pu, participants_bpu, active_employers, aware_villages, recorded_at)
            VALUES ('51.71', '2023-12-01', 300000, 200000, 180000, 40000, 9000, 4, now());
            """, _database);
        using var admin = await _b!.CreatePortalClient().SignedInAsAsync(Admin);
        (await AllCoverageAsync(admin, "/Participation/National")).ShouldBe("44,00 %");
        (await AllCoverageAsync(admin, "/Participation/Province/51")).ShouldBe("44,00 %");

        // Changed behind the instances' backs (no import finished): B keeps its reports, 140/500 = 28.00 % unseen.
        await TestDatabase.ExecuteAsync("UPDATE regional_figures SET participants_pu = 100000 WHERE regency_code = '51.71'", _database);
        (await AllCoverageAsync(admin, "/Participation/National")).ShouldBe("44,00 %");
        (await AllCoverageAsync(admin, "/Participation/Province/51")).ShouldBe("44,00 %");

        // A regional import run by instance A: 200,000 + 50,000 of 500,000 = 50.00 %, on B's next request.
        await ImportOnAAsync("""
            kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar
            51.71,2023-12,300.000,200.000,200.000,50.000,9.000,4
            """);
        (await AllCoverageAsync(admin, "/Participation/National")).ShouldBe("50,00 %");
        (await AllCoverageAsync(admin, "/Participation/Province/51")).ShouldBe("50,00 %");
    }

    private async Task ImportOnAAsync(string csv)
    {
        using var scope = _a!.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ParitranaDbContext>();
        var normalized = Admin.ToUpperInvariant();
        var admin = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).SingleAsync();
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var outcome = await services.GetRequiredService<RegionalImportService>()
            .PreviewAsync(file, "dua-instans.csv", new ImportActor(admin.Id, admin.Email!, AccessScope.National()), CancellationToken.None);
        outcome.BatchId.ShouldNotBeNull(outcome.FileError?.Message);
        var id = outcome.BatchId.Value;
        (await services.GetRequiredService<ImportService>().StartAsync(id, validRowsOnly: false, CancellationToken.None, runAsJob: false)).ShouldBeTrue();
        (await services.GetRequiredService<RegionalImporter>().RunAsync(id)).Outcome.ShouldBe(ImportRunner.Outcome.Completed);
    }

    private static async Task<string> AllCoverageAsync(PortalClient client, string url)
    {
        IHtmlDocument page = await client.GetPageAsync(url);
        return PortalClient.Text(page.QuerySelector("[data-testid=card-all] [data-testid=value]"));
    }
}
