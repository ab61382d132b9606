namespace Paritrana.Web.Pages.Employers;

/// <summary>
/// The CSV export of candidate discovery, in the spreadsheet format of every export
/// (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, semicolons, CRLF, formula cells escaped); decimals
/// with a comma, dates as yyyy-MM-dd.
/// </summary>
public static class EmployerCsv
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Streams the rows to <paramref name="body"/> one line at a time; the list is never held in memory.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<EmployerDiscovery.Row> rows, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        await using var csv = SpreadsheetCsv.Open(body);
        await csv.WriteRecordAsync(Header(l), ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(Line(row, l), ct);
        }
    }

    private static string[] Header(IStringLocalizer<SharedResource> l) =>
    [
        l["NPP"].Value, l["Nama"].Value, l["Kabupaten/kota"].Value, l["Kantor cabang"].Value, l["Skala"].Value, l["Sektor"].Value,
        l["Jumlah pekerja"].Value, l["Peserta PU"].Value, l["Peserta BPU"].Value, l["Cakupan (%)"].Value, l["Program"].Value,
        l["Tunggakan (bulan)"].Value, l["Per tanggal"].Value,
    ];

    private static string?[] Line(EmployerDiscovery.Row r, IStringLocalizer<SharedResource> l) =>
    [
        r.Npp,
        r.Name,
        r.RegencyName,
        r.BranchName,
        r.Size is null ? null : l[NominationNames.SizeClass(r.Size)].Value,
        r.Sector,
        Number(r.Workers),
        Number(r.ParticipantsPu),
        Number(r.ParticipantsBpu),
        r.Coverage?.ToString("0.00", Indonesian),
        ProgramCodes.Format(r.Programs, " "),
        Number(r.ArrearsMonths),
        r.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string FileName(DateOnly day) => $"calon-pemberi-kerja-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
