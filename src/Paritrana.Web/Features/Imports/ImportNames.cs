using Paritrana.Domain.Imports;
using Paritrana.Domain.Organisations;

namespace Paritrana.Web.Features.Imports;

/// <summary>Why an import did not complete; the text is stored on the batch and shown through the localizer.</summary>
public enum ImportFailure
{
    FileMissing = 1,
    FileChanged,
    RowsNoLongerValid,
    NppOfAnotherArea,
    DatabaseConnectionLost,
    Unexpected,
}

/// <summary>
/// Indonesian texts of the import, as resource keys (show them with <c>L[...]</c>). The error
/// templates are the same texts as <see cref="ImportMessages"/> in the domain, which the command
/// line and the documentation use; a test keeps the two lists equal.
/// </summary>
public static class ImportNames
{
    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Previewed => "Menunggu konfirmasi",
        ImportStatus.Running => "Sedang diimpor",
        ImportStatus.Completed => "Selesai",
        ImportStatus.Failed => "Gagal",
        ImportStatus.Cancelled => "Dibatalkan",
        _ => "Status tidak dikenal",
    };

    /// <summary>The badge class of a status (see <see cref="ImportBadges"/>).</summary>
    public static string StatusBadge(ImportStatus status) => ImportBadges.For(status);

    public static string Failure(ImportFailure failure) => failure switch
    {
        ImportFailure.FileMissing => "Berkas yang diunggah tidak ditemukan lagi di penyimpanan. Tidak ada data yang berubah; unggah berkasnya lagi.",
        ImportFailure.FileChanged => "Berkas di penyimpanan tidak sama dengan berkas yang diperiksa pada pratinjau. Tidak ada data yang berubah; unggah berkasnya lagi.",
        ImportFailure.RowsNoLongerValid => "Sejak pratinjau, sebagian baris tidak lagi valid (misalnya wilayah kantor cabang berubah). Tidak ada data yang berubah; unggah berkasnya lagi untuk pratinjau baru.",
        ImportFailure.NppOfAnotherArea => "Sebagian NPP sudah terdaftar untuk pemberi kerja di luar wilayah kantor cabang Anda. Tidak ada data yang berubah; unggah berkasnya lagi untuk pratinjau baru.",
        ImportFailure.DatabaseConnectionLost => "Impor terputus karena koneksi ke basis data hilang. Tidak ada data yang berubah; coba impor lagi.",
        _ => "Impor gagal karena kesalahan yang tidak terduga. Tidak ada data yang berubah; coba lagi atau hubungi administrator.",
    };

    /// <summary>The reason of an error as a localizer key with {0}-style placeholders for its arguments.</summary>
    public static string Error(ImportErrorCode code) => code switch
    {
        ImportErrorCode.EmptyFile => "Berkas kosong.",
        ImportErrorCode.NotText => "Berkas ini bukan berkas teks CSV (UTF-8).",
        ImportErrorCode.MissingColumns => "Kolom wajib tidak ada di baris judul: {0}.",
        ImportErrorCode.DuplicateColumn => "Kolom {0} muncul lebih dari sekali di baris judul.",
        ImportErrorCode.NoDataRows => "Berkas hanya berisi baris judul, tanpa baris data.",
        ImportErrorCode.WrongCellCount => "Baris ini berisi {0} sel, padahal baris judul berisi {1} kolom.",
        ImportErrorCode.UnterminatedQuote => "Tanda petik pembuka tidak ditutup sampai akhir berkas.",
        ImportErrorCode.Required => "Wajib diisi.",
        ImportErrorCode.TooLong => "Terlalu panjang: paling banyak {0} karakter.",
        ImportErrorCode.NppCharacters => "NPP {0} hanya boleh berisi huruf dan angka.",
        ImportErrorCode.DuplicateNpp => "NPP {0} sudah ada di baris {1}.",
        ImportErrorCode.UnknownRegion => "Kode wilayah {0} tidak dikenal.",
        ImportErrorCode.OutsideOfficerBranch => "Wilayah {0} berada di luar wilayah kantor cabang Anda.",
        ImportErrorCode.UnknownBranch => "Kantor cabang {0} tidak dikenal.",
        ImportErrorCode.BranchDoesNotCoverRegion => "{0} tidak melayani wilayah {1}.",
        ImportErrorCode.NotAWholeNumber => "{0} bukan bilangan bulat (boleh dengan titik ribuan, misalnya 1.234).",
        ImportErrorCode.Negative => "Tidak boleh negatif: {0}.",
        ImportErrorCode.NumberTooLarge => "Bilangan {0} terlalu besar.",
        ImportErrorCode.ParticipantsAboveWorkers => "Peserta PU dan BPU ({0}) melebihi jumlah pekerja ({1}).",
        ImportErrorCode.UnknownProgram => "Kode program tidak dikenal: {0} (yang sah: JKK, JKM, JHT, JP, JKP).",
        ImportErrorCode.BadDate => "Tanggal {0} tidak sah; tulis TTTT-BB-HH atau HH/BB/TTTT.",
        ImportErrorCode.DateInFuture => "Tanggal {0} belum terjadi.",
        ImportErrorCode.DateBefore2000 => "Tanggal {0} sebelum tahun 2000.",
        ImportErrorCode.UnknownSizeClass => "Skala {0} tidak dikenal (yang sah: Besar, Menengah, Kecil, Mikro).",
        ImportErrorCode.NppOfAnotherArea => "NPP {0} sudah terdaftar untuk pemberi kerja di wilayah {1}, di luar wilayah kantor cabang Anda.",
        _ => "Kesalahan tidak dikenal.",
    };
}
