using Paritrana.Web.Features.Imports;

namespace Paritrana.Web.Tests.Imports;

/// <summary>The import's texts shown on its pages: the size limit and the uploaded file's name.</summary>
public class ImportNamesTests
{
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
