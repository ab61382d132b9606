namespace Paritrana.Domain.Imports;

/// <summary>
/// The Indonesian reasons of an employer file's errors, one per <see cref="ImportErrorCode"/>, with
/// {0}-style placeholders for the error's arguments. They double as resource keys: the web app
/// shows them through its localizer (the translation test reads every literal of the *Texts.cs
/// files), the command line prints them as they are, and docs/import-format.md lists them.
/// </summary>
public static class ImportTexts
{
    public const string EmptyFile = "Berkas kosong.";
    public const string NotText = "Berkas ini bukan berkas teks CSV (UTF-8).";
    public const string MissingColumns = "Kolom wajib tidak ada di baris judul: {0}.";
    public const string DuplicateColumn = "Kolom {0} muncul lebih dari sekali di baris judul.";
    public const string NoDataRows = "Berkas hanya berisi baris judul, tanpa baris data.";
    public const string WrongCellCount = "Baris ini berisi {0} sel, padahal baris judul berisi {1} kolom.";
    public const string UnterminatedQuote = "Tanda petik pembuka tidak ditutup sampai akhir berkas.";
    public const string Required = "Wajib diisi.";
    public const string TooLong = "Terlalu panjang: paling banyak {0} karakter.";
    public const string NppCharacters = "NPP {0} hanya boleh berisi huruf dan angka.";
    public const string DuplicateNpp = "NPP {0} sudah ada di baris {1}.";
    public const string UnknownRegion = "Kode wilayah {0} tidak dikenal.";
    public const string OutsideOfficerBranch = "Wilayah {0} berada di luar wilayah kantor cabang Anda.";
    public const string UnknownBranch = "Kantor cabang {0} tidak dikenal.";
    public const string BranchDoesNotCoverRegion = "{0} tidak melayani wilayah {1}.";
    public const string NotAWholeNumber = "{0} bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).";
    public const string Negative = "Tidak boleh negatif: {0}.";
    public const string NumberTooLarge = "Bilangan {0} terlalu besar.";
    public const string ParticipantsAboveWorkers = "Peserta PU dan BPU ({0}) melebihi jumlah pekerja ({1}).";
    public const string UnknownProgram = "Kode program tidak dikenal: {0} (yang sah: JKK, JKM, JHT, JP, JKP).";
    public const string BadDate = "Tanggal {0} tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.";
    public const string DateInFuture = "Tanggal {0} belum terjadi.";
    public const string DateBefore2000 = "Tanggal {0} sebelum tahun 2000.";
    public const string UnknownSizeClass = "Skala {0} tidak dikenal (yang sah: Besar, Menengah, Kecil, Mikro).";
    public const string NppOfAnotherArea = "NPP {0} sudah terdaftar untuk pemberi kerja di wilayah {1}, di luar wilayah kantor cabang Anda.";
    public const string BadPeriod = "Periode {0} tidak sah; tulis TTTT-BB, misalnya 2023-12.";
    public const string PeriodInFuture = "Periode {0} belum terjadi.";
    public const string PeriodBefore2000 = "Periode {0} sebelum tahun 2000.";
    public const string DuplicateRegencyPeriod = "Wilayah {0} dengan periode {1} sudah ada di baris {2}.";
    public const string ParticipantsFarAbovePopulation = "{0} ({1}) melebihi {2} ({3}) lebih dari 10 %: {4} %.";
    public const string ParticipantsAbovePopulation = "{0} ({1}) melebihi {2} ({3}): {4} %. Periksa angkanya sebelum mengimpor.";
    public const string Unknown = "Kesalahan tidak dikenal.";
}
