using Paritrana.Web.Features.Participation;

namespace Paritrana.Web.Pages.Participation;

/// <summary>
/// The CSV exports of a coverage page (<see cref="SpreadsheetCsv"/>), from the same report the page
/// shows, so they hold exactly what the page's reader may see. <see cref="File"/>: the area's total
/// and each of its parts (regencies of a province, provinces of the country) at every period, with
/// the figures, the three ratios and how many of its regencies and cities reported; columns named
/// as in the regional import (docs/import-format.md). <see cref="EmployersFile"/>: the area's
/// employers by size class and in all, with those enrolled in all five programmes and those in
/// arrears, as the page's employer section.
/// </summary>
public static class CoverageCsv
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly string[] Header =
    [
        "kode_wilayah", "nama_wilayah", "periode", "pekerja_formal", "pekerja_informal", "peserta_pu", "peserta_bpu",
        "pemberi_kerja_aktif", "desa_sadar", "cakupan_semua", "cakupan_formal", "cakupan_informal",
        "kabupaten_kota_melapor", "kabupaten_kota_wilayah",
    ];

    public static readonly string[] EmployersHeader =
    [
        "kode_wilayah", "nama_wilayah", "skala", "pemberi_kerja", "dengan_data_kepesertaan", "ikut_lima_program",
        "persen_ikut_lima_program", "menunggak", "persen_menunggak",
    ];

    public static FileContentResult File(AreaReport report, string areaCode, string areaName, string fileName)
    {
        var names = report.Parts.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var lines = new List<IEnumerable<string?>> { Header };
        lines.AddRange(report.Trend.Select(p => Line(areaCode, areaName, p.Period, p.Figures, p.Completeness)));
        lines.AddRange(report.PartTrends.Select(p => Line(p.Code, names.GetValueOrDefault(p.Code, p.Code), p.Period, p.Figures, p.Completeness)));
        return new FileContentResult(SpreadsheetCsv.ToBytes(lines), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    /// <summary>The employers' file: a line per size class (as the page's chart) and one for all ("Semua", the page's cards).</summary>
    public static FileContentResult EmployersFile(EmployerSummary employers, string areaCode, string areaName, string fileName)
    {
        var lines = new List<IEnumerable<string?>> { EmployersHeader };
        lines.AddRange(employers.BySize.Select(s => EmployerLine(areaCode, areaName, NominationNames.SizeClass(s.Size), s.Employers, s.WithFigures, s.AllFive, s.InArrears)));
        lines.Add(EmployerLine(areaCode, areaName, "Semua", employers.Employers, employers.WithFigures, employers.AllFive, employers.InArrears));
        return new FileContentResult(SpreadsheetCsv.ToBytes(lines), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    private static string?[] EmployerLine(string code, string name, string size, long employers, long withFigures, long allFive, long inArrears) =>
    [
        code, name, size, N(employers), N(withFigures), N(allFive), P(Domain.Organisations.Coverage.Percentage(allFive, withFigures)),
        N(inArrears), P(Domain.Organisations.Coverage.Percentage(inArrears, withFigures)),
    ];

    private static string?[] Line(string code, string name, DateOnly period, AreaFigures f, Completeness? c) =>
    [
        code, name, period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        N(f.FormalWorkers), N(f.InformalWorkers), N(f.ParticipantsPu), N(f.ParticipantsBpu), N(f.ActiveEmployers),
        f.AwareVillages is long v ? N(v) : "",
        P(f.AllCoverage), P(f.FormalCoverage), P(f.InformalCoverage),
        c is null ? "" : N(c.Reporting), c is null ? "" : N(c.Expected),
    ];

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string P(decimal? p) => p?.ToString("0.00", Indonesian) ?? "";
}
