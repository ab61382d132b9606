using System.Text;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The sectors of candidate discovery's filter (issue 15 saw near-duplicates: "Perdagangan" beside
/// "Perdagangan besar dan eceran" once the sample file was imported into the demo): the demo's
/// employers and the sample import file use one name per sector, the KBLI section's.
/// </summary>
public class DemoSectorTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_demo_and_the_sample_file_name_each_sector_once()
    {
        var demo = (await DemoSql.RowsAsync(portal.Database, "SELECT DISTINCT sector FROM organisations WHERE sector IS NOT NULL AND sector <> '' ORDER BY 1"))
            .Select(r => (string)r[0]).ToList();
        demo.ShouldBe(
        [
            "Industri pengolahan", "Informasi dan komunikasi", "Jasa kesehatan dan kegiatan sosial", "Jasa keuangan dan asuransi", "Jasa lainnya",
            "Konstruksi", "Penyediaan akomodasi dan makan minum", "Perdagangan besar dan eceran", "Pertanian, kehutanan dan perikanan",
            "Transportasi dan pergudangan",
        ]);

        var sample = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "samples", "employers-sample.csv"), Encoding.UTF8).Skip(1)
            .Select(SectorOf).Distinct().Order(StringComparer.Ordinal).ToList();
        sample.Where(s => !demo.Contains(s)).ShouldBeEmpty();
    }

    /// <summary>The sixth cell of a line of the sample (commas between cells; a quoted cell may hold commas).</summary>
    private static string SectorOf(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells[5];
    }
}
