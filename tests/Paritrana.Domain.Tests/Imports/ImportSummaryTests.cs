using Paritrana.Domain.Imports;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Tests.Imports;

public class ImportSummaryTests
{
    private static EmployerRowResult Valid(int line) =>
        new(line, new EmployerRow(line, $"N{line}", "PT Uji", "51.71", 1, SizeClass.Small, null, 10, 5, 0, Programs.Jkk, 0, new DateOnly(2025, 12, 31)), []);

    private static EmployerRowResult Invalid(int line, int errors = 1) =>
        new(line, null, Enumerable.Range(0, errors).Select(_ => new ImportError(line, "npp", ImportErrorCode.Required, [])).ToList());

    [Fact]
    public void Rows_are_counted_and_the_first_valid_rows_kept_as_a_sample()
    {
        var summary = ImportSummary.Of([Valid(2), Invalid(3, errors: 2), Valid(4), Valid(5)], errorLimit: 10, sampleSize: 2);

        (summary.TotalRows, summary.ValidRows, summary.InvalidRows, summary.ErrorCount).ShouldBe((4, 3, 1, 2));
        summary.Sample.Select(r => r.Line).ShouldBe([2, 4]);
        summary.Errors.Select(e => e.Line).ShouldBe([3, 3]);
        summary.ErrorsTruncated.ShouldBeFalse();
    }

    [Fact]
    public void Errors_beyond_the_limit_are_counted_but_not_kept()
    {
        var summary = ImportSummary.Of(Enumerable.Range(2, 700).Select(l => Invalid(l)));

        summary.ErrorCount.ShouldBe(700);
        summary.Errors.Count.ShouldBe(500);
        summary.Errors[^1].Line.ShouldBe(501);
        summary.ErrorsTruncated.ShouldBeTrue();
    }

    [Fact]
    public void Rejecting_valid_rows_after_the_pass_moves_them_to_the_invalid_rows_in_line_order()
    {
        var summary = ImportSummary.Of([Valid(2), Invalid(3), Valid(4), Valid(5)]);

        summary.Reject([new ImportError(4, "npp", ImportErrorCode.NppOfAnotherArea, ["N4", "51.04"]), new ImportError(2, "npp", ImportErrorCode.NppOfAnotherArea, ["N2", "51.04"])]);

        (summary.TotalRows, summary.ValidRows, summary.InvalidRows, summary.ErrorCount).ShouldBe((4, 1, 3, 3));
        summary.Errors.Select(e => e.Line).ShouldBe([2, 3, 4]);
        summary.Errors[0].Message.ShouldBe("NPP N2 sudah terdaftar untuk pemberi kerja di wilayah 51.04, di luar wilayah kantor cabang Anda.");
        summary.Sample.Select(r => r.Line).ShouldBe([5]);
    }
}
