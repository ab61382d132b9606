using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Data;

/// <summary>
/// The demo's regional coverage figures (Bali, December 2022 to December 2023, and Jawa Tengah for
/// contrast): the sample file docs/samples/cakupan-wilayah-2022-2023.csv (embedded; made by
/// scripts/demo/regional-figures.py), imported by the demo administrator through the portal's own
/// import, preview, start and run (docs/decisions/034). Done once: a database with a regional
/// import batch already is left alone.
/// </summary>
public sealed class DemoRegionalSeeder(
    ParitranaDbContext db,
    RegionalImportService preview,
    ImportService imports,
    RegionalImporter importer)
{
    public const string ResourceName = "Paritrana.Demo.regional-figures.csv";
    public const string FileName = "cakupan-wilayah-2022-2023.csv";

    public async Task SeedAsync(string administratorEmail, CancellationToken ct)
    {
        if (await db.ImportBatches.AnyAsync(b => b.Kind == ImportKind.RegionalFigures, ct))
        {
            return;
        }

        var normalized = administratorEmail.ToUpperInvariant();
        var admin = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).SingleAsync(ct);
        var actor = new ImportActor(admin.Id, admin.Email, AccessScope.National());
        await using var file = typeof(DemoRegionalSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var outcome = await preview.PreviewAsync(file, FileName, actor, ct, maxBytes: long.MaxValue);
        if (outcome is not { BatchId: long id, Summary.InvalidRows: 0 })
        {
            throw new InvalidOperationException($"The demo's regional figures do not pass the import's checks: {outcome.FileError?.Message ?? string.Join("; ", outcome.Summary!.Errors)}");
        }

        if (!await imports.StartAsync(id, validRowsOnly: false, ct, runAsJob: false)
            || await importer.RunAsync(id, ct: ct) is not { Outcome: ImportRunner.Outcome.Completed })
        {
            throw new InvalidOperationException("The demo's regional figures could not be imported.");
        }
    }
}
