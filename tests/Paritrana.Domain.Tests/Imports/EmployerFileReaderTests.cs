using System.Text;
using Paritrana.Domain.Imports;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Tests.Imports;

/// <summary>
/// The employer file: its header, every cell format and every class of bad row, with the exact
/// Indonesian reason, the physical line and the column of each error.
/// </summary>
public class EmployerFileReaderTests
{
    private const string Header = "npp,nama,kode_wilayah,kantor_cabang,skala,sektor,jumlah_pekerja,peserta_pu,peserta_bpu,program,tunggakan_bulan,per_tanggal";
    private const string BpdBali = "10000001,PT Bank Pembangunan Daerah Bali,51.71,Kantor Cabang Denpasar,Besar,Jasa keuangan,1.234,1.200,0,JKK|JKM|JHT|JP|JKP,0,2025-12-31";
    private const string KapitMas = "10000002,KAPIT MAS,51.04,Kantor Cabang Gianyar,Menengah,Kerajinan,150,120,10,\"JKK, JKM, JHT\",1,31/12/2025";

    private static readonly DateOnly Today = new(2026, 11, 21);

    private static ImportReference Reference(IEnumerable<string>? allowed = null) => new(
        ["51.01", "51.02", "51.03", "51.04", "51.05", "51.06", "51.07", "51.08", "51.71", "33.74", "33.22"],
        [
            new ImportReference.Branch(1, "Kantor Cabang Denpasar", new HashSet<string> { "51.71", "51.03", "51.02", "51.01", "51.08" }),
            new ImportReference.Branch(2, "Kantor Cabang Gianyar", new HashSet<string> { "51.04", "51.05", "51.06", "51.07" }),
            new ImportReference.Branch(3, "Kantor Cabang Semarang Pemuda", new HashSet<string> { "33.74", "33.22" }),
        ],
        allowed,
        Today);

    /// <summary>The Denpasar branch officer's scope.</summary>
    private static ImportReference DenpasarOfficer() => Reference(["51.71", "51.03", "51.02", "51.01", "51.08"]);

    private static List<EmployerRowResult> Read(string text, ImportReference? reference = null) =>
        new EmployerFileReader(reference ?? Reference()).Read(new StringReader(text)).ToList();

    private static List<EmployerRowResult> ReadBytes(byte[] bytes, ImportReference? reference = null) =>
        new EmployerFileReader(reference ?? Reference()).Read(new MemoryStream(bytes)).ToList();

    private static ImportError FileError(string text) =>
        Should.Throw<ImportFileException>(() => Read(text)).Error;

    /// <summary>The errors of a file as "line | column | message" lines.</summary>
    private static List<string> Errors(string text, ImportReference? reference = null) =>
        Read(text, reference).SelectMany(r => r.Errors).Select(e => $"{e.Line} | {e.Column ?? "-"} | {e.Message}").ToList();

    /// <summary>One data row after the header with one column replaced.</summary>
    private static string With(string column, string value, string row = BpdBali)
    {
        var columns = Header.Split(',');
        var cells = row.Split(',');
        cells[Array.IndexOf(columns, column)] = value;
        return Header + "\n" + string.Join(',', cells) + "\n";
    }

    [Fact]
    public void A_valid_file_gives_every_value_parsed()
    {
        var rows = Read(Header + "\n" + BpdBali + "\n" + KapitMas + "\n");

        rows.Select(r => r.IsValid).ShouldBe([true, true]);
        rows[0].Row.ShouldBe(new EmployerRow(2, "10000001", "PT Bank Pembangunan Daerah Bali", "51.71", 1, SizeClass.Large, "Jasa keuangan",
            1234, 1200, 0, Programs.All, 0, new DateOnly(2025, 12, 31)));
        rows[1].Row.ShouldBe(new EmployerRow(3, "10000002", "KAPIT MAS", "51.04", 2, SizeClass.Medium, "Kerajinan",
            150, 120, 10, Programs.Jkk | Programs.Jkm | Programs.Jht, 1, new DateOnly(2025, 12, 31)));
        rows[0].Row!.ProvinceCode.ShouldBe("51");
    }

    [Fact]
    public void Header_names_are_trimmed_in_any_case_and_any_order_and_unknown_columns_are_ignored()
    {
        var text = " Per_Tanggal ;NAMA;alamat;npp;Kode_Wilayah;kantor_cabang;skala;sektor;jumlah_pekerja;peserta_pu;peserta_bpu;program;TUNGGAKAN_BULAN\n" +
                   "2025-06-30;CV Banten Sari;Jl. Raya Ubud;NPP77;51.04;Gianyar;Mikro;;5;3;2;JKK JKM;0\n";

        var row = Read(text).Single().Row!;

        row.ShouldBe(new EmployerRow(2, "NPP77", "CV Banten Sari", "51.04", 2, SizeClass.Micro, null, 5, 3, 2, Programs.Jkk | Programs.Jkm, 0, new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void A_byte_order_mark_before_the_header_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Header + "\n" + BpdBali + "\n")).ToArray();
        ReadBytes(bytes).Single().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Utf8_names_keep_their_letters()
    {
        var bytes = Encoding.UTF8.GetBytes(With(EmployerColumns.Name, "Koperasi Ñusa Dua – Sejahtera"));
        ReadBytes(bytes).Single().Row!.Name.ShouldBe("Koperasi Ñusa Dua – Sejahtera");
    }

    [Fact]
    public void Cells_are_trimmed_and_the_npp_is_upper_cased()
    {
        var row = Read(With(EmployerColumns.Npp, "  nn0001 ").Replace("PT Bank", "  PT Bank", StringComparison.Ordinal)).Single().Row!;
        row.Npp.ShouldBe("NN0001");
        row.Name.ShouldBe("PT Bank Pembangunan Daerah Bali");
    }

    [Fact]
    public void Blank_lines_are_skipped_and_line_numbers_stay_physical()
    {
        var rows = Read(Header + "\n\n" + BpdBali + "\n,,,,,,,,,,,\n\n" + With(EmployerColumns.Npp, "x-1").Split('\n')[1] + "\n  \n");

        rows.Count.ShouldBe(2);
        rows[0].Line.ShouldBe(3);
        rows[1].Errors.Single().Line.ShouldBe(6);
    }

    [Fact]
    public void A_file_with_nothing_in_it_is_empty()
    {
        FileError("").Message.ShouldBe("Berkas kosong.");
        FileError("\n\n").Message.ShouldBe("Berkas kosong.");
        FileError("\uFEFF").Message.ShouldBe("Berkas kosong.");
    }

    [Fact]
    public void A_header_without_data_rows_is_refused()
    {
        var error = FileError(Header + "\n\n");
        error.Code.ShouldBe(ImportErrorCode.NoDataRows);
        error.Message.ShouldBe("Berkas hanya berisi baris judul, tanpa baris data.");
        error.Line.ShouldBeNull();
    }

    [Fact]
    public void A_missing_column_is_one_file_level_error_naming_it()
    {
        FileError(Header.Replace(",sektor", "", StringComparison.Ordinal) + "\n1\n").Message
            .ShouldBe("Kolom wajib tidak ada di baris judul: sektor.");
        FileError("npp;nama\n1;x\n").Message
            .ShouldBe("Kolom wajib tidak ada di baris judul: kode_wilayah, kantor_cabang, skala, sektor, jumlah_pekerja, peserta_pu, peserta_bpu, program, tunggakan_bulan, per_tanggal.");
    }

    [Fact]
    public void A_file_without_a_header_reports_every_column_missing()
    {
        FileError(BpdBali + "\n").Message.ShouldStartWith("Kolom wajib tidak ada di baris judul: npp, nama, kode_wilayah,");
    }

    [Fact]
    public void A_column_named_twice_is_refused()
    {
        FileError(Header + ",NPP\n").Message.ShouldBe("Kolom npp muncul lebih dari sekali di baris judul.");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_not_a_csv_text_file()
    {
        var latin1 = Encoding.Latin1.GetBytes(With(EmployerColumns.Name, "Café Kopi Bali"));
        Should.Throw<ImportFileException>(() => ReadBytes(latin1)).Error.Message.ShouldBe("Berkas ini bukan berkas teks CSV (UTF-8).");
    }

    [Fact]
    public void A_png_image_is_not_a_csv_text_file()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        Should.Throw<ImportFileException>(() => ReadBytes(png)).Error.Code.ShouldBe(ImportErrorCode.NotText);
    }

    [Fact]
    public void Utf16_text_is_not_a_csv_text_file()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\n" + BpdBali + "\n")).ToArray();
        Should.Throw<ImportFileException>(() => ReadBytes(utf16)).Error.Code.ShouldBe(ImportErrorCode.NotText);
    }

    [Fact]
    public void A_nul_byte_in_ascii_text_is_not_a_csv_text_file()
    {
        var bytes = Encoding.ASCII.GetBytes(Header + "\n" + BpdBali + "\0\n");
        Should.Throw<ImportFileException>(() => ReadBytes(bytes)).Error.Code.ShouldBe(ImportErrorCode.NotText);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_gets_that_one_error()
    {
        Errors(Header + "\n" + BpdBali + ",extra\n" + "1,x\n").ShouldBe(
        [
            "2 | - | Baris ini berisi 13 sel, padahal baris judul berisi 12 kolom.",
            "3 | - | Baris ini berisi 2 sel, padahal baris judul berisi 12 kolom.",
        ]);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_on_the_line_it_opens()
    {
        Errors(Header + "\n" + BpdBali + "\n" + "3,\"PT Tanpa Tutup,51.71\n4,x\n").ShouldBe(
        [
            "3 | - | Tanda petik pembuka tidak ditutup sampai akhir berkas.",
            "3 | - | Baris ini berisi 2 sel, padahal baris judul berisi 12 kolom.",
        ]);
    }

    [Fact]
    public void Empty_required_cells_are_each_reported()
    {
        var row = ",,,,,,,,,,,2025-12-31";
        Errors(Header + "\n" + BpdBali + "\n" + row + "\n").ShouldBe(
        [
            "3 | npp | Wajib diisi.",
            "3 | nama | Wajib diisi.",
            "3 | kode_wilayah | Wajib diisi.",
            "3 | kantor_cabang | Wajib diisi.",
            "3 | skala | Wajib diisi.",
            "3 | jumlah_pekerja | Wajib diisi.",
            "3 | peserta_pu | Wajib diisi.",
            "3 | peserta_bpu | Wajib diisi.",
            "3 | tunggakan_bulan | Wajib diisi.",
        ]);
    }

    [Fact]
    public void Sector_and_program_may_be_empty()
    {
        var row = Read(With(EmployerColumns.Sector, "", With(EmployerColumns.Programs, "").Split('\n')[1])).Single().Row!;
        row.Sector.ShouldBeNull();
        row.Programs.ShouldBe(Programs.None);
    }

    [Fact]
    public void Too_long_npp_name_and_sector_are_refused()
    {
        Errors(With(EmployerColumns.Npp, new string('1', 21))).ShouldBe(["2 | npp | Terlalu panjang: paling banyak 20 karakter."]);
        Errors(With(EmployerColumns.Name, new string('N', 251))).ShouldBe(["2 | nama | Terlalu panjang: paling banyak 250 karakter."]);
        Errors(With(EmployerColumns.Sector, new string('S', 101))).ShouldBe(["2 | sektor | Terlalu panjang: paling banyak 100 karakter."]);
        Read(With(EmployerColumns.Npp, new string('1', 20))).Single().IsValid.ShouldBeTrue();
        Read(With(EmployerColumns.Name, new string('N', 250))).Single().IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("123-456")]
    [InlineData("12 34")]
    [InlineData("12.345")]
    public void An_npp_with_other_characters_than_letters_and_digits_is_refused(string npp) =>
        Errors(With(EmployerColumns.Npp, npp)).ShouldBe([$"2 | npp | NPP {npp} hanya boleh berisi huruf dan angka."]);

    [Fact]
    public void A_duplicate_npp_is_reported_on_its_second_occurrence_with_the_line_of_the_first()
    {
        var text = Header + "\n" + BpdBali + "\n" + KapitMas + "\n\n" + BpdBali.Replace("PT Bank", "Bank", StringComparison.Ordinal) + "\n";
        var rows = Read(text);

        rows.Select(r => r.IsValid).ShouldBe([true, true, false]);
        Errors(text).ShouldBe(["5 | npp | NPP 10000001 sudah ada di baris 2."]);
    }

    [Fact]
    public void Duplicate_npps_are_compared_in_any_letter_case()
    {
        var text = Header + "\n" + With(EmployerColumns.Npp, "nn01").Split('\n')[1] + "\n" + With(EmployerColumns.Npp, "NN01").Split('\n')[1] + "\n";
        Errors(text).ShouldBe(["3 | npp | NPP NN01 sudah ada di baris 2."]);
    }

    [Fact]
    public void An_unknown_region_code_is_refused()
    {
        Errors(With(EmployerColumns.RegionCode, "99.99")).ShouldBe(["2 | kode_wilayah | Kode wilayah 99.99 tidak dikenal."]);
        Errors(With(EmployerColumns.RegionCode, "5171")).ShouldBe(["2 | kode_wilayah | Kode wilayah 5171 tidak dikenal."]);
    }

    [Theory]
    [InlineData("Kantor Cabang Denpasar")]
    [InlineData("kantor cabang denpasar")]
    [InlineData("Denpasar")]
    [InlineData("DENPASAR")]
    [InlineData("  Kantor  Cabang   Denpasar ")]
    public void A_branch_is_named_with_or_without_its_prefix_in_any_case(string name) =>
        Read(With(EmployerColumns.BranchOffice, name)).Single().Row!.BranchOfficeId.ShouldBe(1);

    [Fact]
    public void An_unknown_branch_office_is_refused()
    {
        Errors(With(EmployerColumns.BranchOffice, "Kantor Cabang Kuta")).ShouldBe(["2 | kantor_cabang | Kantor cabang Kantor Cabang Kuta tidak dikenal."]);
    }

    [Fact]
    public void A_branch_that_does_not_cover_the_region_is_refused()
    {
        Errors(With(EmployerColumns.BranchOffice, "Gianyar")).ShouldBe(["2 | kantor_cabang | Kantor Cabang Gianyar tidak melayani wilayah 51.71."]);
    }

    [Fact]
    public void A_row_outside_the_officers_branch_is_refused()
    {
        Errors(Header + "\n" + BpdBali + "\n" + KapitMas + "\n", DenpasarOfficer()).ShouldBe(
            ["3 | kode_wilayah | Wilayah 51.04 berada di luar wilayah kantor cabang Anda."]);
    }

    [Fact]
    public void An_officer_naming_their_own_branch_for_another_branchs_region_gets_both_errors()
    {
        var row = KapitMas.Replace("Kantor Cabang Gianyar", "Kantor Cabang Denpasar", StringComparison.Ordinal);
        Errors(Header + "\n" + row + "\n", DenpasarOfficer()).ShouldBe(
        [
            "2 | kode_wilayah | Wilayah 51.04 berada di luar wilayah kantor cabang Anda.",
            "2 | kantor_cabang | Kantor Cabang Denpasar tidak melayani wilayah 51.04.",
        ]);
    }

    [Fact]
    public void An_administrator_may_import_any_region()
    {
        var semarang = "33000001,PT Jamu Sehat,33.74,Semarang Pemuda,Besar,Industri,2.000,1.900,0,JKK|JKM|JHT|JP,0,2025-12-31";
        Read(Header + "\n" + BpdBali + "\n" + KapitMas + "\n" + semarang + "\n").All(r => r.IsValid).ShouldBeTrue();
    }

    [Theory]
    [InlineData(EmployerColumns.Workers, "-5", "Tidak boleh negatif: -5.")]
    [InlineData(EmployerColumns.ParticipantsPu, "-1.200", "Tidak boleh negatif: -1.200.")]
    [InlineData(EmployerColumns.ParticipantsBpu, "-1", "Tidak boleh negatif: -1.")]
    [InlineData(EmployerColumns.ArrearsMonths, "-2", "Tidak boleh negatif: -2.")]
    [InlineData(EmployerColumns.Workers, "seribu", "seribu bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).")]
    [InlineData(EmployerColumns.Workers, "1.23", "1.23 bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).")]
    [InlineData(EmployerColumns.ArrearsMonths, "1,5", "1,5 bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).")]
    [InlineData(EmployerColumns.Workers, "3.000.000.000", "Bilangan 3.000.000.000 terlalu besar.")]
    public void Negative_non_numeric_and_too_large_counts_are_refused(string column, string value, string message)
    {
        // A semicolon file, so that "1,5" is one cell.
        var cells = BpdBali.Split(',');
        cells[Array.IndexOf(Header.Split(','), column)] = value;
        var text = Header.Replace(',', ';') + "\n" + string.Join(';', cells) + "\n";
        Errors(text).ShouldBe([$"2 | {column} | {message}"]);
    }

    [Fact]
    public void Participants_above_workers_are_refused()
    {
        var row = "10000003,PT Kecil,51.71,Denpasar,Kecil,Dagang,10,8,3,JKK,0,2025-12-31";
        Errors(Header + "\n" + row + "\n").ShouldBe(["2 | peserta_pu, peserta_bpu | Peserta PU dan BPU (11) melebihi jumlah pekerja (10)."]);
    }

    [Fact]
    public void Participants_above_workers_show_numbers_with_thousands_dots()
    {
        var row = "10000003,PT Besar,51.71,Denpasar,Besar,Dagang,1.000,1.000,1,JKK,0,2025-12-31";
        Errors(Header + "\n" + row + "\n").ShouldBe(["2 | peserta_pu, peserta_bpu | Peserta PU dan BPU (1.001) melebihi jumlah pekerja (1.000)."]);
    }

    [Fact]
    public void Participants_equal_to_workers_are_accepted()
    {
        var row = "10000003,PT Penuh,51.71,Denpasar,Kecil,Dagang,10,7,3,JKK,0,2025-12-31";
        Read(Header + "\n" + row + "\n").Single().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Unknown_programme_codes_are_named()
    {
        Errors(With(EmployerColumns.Programs, "JKK|JKN|BPJS")).ShouldBe(["2 | program | Kode program tidak dikenal: JKN, BPJS (yang sah: JKK, JKM, JHT, JP, JKP)."]);
    }

    [Theory]
    [InlineData("JKK|JKM", Programs.Jkk | Programs.Jkm)]
    [InlineData("jht jp", Programs.Jht | Programs.Jp)]
    [InlineData("\"JKK,JKP\"", Programs.Jkk | Programs.Jkp)]
    public void Programmes_are_separated_by_bars_commas_or_spaces(string cell, Programs expected) =>
        Read(With(EmployerColumns.Programs, cell)).Single().Row!.Programs.ShouldBe(expected);

    [Theory]
    [InlineData("2025-02-30", "Tanggal 2025-02-30 tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.")]
    [InlineData("12/31/2025", "Tanggal 12/31/2025 tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.")]
    [InlineData("kemarin", "Tanggal kemarin tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.")]
    [InlineData("2026-11-22", "Tanggal 2026-11-22 belum terjadi.")]
    [InlineData("01/01/2030", "Tanggal 01/01/2030 belum terjadi.")]
    [InlineData("1999-12-31", "Tanggal 1999-12-31 sebelum tahun 2000.")]
    public void Bad_future_and_too_early_dates_are_refused(string date, string message) =>
        Errors(With(EmployerColumns.AsOf, date)).ShouldBe([$"2 | per_tanggal | {message}"]);

    [Theory]
    [InlineData("2026-11-21")]
    [InlineData("2000-01-01")]
    [InlineData("21/11/2026")]
    public void Today_and_the_first_day_of_2000_are_accepted(string date) =>
        Read(With(EmployerColumns.AsOf, date)).Single().IsValid.ShouldBeTrue();

    [Fact]
    public void An_unknown_size_class_is_refused()
    {
        Errors(With(EmployerColumns.SizeClass, "Sedang")).ShouldBe(["2 | skala | Skala Sedang tidak dikenal (yang sah: Besar, Menengah, Kecil, Mikro)."]);
    }

    [Fact]
    public void Several_errors_of_one_row_are_all_reported_in_column_order()
    {
        var row = "12-3,PT Salah Semua,99.99,Kantor Cabang Kuta,Raksasa,Dagang,-1,x,0,JKN,1.5,2025-02-30";
        Errors(Header + "\n" + row + "\n").ShouldBe(
        [
            "2 | npp | NPP 12-3 hanya boleh berisi huruf dan angka.",
            "2 | kode_wilayah | Kode wilayah 99.99 tidak dikenal.",
            "2 | kantor_cabang | Kantor cabang Kantor Cabang Kuta tidak dikenal.",
            "2 | skala | Skala Raksasa tidak dikenal (yang sah: Besar, Menengah, Kecil, Mikro).",
            "2 | jumlah_pekerja | Tidak boleh negatif: -1.",
            "2 | peserta_pu | x bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).",
            "2 | program | Kode program tidak dikenal: JKN (yang sah: JKK, JKM, JHT, JP, JKP).",
            "2 | tunggakan_bulan | 1.5 bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).",
            "2 | per_tanggal | Tanggal 2025-02-30 tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.",
        ]);
    }

    [Fact]
    public void Long_values_are_cut_in_messages()
    {
        var longCode = new string('9', 60);
        Errors(With(EmployerColumns.RegionCode, longCode)).ShouldBe([$"2 | kode_wilayah | Kode wilayah {new string('9', 40)}… tidak dikenal."]);
    }

    [Fact]
    public void Quoted_cells_may_hold_the_delimiter_and_quotes()
    {
        var row = "10000009,\"PT \"\"Sinar\"\", Bali\",51.71,Denpasar,Kecil,\"Perdagangan, eceran\",10,5,0,JKK,0,2025-12-31";
        var parsed = Read(Header + "\n" + row + "\n").Single().Row!;
        parsed.Name.ShouldBe("PT \"Sinar\", Bali");
        parsed.Sector.ShouldBe("Perdagangan, eceran");
    }

    [Fact]
    public void Reading_is_lazy_so_a_large_file_streams()
    {
        // An endless file: taking three rows must not read the rest.
        var rows = new EmployerFileReader(Reference()).Read(new EndlessFile()).Take(3).ToList();
        rows.Select(r => r.Line).ShouldBe([2, 3, 4]);
        rows.All(r => r.IsValid).ShouldBeTrue();
    }

    [Fact]
    public void The_sample_file_of_the_documentation_is_valid_for_the_Denpasar_and_Gianyar_branches()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Paritrana.sln")))
        {
            dir = dir.Parent;
        }

        using var file = File.OpenRead(Path.Combine(dir!.FullName, "docs", "samples", "employers-sample.csv"));
        var rows = new EmployerFileReader(Reference()).Read(file).ToList();

        rows.SelectMany(r => r.Errors).Select(e => e.ToString()).ShouldBeEmpty();
        rows.Count.ShouldBe(13);
        rows.Select(r => r.Row!.BranchOfficeId).Distinct().Order().ShouldBe([1, 2]);
        rows.Single(r => r.Row!.Name == "PT Bank Pembangunan Daerah Bali").Row!.SizeClass.ShouldBe(SizeClass.Large);
        rows.Single(r => r.Row!.Name == "KAPIT MAS").Row!.SizeClass.ShouldBe(SizeClass.Medium);
        rows.Single(r => r.Row!.Npp == "51000637").Row!.Name.ShouldBe("Koperasi Serba Usaha \"Desa Adat Kedonganan\"");
    }

    [Fact]
    public void Every_code_has_its_own_message()
    {
        var templates = ImportMessages.AllCodes.Select(ImportMessages.Template).ToList();
        templates.ShouldNotContain("Kesalahan tidak dikenal.");
        templates.Distinct().Count().ShouldBe(templates.Count);
    }

    /// <summary>A reader that never ends: a header, then valid rows with increasing NPPs.</summary>
    private sealed class EndlessFile : TextReader
    {
        private string _pending = Header + "\n";
        private int _next = 1;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_pending.Length == 0)
            {
                _pending = $"{_next++},PT Tanpa Akhir,51.71,Denpasar,Kecil,Dagang,10,5,0,JKK,0,2025-12-31\n";
            }

            var n = Math.Min(count, _pending.Length);
            _pending.CopyTo(0, buffer, index, n);
            _pending = _pending[n..];
            return n;
        }
    }
}
