using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>
/// What each audited action means, in Indonesian (resource keys; English in SharedResource.en.resx).
/// An action not listed here is shown as stored.
/// </summary>
public static class AuditActionNames
{
    /// <summary>The actions the filter offers, in the order shown.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        AuditActions.SignIn,
        AuditActions.SignInFailed,
        AuditActions.LockedOut,
        AuditActions.SignOut,
        AuditActions.PasswordChanged,
        AuditActions.PasswordResetRequested,
        AuditActions.PasswordResetByLink,
        AuditActions.AccessRefused,
        AuditActions.SessionEnded,
        AuditActions.UserCreated,
        AuditActions.UserUpdated,
        AuditActions.UserDisabled,
        AuditActions.UserEnabled,
        AuditActions.UserUnlocked,
        AuditActions.UserPasswordReset,
        AuditActions.RegionalOfficeCreated,
        AuditActions.RegionalOfficeUpdated,
        AuditActions.BranchOfficeCreated,
        AuditActions.BranchOfficeUpdated,
    ];

    public static string? Of(string action) => action switch
    {
        AuditActions.SignIn => "Masuk ke portal",
        AuditActions.SignInFailed => "Gagal masuk",
        AuditActions.LockedOut => "Akun terkunci setelah percobaan masuk gagal",
        AuditActions.SignOut => "Keluar dari portal",
        AuditActions.PasswordChanged => "Mengganti kata sandi sendiri",
        AuditActions.PasswordResetRequested => "Meminta tautan atur ulang kata sandi",
        AuditActions.PasswordResetByLink => "Mengatur kata sandi baru lewat tautan surel",
        AuditActions.AccessRefused => "Akses ditolak",
        AuditActions.SessionEnded => "Sesi diakhiri",
        AuditActions.UserCreated => "Akun dibuat",
        AuditActions.UserUpdated => "Akun diubah",
        AuditActions.UserDisabled => "Akun dinonaktifkan",
        AuditActions.UserEnabled => "Akun diaktifkan kembali",
        AuditActions.UserUnlocked => "Kunci akun dibuka",
        AuditActions.UserPasswordReset => "Kata sandi diatur ulang oleh administrator",
        AuditActions.RegionalOfficeCreated => "Kantor wilayah dibuat",
        AuditActions.RegionalOfficeUpdated => "Kantor wilayah diubah",
        AuditActions.BranchOfficeCreated => "Kantor cabang dibuat",
        AuditActions.BranchOfficeUpdated => "Kantor cabang diubah",
        AuditActions.CycleCreated => "Siklus penghargaan dibuat",
        AuditActions.CycleUpdated => "Siklus penghargaan diubah",
        AuditActions.CycleMadeCurrent => "Siklus dijadikan siklus berjalan",
        AuditActions.CycleClosed => "Siklus ditutup",
        AuditActions.CycleReopened => "Siklus dibuka kembali",
        AuditActions.CategoryCreated => "Kategori dibuat",
        AuditActions.CategoryUpdated => "Kategori diubah",
        AuditActions.CategoriesCopied => "Kategori disalin dari siklus lain",
        AuditActions.ImportPreviewed => "Berkas impor diperiksa",
        AuditActions.ImportCompleted => "Impor data selesai",
        AuditActions.ImportFailed => "Impor data gagal",
        AuditActions.NominationCreated => "Nominasi dibuat",
        AuditActions.NominationUpdated => "Nominasi diubah",
        AuditActions.NominationStatusChanged => "Status nominasi berubah",
        AuditActions.CriteriaCreated => "Kriteria penilaian dibuat",
        AuditActions.CriteriaCopied => "Kriteria penilaian disalin",
        AuditActions.CriteriaUpdated => "Kriteria penilaian diubah",
        AuditActions.CriteriaVersioned => "Versi baru kriteria penilaian dibuat",
        AuditActions.ScoringSettingsUpdated => "Pengaturan penilaian diubah",
        AuditActions.RoundCreated => "Babak penilaian dibuat",
        AuditActions.RoundUpdated => "Babak penilaian diubah",
        AuditActions.RoundOpened => "Babak penilaian dibuka",
        AuditActions.RoundClosed => "Babak penilaian ditutup",
        AuditActions.AssignmentCreated => "Penilai ditugaskan",
        AuditActions.AssignmentRemoved => "Penugasan penilai dicabut",
        AuditActions.ConflictDeclared => "Konflik kepentingan dinyatakan",
        AuditActions.ScorecardSaved => "Kartu nilai disimpan",
        AuditActions.ScorecardSubmitted => "Kartu nilai dikirim",
        AuditActions.ScorecardReopened => "Kartu nilai dibuka kembali",
        AuditActions.PlenaryRecorded => "Rapat pleno dicatat",
        AuditActions.FinalistsDecided => "Finalis ditetapkan",
        AuditActions.DecisionDocumentIssued => "Dokumen resmi keputusan pleno diterbitkan",
        AuditActions.PlenaryReopened => "Keputusan rapat pleno dibuka kembali",
        AuditActions.FinalistsForwarded => "Finalis diteruskan ke tingkat nasional",
        AuditActions.NationalResultRecorded => "Hasil tingkat nasional dicatat",
        _ => null,
    };
}
