using Paritrana.Web.Features.National;
using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// The country overview as CSV (<see cref="SpreadsheetCsv"/>): a line per province and category,
/// then one per category for the whole country (province code <c>ID</c>), each with the province's
/// stage today, the nominations in every status (the national outcome among them: pemenang,
/// bukan_pemenang), in all, late, the most days a stage holding them has been over, and forwarded
/// (decided at the national level or not). Column names Indonesian, as the portal's other exports;
/// statuses in their order (<see cref="NominationStatus"/>).
/// </summary>
public static class CountryCsv
{
    private static readonly NominationStatus[] Statuses = Enum.GetValues<NominationStatus>();

    public static string[] Header { get; } =
    [
        "kode_provinsi", "provinsi", "kode_kategori", "kategori", "tahap_saat_ini",
        .. Statuses.Select(Column),
        "jumlah", "terlambat", "hari_terlambat", "jumlah_diteruskan",
    ];

    public static FileContentResult File(CountryReport report, IStringLocalizer l, string fileName)
    {
        var lines = new List<IEnumerable<string?>> { Header };
        foreach (var p in report.Provinces)
        {
            var stage = string.Join("; ", StageTexts.Describe(p.Position, report.Year, l));
            lines.AddRange(p.Categories.Select(c => Line(p.Code, p.Name, c, stage)));
        }

        lines.AddRange(report.National.Select(c => Line("ID", "Indonesia", c, "")));
        return new FileContentResult(SpreadsheetCsv.ToBytes(lines), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    /// <summary>A status's column: its Indonesian name in lower case with underscores ("tidak_masuk_finalis").</summary>
    public static string Column(NominationStatus status) =>
        NominationNames.Status(status).ToLowerInvariant().Replace(' ', '_');

    private static string?[] Line(string code, string name, CountryCategory c, string stage) =>
    [
        code, name, c.Category.Code, c.Category.Name, stage,
        .. Statuses.Select(s => N(c.Counts.Of(s))),
        N(c.Counts.Total), N(c.Counts.Late), c.Counts.DaysLate is int d ? N(d) : "", N(c.Counts.Forwarded),
    ];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
