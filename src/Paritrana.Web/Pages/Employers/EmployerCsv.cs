using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Pages.Employers;

/// <summary>
/// The CSV export of candidate discovery, written for Indonesian Excel: UTF-8 with a byte-order
/// mark (without it Excel reads the file as ANSI), semicolons between cells (Indonesian Excel uses
/// the comma as its decimal separator), decimals with a comma, dates as yyyy-MM-dd, CRLF line ends.
/// Text cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) are prefixed
/// with an apostrophe (CSV injection).
/// </summary>
public static class EmployerCsv
{
    public const char Separator = ';';

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Streams the rows to <paramref name="body"/> one line at a time; the list is never held in memory.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<EmployerDiscovery.Row> rows, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        await body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header(l));
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line(row, l));
        }

        await writer.FlushAsync(ct);
    }

    public static string Header(IStringLocalizer<SharedResource> l) => string.Join(Separator,
        new[]
        {
            l["NPP"].Value, l["Nama"].Value, l["Kabupaten/kota"].Value, l["Kantor cabang"].Value, l["Skala"].Value, l["Sektor"].Value,
            l["Jumlah pekerja"].Value, l["Peserta PU"].Value, l["Peserta BPU"].Value, l["Cakupan (%)"].Value, l["Program"].Value,
            l["Tunggakan (bulan)"].Value, l["Per tanggal"].Value,
        }.Select(Text));

    public static string Line(EmployerDiscovery.Row r, IStringLocalizer<SharedResource> l) => string.Join(Separator,
        Text(r.Npp),
        Text(r.Name),
        Text(r.RegencyName),
        Text(r.BranchName),
        r.Size is null ? "" : Text(l[NominationNames.SizeClass(r.Size)].Value),
        Text(r.Sector),
        Number(r.Workers),
        Number(r.ParticipantsPu),
        Number(r.ParticipantsBpu),
        r.Coverage?.ToString("0.00", Indonesian) ?? "",
        Text(ProgramCodes.Format(r.Programs, " ")),
        Number(r.ArrearsMonths),
        r.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");

    /// <summary>One text cell: guarded against formulas, quoted when it holds a separator, a quote or a line break.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string FileName(DateOnly day) => $"calon-pemberi-kerja-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
