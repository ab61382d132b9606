using System.Text;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>The one CSV format of the exports (CsvHelper with the portal's options), byte for byte.</summary>
public class SpreadsheetCsvTests
{
    [Fact]
    public void Cells_that_a_spreadsheet_would_run_are_escaped_with_an_apostrophe_and_quoted_the_rest_as_rfc_4180_says()
    {
        var bytes = SpreadsheetCsv.ToBytes(
        [
            ["NPP", "Nama"],
            ["|cmd /c calc", "=1+2"],
            ["-5 %", "a;b"],
            ["+x", "@y"],
            ["\tz", "biasa"],
            ["kata \"kutip\"", null],
            ["baris\r\nkedua", "85,50"],
        ]);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "NPP;Nama\r\n" +
            "\"'|cmd /c calc\";\"'=1+2\"\r\n" +
            "\"'-5 %\";\"a;b\"\r\n" +
            "\"'+x\";\"'@y\"\r\n" +
            "\"'\tz\";biasa\r\n" +
            "\"kata \"\"kutip\"\"\";\r\n" +
            "\"baris\r\nkedua\";85,50\r\n");
    }

    [Fact]
    public void A_line_with_another_number_of_cells_than_the_header_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => SpreadsheetCsv.ToBytes([["a", "b"], ["c"]]));
    }
}
