using CsvHelper;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// CSV for Indonesian Excel, written by CsvHelper (every export goes through here): UTF-8 with a
/// byte-order mark (without it Excel reads the file as ANSI), semicolons between cells (Indonesian
/// Excel uses the comma as its decimal separator), CRLF line ends, a cell quoted when it holds a
/// semicolon, a quote or a line break. A text cell that a spreadsheet would run as a formula or a
/// DDE command (starting with = + - @ | tab or carriage return) is prefixed with an apostrophe and
/// quoted (CSV injection, <see cref="CsvInjection.Escape"/>). Figures are formatted by the caller
/// (decimals with a comma, dates as yyyy-MM-dd) and none is negative; every line has as many cells
/// as the header (CsvHelper checks it).
/// </summary>
public static class SpreadsheetCsv
{
    public static CsvWriterOptions Options { get; } = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@|\t\r",
        InjectionEscape = '\'',
    };

    /// <summary>A writer on <paramref name="body"/> (a response body: write with the async methods; dispose with <c>await using</c>).</summary>
    public static CsvWriter Open(Stream body) => CsvWriter.Create(body, Options, leaveOpen: true);

    /// <summary>The whole file of <paramref name="lines"/>, for exports small enough to hold (a province's rankings and scores).</summary>
    public static byte[] ToBytes(IEnumerable<IEnumerable<string?>> lines)
    {
        using var buffer = new MemoryStream();
        using (var csv = Open(buffer))
        {
            foreach (var line in lines)
            {
                csv.WriteRecord(line.ToArray());
            }
        }

        return buffer.ToArray();
    }
}
