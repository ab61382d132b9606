using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Features.Notifications;

/// <summary>What a notification says, in the reader's language: on the list page and in its mail alike.</summary>
public static class NotificationTexts
{
    public static string Title(IStringLocalizer l, NotificationKind kind, string subject) => kind switch
    {
        NotificationKind.NominationReturned => l["Nominasi {0} dikembalikan untuk diperbaiki", subject],
        NotificationKind.NominationVerified => l["Nominasi {0} telah diverifikasi", subject],
        NotificationKind.AssignedAsScorer => l["Anda ditugaskan menilai di {0}", subject],
        NotificationKind.RoundOpened => l["{0} dibuka untuk penilaian", subject],
        NotificationKind.RoundClosingSoon => l["{0} ditutup dalam {1} hari", subject, Reminders.RoundClosingDays],
        NotificationKind.CardReopened => l["Kartu penilaian Anda untuk {0} dibuka kembali", subject],
        NotificationKind.CoachingDueTomorrow => l["Butir pembinaan {0} jatuh tempo besok", subject],
        NotificationKind.CoachingOverdue => l["Butir pembinaan {0} sudah lewat jatuh tempo", subject],
        NotificationKind.VisitTomorrow => l["Kunjungan ke {0} besok", subject],
        NotificationKind.FinalistsDecided => l["Finalis {0} telah diputuskan", subject],
        NotificationKind.TwoFactorReset => l["Administrator mengatur ulang verifikasi dua langkah akun {0}", subject],
        NotificationKind.InterviewScheduled => l["Wawancara nasional {0} telah dijadwalkan", subject],
        NotificationKind.InterviewChanged => l["Jadwal wawancara nasional {0} berubah", subject],
        NotificationKind.InterviewCancelled => l["Wawancara nasional {0} dibatalkan", subject],
        NotificationKind.NationalResultDecided => l["Pemenang tingkat nasional {0} telah diputuskan", subject],
        NotificationKind.CoachingAnswered => l["{0} menjawab butir pembinaan", subject],
        NotificationKind.CoachingAddressed => l["Panitia meminta tindak lanjut: {0}", subject],
        NotificationKind.CoachingAnswerReturned => l["Jawaban Anda dikembalikan panitia: {0}", subject],
        NotificationKind.CoachingResolvedForCandidate => l["Butir pembinaan dinyatakan selesai: {0}", subject],
        NotificationKind.CoachingReopenedForCandidate => l["Butir pembinaan dibuka kembali: {0}", subject],
        NotificationKind.SelfAssessmentSubmitted => l["{0} mengirim penilaian mandiri", subject],
        NotificationKind.SelfAssessmentReturned => l["Penilaian mandiri {0} dikembalikan untuk diperbaiki", subject],
        NotificationKind.SelfAssessmentAccepted => l["Panitia menerima nilai penilaian mandiri {0}", subject],
        _ => subject,
    };

    /// <summary>The mail of one notification, sent at once to those who chose immediate mail.</summary>
    public static MailContent Mail(IStringLocalizer l, string fullName, NotificationKind kind, string subject, string? link) => new(
        Title(l, kind, subject),
        l["Yth. {0},", fullName],
        [
            Title(l, kind, subject) + ".",
            l["Buka tautan di bawah ini untuk melihatnya di Portal Paritrana."],
            l["Anda menerima surel ini karena memilih surel segera untuk pemberitahuan. Pilihan ini dapat diubah di halaman Preferensi."],
        ],
        l["Buka di portal"],
        link,
        l["Salam, Sekretariat Penghargaan Paritrana"]);

    /// <summary>The daily digest: every open notification, each with its link.</summary>
    public static MailContent Digest(IStringLocalizer l, string fullName, IReadOnlyList<(NotificationKind Kind, string Subject, string? Link)> open, string? listLink) => new(
        Formats.Plural(l["Ringkasan harian Portal Paritrana: {0} pemberitahuan terbuka"], open.Count, Formats.Number(open.Count)),
        l["Yth. {0},", fullName],
        [
            l["Berikut pemberitahuan yang masih terbuka untuk Anda:"],
            .. open.Select(n => "• " + Title(l, n.Kind, n.Subject) + (n.Link is null ? "" : " — " + n.Link)),
            l["Anda menerima surel ini karena memilih ringkasan harian. Pilihan ini dapat diubah di halaman Preferensi."],
        ],
        l["Lihat semua pemberitahuan"],
        listLink,
        l["Salam, Sekretariat Penghargaan Paritrana"]);
}
