using Paritrana.Web.Features.Participation;

namespace Paritrana.Web.Pages.Participation;

/// <summary>
/// The CSV export of a coverage page (<see cref="SpreadsheetCsv"/>): the area's total and each of its
/// parts (regencies of a province, provinces of the country) at every period, with the figures and
/// the three ratios, from the same report the page shows, so it holds exactly what the page's
/// reader may see. Columns named as in the regional import (docs/import-format.md).
/// </summary>
public static class CoverageCsv
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly string[] Header =
    [
        "kode_wilayah", "nama_wilayah", "periode", "pekerja_formal", "pekerja_informal", "peserta_pu", "peserta_bpu",
        "pemberi_kerja_aktif", "desa_sadar", "cakupan_semua", "cakupan_formal", "cakupan_informal",
    ];

    public static FileContentResult File(AreaReport report, string areaCode, string areaName, string fileName)
    {
        var names = report.Parts.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var lines = new List<IEnumerable<string?>> { Header };
        lines.AddRange(report.Trend.Select(p => Line(areaCode, areaName, p.Period, p.Figures)));
        lines.AddRange(report.PartTrends.Select(p => Line(p.Code, names.GetValueOrDefault(p.Code, p.Code), p.Period, p.Figures)));
        return new FileContentResult(SpreadsheetCsv.ToBytes(lines), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    private static string?[] Line(string code, string name, DateOnly period, AreaFigures f) =>
    [
        code, name, period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        N(f.FormalWorkers), N(f.InformalWorkers), N(f.ParticipantsPu), N(f.ParticipantsBpu), N(f.ActiveEmployers),
        f.AwareVillages is long v ? N(v) : "",
        P(f.AllCoverage), P(f.FormalCoverage), P(f.InformalCoverage),
    ];

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string P(decimal? p) => p?.ToString("0.00", Indonesian) ?? "";
}
