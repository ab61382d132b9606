using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Tests.Nominations;

public class NominationFiguresTests
{
    [Theory]
    [InlineData(60, 40, 100L, true)]
    [InlineData(60, 41, 100L, false)]
    [InlineData(null, 41, 100L, true)] // unknown part: the required rule speaks, not this one
    [InlineData(60, 41, null, true)]
    [InlineData(-1, 500, 100L, true)] // a negative part: the range rule speaks
    [InlineData(2_000_000_000, 2_000_000_000, 4_000_000_000L, true)] // no int overflow
    [InlineData(2_000_000_000, 2_000_000_000, 3_999_999_999L, false)]
    public void Two_parts_fit_their_whole(int? first, int? second, long? whole, bool fits) =>
        FigureRules.PartsFit(first, second, whole).ShouldBe(fits);

    [Theory]
    [InlineData(null, null, true, true)]
    [InlineData(5, null, false, true)]
    [InlineData(5, 5, true, true)]
    [InlineData(6, 5, true, false)]
    [InlineData(0, 0, true, true)]
    public void A_part_needs_its_whole_and_stays_within_it(int? part, int? whole, bool hasWhole, bool within)
    {
        FigureRules.PartHasWhole(part, whole).ShouldBe(hasWhole);
        FigureRules.PartWithinWhole(part, whole).ShouldBe(within);
    }

    [Fact]
    public void An_employers_changed_figures_are_applied_and_listed_for_the_audit_trail()
    {
        var n = new Nomination
        {
            ProvinceCode = "51", Workers = 100, ParticipantsPu = 50, Programs = Programs.Jkk, UsesSipp = null, CsrDescription = "lama",
            FiguresAsOf = new DateOnly(2025, 6, 30), NikValidatedPercent = 90.5m, Summary = "sama", WorkforceBps = 7,
        };
        var figures = new NominationFigures
        {
            IsGovernment = false, Workers = 120, ParticipantsPu = 50, Programs = Programs.Jkk | Programs.Jht, UsesSipp = true,
            CsrDescription = "  ", FiguresAsOf = new DateOnly(2025, 12, 31), NikValidatedPercent = 91.25m, Summary = " sama ",
            WorkforceBps = 9, CsrAmount = 1_250_000m,
        };

        figures.ApplyTo(n).ShouldBe(
        [
            "as of: 2025-06-30 -> 2025-12-31",
            "workers: 100 -> 120",
            "programs: JKK -> JKK|JHT",
            "uses SIPP: - -> yes",
            "NIK validated %: 90.5 -> 91.25",
            "CSR description changed",
            "CSR amount: - -> 1250000",
        ]);
        (n.Workers, n.Programs, n.UsesSipp, n.CsrDescription, n.Summary, n.CsrAmount).ShouldBe((120, Programs.Jkk | Programs.Jht, true, null, "sama", 1_250_000m));
        n.WorkforceBps.ShouldBe(7); // a government figure is not an employer's
    }

    [Fact]
    public void A_governments_figures_leave_the_employer_figures_alone()
    {
        var n = new Nomination { ProvinceCode = "51", Workers = 100, WorkforceBps = 1000, ProtectedPu = 10, Summary = null };
        var figures = new NominationFigures { IsGovernment = true, Workers = 5, WorkforceBps = 1200, ProtectedPu = 10, NonAsnWorkers = 3, Summary = "Baru" };

        figures.ApplyTo(n).ShouldBe(["workforce: 1000 -> 1200", "non-ASN workers: - -> 3", "summary changed"]);
        (n.Workers, n.WorkforceBps, n.NonAsnWorkers, n.Summary).ShouldBe((100, 1200L, 3, "Baru"));
    }

    [Fact]
    public void Unchanged_figures_list_nothing() =>
        new NominationFigures { Workers = 1, Summary = "" }.ApplyTo(new Nomination { ProvinceCode = "51", Workers = 1 }).ShouldBeEmpty();
}
