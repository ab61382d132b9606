using System.Globalization;
using Paritrana.Domain.Input;

namespace Paritrana.Domain.Tests.Input;

public class NumberTextTests
{
    private static readonly NumberFormatInfo Indonesian = CultureInfo.GetCultureInfo("id-ID").NumberFormat;
    private static readonly NumberFormatInfo English = CultureInfo.GetCultureInfo("en").NumberFormat;

    [Theory]
    [InlineData("id-ID", "1.027.000", "1027000")]
    [InlineData("id-ID", "1027000", "1027000")]
    [InlineData("id-ID", "39,41", "39.41")]
    [InlineData("id-ID", "39.41", "39.41")]      // a browser's number field: the point cannot be a thousands separator
    [InlineData("id-ID", "1.027", "1027")]       // it can: a thousand and twenty-seven
    [InlineData("id-ID", "1.234.567,891", "1234567.891")]
    [InlineData("id-ID", "-12,5", "-12.5")]
    [InlineData("en", "1,027,000", "1027000")]
    [InlineData("en", "39.41", "39.41")]
    [InlineData("en", "1,234,567.891", "1234567.891")]
    [InlineData("en", " 7 ", "7")]
    public void A_number_is_read_exactly_in_the_culture_of_its_form(string culture, string text, string expected)
    {
        NumberText.TryParse(text, CultureInfo.GetCultureInfo(culture).NumberFormat, groups: true, fraction: true, out var value).ShouldBeTrue();
        value.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("en", "39,41")]       // an Indonesian decimal in English: not 3941
    [InlineData("en", "1.027.000")]
    [InlineData("id-ID", "1,027,000")]
    [InlineData("id-ID", "1.027.00")]
    [InlineData("id-ID", "12.34.567")]
    [InlineData("en", "1,0,0")]
    [InlineData("en", "")]
    [InlineData("en", "abc")]
    [InlineData("en", "1e3")]
    [InlineData("en", "99999999999999999999999999999999")]
    public void A_number_written_otherwise_is_refused(string culture, string text)
    {
        NumberText.TryParse(text, CultureInfo.GetCultureInfo(culture).NumberFormat, groups: true, fraction: true, out var value).ShouldBeFalse();
        value.ShouldBe(0m);
    }

    [Fact]
    public void A_whole_number_has_no_decimal_part_and_plain_digits_where_groups_are_not_allowed()
    {
        NumberText.TryParse("1,027", English, groups: true, fraction: false, out var thousand).ShouldBeTrue();
        thousand.ShouldBe(1027m);
        NumberText.TryParse("1.000", English, groups: true, fraction: false, out _).ShouldBeFalse();
        NumberText.TryParse("2.500", Indonesian, groups: true, fraction: false, out var grouped).ShouldBeTrue();
        grouped.ShouldBe(2500m);
        NumberText.TryParse("1,5", Indonesian, groups: true, fraction: false, out _).ShouldBeFalse();
        NumberText.TryParse("1.5", Indonesian, groups: true, fraction: false, out _).ShouldBeFalse();
        NumberText.TryParse("1,027", English, groups: false, fraction: false, out _).ShouldBeFalse();
    }
}
