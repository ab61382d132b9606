namespace Paritrana.Web.Data;

/// <summary>
/// Seeds the 38 provinces and 514 regencies and cities from the project's copy of the Kemendagri
/// codes (Data/Regions, ODbL, see ATTRIBUTION.md there). Inserts what is missing and corrects
/// names that changed; never deletes, since records refer to regions.
/// </summary>
public sealed class RegionSeeder(ParitranaDbContext db)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var provinces = ReadCsv("provinces.csv").Select(r => new Province { Code = r[0], Name = r[1] }).ToList();
        var regencies = ReadCsv("regencies.csv")
            .Select(r => new RegencyOrCity { Code = r[0], ProvinceCode = r[1], Name = r[2], Kind = RegencyOrCity.KindFromCode(r[0]) })
            .ToList();

        var existingProvinces = await db.Provinces.ToDictionaryAsync(p => p.Code, ct);
        foreach (var p in provinces)
        {
            if (!existingProvinces.TryGetValue(p.Code, out var current))
            {
                db.Provinces.Add(p);
            }
            else if (current.Name != p.Name)
            {
                current.Name = p.Name;
            }
        }

        var existingRegencies = await db.RegenciesAndCities.ToDictionaryAsync(r => r.Code, ct);
        foreach (var r in regencies)
        {
            if (!existingRegencies.TryGetValue(r.Code, out var current))
            {
                db.RegenciesAndCities.Add(r);
            }
            else if (current.Name != r.Name || current.Kind != r.Kind)
            {
                current.Name = r.Name;
                current.Kind = r.Kind;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Reads one of the embedded region files: simple CSV, no quoted commas in this data.</summary>
    internal static List<string[]> ReadCsv(string fileName)
    {
        using var stream = typeof(RegionSeeder).Assembly.GetManifestResourceStream($"Paritrana.Regions.{fileName}")
            ?? throw new InvalidOperationException($"Embedded region file {fileName} not found.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        _ = reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Any(c => c.Contains('"', StringComparison.Ordinal)))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{fileName}: quoted cells are not expected: {line}"));
            }

            rows.Add(cells);
        }

        return rows;
    }
}
