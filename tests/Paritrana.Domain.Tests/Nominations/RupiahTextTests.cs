using System.Globalization;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Tests.Nominations;

public class RupiahTextTests
{
    private static readonly NumberFormatInfo Indonesian = CultureInfo.GetCultureInfo("id-ID").NumberFormat;
    private static readonly NumberFormatInfo English = CultureInfo.GetCultureInfo("en").NumberFormat;

    [Theory]
    [InlineData("1.250.000.000", "1250000000")]
    [InlineData("1250000000", "1250000000")]
    [InlineData("1250000000,50", "1250000000.50")]
    [InlineData("1.250.000.000,5", "1250000000.5")]
    [InlineData("Rp 1.250.000.000", "1250000000")]
    [InlineData("Rp1.250.000.000,00", "1250000000.00")]
    [InlineData("rp. 750.000", "750000")]
    [InlineData("  12.345  ", "12345")]
    [InlineData("0", "0")]
    [InlineData("999", "999")]
    [InlineData("9.999.999.999.999.999,99", "9999999999999999.99")]
    public void Indonesian_amounts_are_read_exactly(string text, string expected)
    {
        RupiahText.TryParse(text, Indonesian, out var amount).ShouldBeTrue();
        amount.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-5.000", "-5000")]
    [InlineData("Rp -5.000", "-5000")]
    [InlineData("-Rp 5.000,25", "-5000.25")]
    public void A_minus_sign_is_read_so_that_the_caller_can_refuse_it_by_name(string text, string expected)
    {
        RupiahText.TryParse(text, Indonesian, out var amount).ShouldBeTrue();
        amount.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Rp")]
    [InlineData("1,250,000")]          // English thousands: a comma takes at most two digits of sen
    [InlineData("1250000000.50")]      // English decimals: a dot is only a thousands separator
    [InlineData("12.5")]
    [InlineData("1.2345")]
    [InlineData("1234.567")]           // the first group has at most three digits
    [InlineData(".250")]
    [InlineData("1.250.")]
    [InlineData("1,")]
    [InlineData("1,505")]
    [InlineData("1,5,0")]
    [InlineData("1.250,00,1")]
    [InlineData("satu juta")]
    [InlineData("1 250 000")]
    [InlineData("1e9")]
    [InlineData("--5")]
    [InlineData("99999999999999999")] // 17 digits: beyond numeric(18,2)
    public void Anything_else_is_refused_rather_than_guessed(string? text)
    {
        RupiahText.TryParse(text, Indonesian, out var amount).ShouldBeFalse();
        amount.ShouldBe(0m);
    }

    [Theory]
    [InlineData("1250000000", "1.250.000.000", "Rp 1.250.000.000")]
    [InlineData("1250000000.00", "1.250.000.000", "Rp 1.250.000.000")]
    [InlineData("1250000000.5", "1.250.000.000,50", "Rp 1.250.000.000,50")]
    [InlineData("0", "0", "Rp 0")]
    public void Amounts_are_written_back_in_the_form_they_are_read(string value, string number, string display)
    {
        var amount = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        InCulture("id-ID", () =>
        {
            RupiahText.FormatNumber(amount).ShouldBe(number);
            RupiahText.Format(amount).ShouldBe(display);
            RupiahText.TryParse(RupiahText.FormatNumber(amount), out var back).ShouldBeTrue();
            back.ShouldBe(amount);
        });
    }

    [Theory]
    [InlineData("1,250,000,000", "1250000000")]
    [InlineData("1250000000.50", "1250000000.50")]
    [InlineData("Rp 1,250,000,000.5", "1250000000.5")]
    [InlineData("-Rp 5,000.25", "-5000.25")]
    [InlineData("999", "999")]
    public void English_amounts_are_read_exactly_in_English(string text, string expected)
    {
        RupiahText.TryParse(text, English, out var amount).ShouldBeTrue();
        amount.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.250.000")]   // Indonesian thousands: a point takes at most two digits of cents in English
    [InlineData("1250000,50")]  // Indonesian sen
    [InlineData("1,2345")]
    [InlineData("12,5")]
    [InlineData("1.505")]
    public void Indonesian_amounts_are_refused_in_English_rather_than_misread(string text)
    {
        RupiahText.TryParse(text, English, out var amount).ShouldBeFalse();
        amount.ShouldBe(0m);
    }

    [Theory]
    [InlineData("1250000000.5", "1,250,000,000.50", "Rp 1,250,000,000.50")]
    [InlineData("1027000", "1,027,000", "Rp 1,027,000")]
    public void English_amounts_are_written_back_in_the_form_they_are_read(string value, string number, string display)
    {
        var amount = decimal.Parse(value, CultureInfo.InvariantCulture);
        InCulture("en", () =>
        {
            RupiahText.FormatNumber(amount).ShouldBe(number);
            RupiahText.Format(amount).ShouldBe(display);
            RupiahText.TryParse(RupiahText.FormatNumber(amount), out var back).ShouldBeTrue();
            back.ShouldBe(amount);
        });
    }

    private static void InCulture(string name, Action action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
