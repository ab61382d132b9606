using Paritrana.Domain.Imports;
using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// The import's reasons exist twice: in the domain (command line, documentation) and in the web
/// app's lookup table that the translation scan reads. They must be the same texts.
/// </summary>
public class ImportNamesTests
{
    [Fact]
    public void Every_error_reason_of_the_web_app_is_the_domains_text()
    {
        foreach (var code in ImportMessages.AllCodes)
        {
            ImportNames.Error(code).ShouldBe(ImportMessages.Template(code), code.ToString());
        }
    }

    [Theory]
    [InlineData(50L * 1024 * 1024, "50 MB")]
    [InlineData(2048L, "2 KB")]
    [InlineData(1536L * 1024, "1,5 MB")]
    public void The_size_limit_reads_in_megabytes_or_kilobytes(long bytes, string expected)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        try
        {
            ImportOptions.FormatSize(bytes).ShouldBe(expected);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("data.csv", "data.csv")]
    [InlineData("C:\\Users\\petugas\\Desktop\\data bali.csv", "data bali.csv")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("  ", "berkas.csv")]
    [InlineData("a\u0000b.csv", "ab.csv")]
    public void The_shown_file_name_is_the_last_segment_without_control_characters(string given, string expected) =>
        ImportService.SafeFileName(given).ShouldBe(expected);
}
