using System.Text;
using Paritrana.Domain.Imports;

namespace Paritrana.Domain.Tests.Imports;

/// <summary>
/// The regional coverage extract: its layout (separators, byte order mark, column order and case,
/// thousands dots, an empty desa_sadar), every error with its line and column and exact reason,
/// and the 100 % / 110 % rule at its boundaries.
/// </summary>
public class RegionalFileReaderTests
{
    private const string Header = "kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar";

    private static readonly DateOnly Today = new(2026, 11, 21);

    private static ImportReference Reference(IEnumerable<string>? allowed = null) => new(
        ["51.01", "51.02", "51.03", "51.04", "51.05", "51.06", "51.07", "51.08", "51.71", "33.74"],
        [],
        allowed,
        Today);

    private static List<RegionalRowResult> Read(string text, ImportReference? reference = null) =>
        new RegionalFileReader(reference ?? Reference()).Read(new StringReader(text)).ToList();

    private static List<RegionalRowResult> ReadBytes(byte[] bytes) =>
        new RegionalFileReader(Reference()).Read(new MemoryStream(bytes)).ToList();

    private static ImportError Single(string row)
    {
        var result = Read(Header + "\n" + row + "\n").ShouldHaveSingleItem();
        result.Row.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_comma_file_gives_its_rows_with_thousands_dots_read_as_whole_numbers()
    {
        var rows = Read(Header + "\n51.71,2023-12,210.300,160.500,162.000,40.100,9.850,6\n51.03,2023-12,215000,150000,150000,38000,8200,\n");

        rows.Count.ShouldBe(2);
        rows[0].Row.ShouldBe(new RegionalRow(2, "51.71", new DateOnly(2023, 12, 1), 210_300, 160_500, 162_000, 40_100, 9_850, 6));
        rows[1].Row.ShouldBe(new RegionalRow(3, "51.03", new DateOnly(2023, 12, 1), 215_000, 150_000, 150_000, 38_000, 8_200, null));
        rows.ShouldAllBe(r => r.Errors.Count == 0 && r.Warnings.Count == 0);
    }

    [Fact]
    public void A_semicolon_file_with_a_byte_order_mark_and_columns_in_another_order_and_case_reads_the_same()
    {
        var text = "\uFEFFDESA_SADAR;Peserta_BPU;periode;Kode_Wilayah;PEKERJA_INFORMAL;peserta_pu;pemberi_kerja_aktif;Pekerja_Formal\r\n" +
                   "6;40.100;2023-12;51.71;160.500;162.000;9.850;210.300\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        ReadBytes(bytes).ShouldHaveSingleItem().Row.ShouldBe(new RegionalRow(2, "51.71", new DateOnly(2023, 12, 1), 210_300, 160_500, 162_000, 40_100, 9_850, 6));
    }

    [Fact]
    public void A_missing_column_refuses_the_file_and_names_it()
    {
        var error = Should.Throw<ImportFileException>(() => Read("kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif\n51.71,2023-12,1,1,1,1,1\n")).Error;
        error.Code.ShouldBe(ImportErrorCode.MissingColumns);
        error.Message.ShouldBe("Kolom wajib tidak ada di baris judul: desa_sadar.");
    }

    [Theory]
    [InlineData("51,2023-12,10,10,5,5,1,", "kode_wilayah", "Kode wilayah 51 tidak dikenal.")]
    [InlineData(",2023-12,10,10,5,5,1,", "kode_wilayah", "Wajib diisi.")]
    [InlineData("51.71,2023-13,10,10,5,5,1,", "periode", "Periode 2023-13 tidak sah; tulis TTTT-BB, misalnya 2023-12.")]
    [InlineData("51.71,12/2023,10,10,5,5,1,", "periode", "Periode 12/2023 tidak sah; tulis TTTT-BB, misalnya 2023-12.")]
    [InlineData("51.71,2026-12,10,10,5,5,1,", "periode", "Periode 2026-12 belum terjadi.")]
    [InlineData("51.71,1999-12,10,10,5,5,1,", "periode", "Periode 1999-12 sebelum tahun 2000.")]
    [InlineData("51.71,2023-12,1.5,10,0,5,1,", "pekerja_formal", "1.5 bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).")]
    [InlineData("51.71,2023-12,10,-3,5,0,1,", "pekerja_informal", "Tidak boleh negatif: -3.")]
    [InlineData("51.71,2023-12,10,10,,5,1,", "peserta_pu", "Wajib diisi.")]
    [InlineData("51.71,2023-12,10,10,5,5,1,x", "desa_sadar", "x bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).")]
    [InlineData("51.71,2023-12,10,10,5,5,9.999.999.999,", "pemberi_kerja_aktif", "Bilangan 9.999.999.999 terlalu besar.")]
    public void Each_bad_cell_is_an_error_on_its_line_and_column(string row, string column, string message)
    {
        var error = Single(row);
        error.Line.ShouldBe(2);
        error.Column.ShouldBe(column);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void A_row_with_too_few_cells_is_one_error_of_the_whole_line()
    {
        var error = Single("51.71,2023-12,10,10,5,5,1");
        error.Column.ShouldBeNull();
        error.Message.ShouldBe("Baris ini berisi 7 sel, padahal baris judul berisi 8 kolom.");
    }

    [Fact]
    public void The_same_regency_and_period_twice_is_an_error_on_the_second_line_naming_the_first()
    {
        var rows = Read(Header + "\n51.71,2023-12,10,10,5,5,1,\n51.03,2023-12,10,10,5,5,1,\n\n51.71,2023-12,11,10,5,5,1,\n51.71,2023-11,10,10,5,5,1,\n");

        rows.Count.ShouldBe(4);
        rows.Select(r => r.IsValidRow()).ShouldBe([true, true, false, true]);
        var error = rows[2].Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Message).ShouldBe((5, "periode", "Wilayah 51.71 dengan periode 2023-12 sudah ada di baris 2."));
    }

    [Fact]
    public void A_code_outside_the_officers_area_is_an_error_on_its_line()
    {
        var denpasar = Reference(["51.71", "51.03", "51.02", "51.01", "51.08"]);
        var rows = Read(Header + "\n51.71,2023-12,10,10,5,5,1,\n51.04,2023-12,10,10,5,5,1,\n", denpasar);

        rows[0].Row.ShouldNotBeNull();
        var error = rows[1].Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Message).ShouldBe((3, "kode_wilayah", "Wilayah 51.04 berada di luar wilayah kantor cabang Anda."));
    }

    // PU against 1.000 formal workers, BPU against 2.000 informal workers: 100 % is 1.000 and 2.000,
    // 110 % is 1.100 and 2.200.
    [Theory]
    [InlineData(1_000, 2_000, null, null)]
    [InlineData(1_001, 2_000, "peserta_pu (1.001) melebihi pekerja_formal (1.000): 100,10 %. Periksa angkanya sebelum mengimpor.", null)]
    [InlineData(1_100, 2_000, "peserta_pu (1.100) melebihi pekerja_formal (1.000): 110,00 %. Periksa angkanya sebelum mengimpor.", null)]
    [InlineData(1_101, 2_000, null, "peserta_pu (1.101) melebihi pekerja_formal (1.000) lebih dari 10 %: 110,10 %.")]
    [InlineData(1_000, 2_200, "peserta_bpu (2.200) melebihi pekerja_informal (2.000): 110,00 %. Periksa angkanya sebelum mengimpor.", null)]
    [InlineData(1_000, 2_201, null, "peserta_bpu (2.201) melebihi pekerja_informal (2.000) lebih dari 10 %: 110,05 %.")]
    public void Participants_above_their_population_warn_up_to_110_percent_and_are_refused_beyond(int pu, int bpu, string? warning, string? error)
    {
        var result = Read($"{Header}\n51.71,2023-12,1.000,2.000,{pu},{bpu},1,\n").ShouldHaveSingleItem();

        if (error is null)
        {
            result.Row.ShouldNotBeNull();
            result.Warnings.Select(w => w.Message).ShouldBe(warning is null ? [] : [warning]);
            result.Warnings.ShouldAllBe(w => w.Line == 2 && w.Column == (pu > 1_000 ? "peserta_pu" : "peserta_bpu"));
        }
        else
        {
            result.Row.ShouldBeNull();
            var e = result.Errors.ShouldHaveSingleItem();
            (e.Line, e.Column, e.Message).ShouldBe((2, pu > 1_100 ? "peserta_pu" : "peserta_bpu", error));
        }
    }

    [Fact]
    public void Participants_where_no_population_is_counted_are_refused()
    {
        var error = Single("51.71,2023-12,0,10,1,0,1,");
        (error.Column, error.Message).ShouldBe(("peserta_pu", "peserta_pu (1) melebihi pekerja_formal (0) lebih dari 10 %: ∞ %."));
        Read(Header + "\n51.71,2023-12,0,10,0,0,0,0\n").ShouldHaveSingleItem().Row.ShouldNotBeNull();
    }

    [Fact]
    public void Every_error_of_a_row_is_reported_not_only_the_first()
    {
        var result = Read(Header + "\n99.99,2023-1,abc,10,5,50,1,\n").ShouldHaveSingleItem();
        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(2, "kode_wilayah"), (2, "periode"), (2, "pekerja_formal"), (2, "peserta_bpu")]);
    }

    [Fact]
    public void The_summary_counts_rows_errors_and_warnings()
    {
        var summary = new ImportSummary<RegionalRow>();
        foreach (var r in Read(Header + "\n51.71,2023-12,1.000,2.000,1.050,0,1,\n51.03,2023-12,10,10,50,0,1,\n51.04,2023-12,10,10,5,5,1,3\n"))
        {
            summary.Add(r.Row, r.Errors, r.Warnings);
        }

        (summary.TotalRows, summary.ValidRows, summary.InvalidRows, summary.ErrorCount, summary.WarningCount).ShouldBe((3, 2, 1, 1, 1));
        summary.Sample.Select(s => s.RegencyCode).ShouldBe(["51.71", "51.04"]);
        summary.Warnings.ShouldHaveSingleItem().Line.ShouldBe(2);
    }
}

internal static class RegionalRowResultExtensions
{
    public static bool IsValidRow(this RegionalRowResult result) => result.Row is not null;
}
