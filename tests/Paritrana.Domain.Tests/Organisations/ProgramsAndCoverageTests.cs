using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Tests.Organisations;

public class ProgramsAndCoverageTests
{
    [Theory]
    [InlineData("JKK|JKM|JHT", Programs.Jkk | Programs.Jkm | Programs.Jht)]
    [InlineData("jkk, jht ,JP", Programs.Jkk | Programs.Jht | Programs.Jp)]
    [InlineData("JKK JKM JHT JP JKP", Programs.All)]
    [InlineData("", Programs.None)]
    [InlineData(null, Programs.None)]
    public void Program_lists_parse_with_any_separator(string? text, Programs expected)
    {
        ProgramCodes.Parse(text, out var unknown).ShouldBe(expected);
        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_program_codes_are_reported()
    {
        ProgramCodes.Parse("JKK|JKN|XYZ", out var unknown).ShouldBe(Programs.Jkk);
        unknown.ShouldBe(["JKN", "XYZ"]);
    }

    [Fact]
    public void Programs_format_in_the_fixed_order() =>
        ProgramCodes.Format(Programs.Jp | Programs.Jkk | Programs.Jkp).ShouldBe("JKK, JP, JKP");

    [Theory]
    [InlineData(1027, 2606, 39.41)]   // Bali, December 2023: 1.027 million of a 2.606 million workforce
    [InlineData(59, 100, 59.00)]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(1, 8, 12.50)]         // exact half stays
    [InlineData(1, 200000, 0.00)]
    public void Coverage_is_a_percentage_rounded_to_two_decimals(long participants, long workers, double expected) =>
        Coverage.Percentage(participants, workers).ShouldBe((decimal)expected);

    [Fact]
    public void Coverage_of_an_unknown_or_empty_workforce_is_unknown()
    {
        Coverage.Percentage(10, 0).ShouldBeNull();
        Coverage.Percentage(10, null).ShouldBeNull();
        Coverage.Percentage(null, 10).ShouldBeNull();
    }
}
