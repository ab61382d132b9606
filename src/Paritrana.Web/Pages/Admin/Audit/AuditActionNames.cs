namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>
/// What each audited action means, in Indonesian (resource keys; English in SharedResource.en.resx).
/// An action not listed here is shown as stored.
/// </summary>
public static class AuditActionNames
{
    /// <summary>
    /// Every action the code writes: the constants of <see cref="AuditActions"/>, read by
    /// reflection so that a new action is offered by the filter without a list to keep up, in the
    /// order they are declared (accounts, offices, cycles, nominations, field work, scoring, plenary).
    /// A test fails when one of them has no wording in <see cref="Of"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> Known = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>The one wording of each action (resource keys): the audit page, its filter and its CSV read it here.</summary>
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
        AuditActions.UserTwoFactorReset => "Verifikasi dua langkah diatur ulang oleh administrator",
        AuditActions.InvitationSent => "Undangan akun dikirim",
        AuditActions.InvitationAccepted => "Undangan akun diterima",
        AuditActions.InvitationRevoked => "Undangan akun dicabut",
        AuditActions.EmailChangeRequested => "Meminta penggantian alamat surel",
        AuditActions.EmailChanged => "Alamat surel diganti",
        AuditActions.TwoFactorEnabled => "Verifikasi dua langkah diaktifkan",
        AuditActions.TwoFactorDisabled => "Verifikasi dua langkah dinonaktifkan",
        AuditActions.RecoveryCodesRenewed => "Kode pemulihan baru dibuat",
        AuditActions.RecoveryCodeUsed => "Masuk dengan kode pemulihan",
        AuditActions.TwoFactorFailed => "Kode verifikasi dua langkah salah",
        AuditActions.RegionalOfficeCreated => "Kantor wilayah dibuat",
        AuditActions.RegionalOfficeUpdated => "Kantor wilayah diubah",
        AuditActions.BranchOfficeCreated => "Kantor cabang dibuat",
        AuditActions.BranchOfficeUpdated => "Kantor cabang diubah",
        AuditActions.CycleCreated => "Siklus penghargaan dibuat",
        AuditActions.CycleUpdated => "Siklus penghargaan diubah",
        AuditActions.CycleMadeCurrent => "Siklus dijadikan siklus berjalan",
        AuditActions.CycleClosed => "Siklus ditutup",
        AuditActions.CycleReopened => "Siklus dibuka kembali",
        AuditActions.ProvinceStagesUpdated => "Jadwal tahapan provinsi diubah",
        AuditActions.CategoryCreated => "Kategori dibuat",
        AuditActions.CategoryUpdated => "Kategori diubah",
        AuditActions.CategoriesCopied => "Kategori disalin dari siklus lain",
        AuditActions.ImportPreviewed => "Berkas impor diperiksa",
        AuditActions.ImportCompleted => "Impor data selesai",
        AuditActions.ImportFailed => "Impor data gagal",
        AuditActions.NominationCreated => "Nominasi dibuat",
        AuditActions.NominationUpdated => "Nominasi diubah",
        AuditActions.SelfAssessmentSubmitted => "Penilaian mandiri dikirim",
        AuditActions.SelfAssessmentReturned => "Penilaian mandiri dikembalikan",
        AuditActions.SelfAssessmentAccepted => "Penilaian mandiri diterima",
        AuditActions.NominationStatusChanged => "Status nominasi diubah",
        AuditActions.OrganisationCreated => "Organisasi dibuat",
        AuditActions.OrganisationUpdated => "Organisasi diubah",
        AuditActions.VisitPlanned => "Kunjungan direncanakan",
        AuditActions.VisitDone => "Kunjungan dicatat selesai",
        AuditActions.VisitCancelled => "Kunjungan dibatalkan",
        AuditActions.VisitRescheduled => "Kunjungan dijadwal ulang",
        AuditActions.CoachingCreated => "Butir pembinaan dibuat",
        AuditActions.CoachingStarted => "Butir pembinaan mulai ditindaklanjuti",
        AuditActions.CoachingResolved => "Butir pembinaan diselesaikan",
        AuditActions.CoachingWaived => "Butir pembinaan dikesampingkan",
        AuditActions.CoachingReopened => "Butir pembinaan dibuka kembali",
        AuditActions.CoachingShared => "Butir pembinaan ditujukan kepada kandidat",
        AuditActions.CoachingUnshared => "Butir pembinaan tidak lagi ditujukan kepada kandidat",
        AuditActions.CoachingAnswered => "Kandidat menjawab butir pembinaan",
        AuditActions.CoachingAnswerReturned => "Jawaban kandidat dikembalikan",
        AuditActions.FileUploaded => "Berkas bukti diunggah",
        AuditActions.FileRemoved => "Berkas bukti dihapus",
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
        AuditActions.InterviewScheduled => "Wawancara nasional dijadwalkan",
        AuditActions.InterviewChanged => "Jadwal wawancara nasional diubah",
        AuditActions.InterviewCancelled => "Wawancara nasional dibatalkan",
        _ => null,
    };
}
