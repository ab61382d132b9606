using Paritrana.Domain.Imports;

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
/// Indonesian texts of the import's statuses and failures, as resource keys (show them with
/// <c>L[...]</c>). The reasons of a file's errors are the domain's
/// (<see cref="ImportMessages.Template"/>, texts in <see cref="ImportTexts"/>).
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
}
