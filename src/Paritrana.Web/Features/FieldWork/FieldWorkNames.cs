namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// Indonesian names of visit and coaching statuses, file kinds and timeline events. They are
/// resource keys: show them through the localizer (L[FieldWorkNames.Visit(s)]).
/// </summary>
public static class FieldWorkNames
{
    public static string Visit(VisitStatus status) => status switch
    {
        VisitStatus.Planned => "Direncanakan",
        VisitStatus.Done => "Sudah dilaksanakan",
        VisitStatus.Cancelled => "Dibatalkan",
        _ => "Status tidak dikenal",
    };

    public static string Coaching(CoachingStatus status) => status switch
    {
        CoachingStatus.Open => "Terbuka",
        CoachingStatus.InProgress => "Sedang ditindaklanjuti",
        CoachingStatus.Resolved => "Selesai",
        CoachingStatus.Waived => "Dikesampingkan",
        _ => "Status tidak dikenal",
    };

    public static string Kind(FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Jpeg => "Gambar JPEG",
        FileKind.Png => "Gambar PNG",
        FileKind.Docx => "Dokumen Word (DOCX)",
        FileKind.Xlsx => "Lembar kerja Excel (XLSX)",
        _ => "Jenis tidak dikenal",
    };

    /// <summary>Why an evidence file is refused for its content; {0} is the size limit of Office documents once opened.</summary>
    public static string Refusal(ContentRefusal refusal) => refusal switch
    {
        ContentRefusal.PdfJavaScript => "PDF ini berisi JavaScript (skrip yang berjalan saat berkas dibuka) sehingga tidak diterima. Cetak ulang sebagai PDF (Print to PDF), lalu unggah hasilnya.",
        ContentRefusal.PdfLaunch => "PDF ini berisi perintah untuk menjalankan program lain (Launch) sehingga tidak diterima. Cetak ulang sebagai PDF (Print to PDF), lalu unggah hasilnya.",
        ContentRefusal.PdfEmbeddedFile => "PDF ini berisi berkas lain yang disisipkan di dalamnya sehingga tidak diterima. Unggah setiap berkas itu secara terpisah.",
        ContentRefusal.PdfUncheckable => "Isi PDF ini tidak dapat diperiksa (bagian terkompresinya terenkripsi, rusak, atau memakai format yang tidak didukung). Cetak ulang sebagai PDF (Print to PDF), lalu unggah hasilnya.",
        ContentRefusal.OfficeInflation => "Isi dokumen Office ini, setelah dibuka, lebih dari 100 kali ukuran berkasnya atau lebih dari {0} (ciri \"bom zip\") sehingga tidak diterima.",
        ContentRefusal.OfficeTooManyParts => "Dokumen Office ini terdiri atas lebih dari {0} bagian sehingga tidak diterima.",
        _ => "Isi berkas bukan PDF, JPEG, PNG, DOCX atau XLSX (dokumen Office dengan makro tidak diterima). Jenis berkas diperiksa dari isinya, bukan dari namanya.",
    };

    public static string Event(TimelineEvent e) => e switch
    {
        TimelineEvent.StatusChanged => "Status nominasi: {0} → {1}",
        TimelineEvent.VisitPlanned => "Kunjungan direncanakan untuk {0}",
        TimelineEvent.VisitRescheduled => "Kunjungan dijadwalkan ulang dari {0} ke {1}",
        TimelineEvent.VisitDone => "Kunjungan dicatat sudah dilaksanakan pada {0}",
        TimelineEvent.VisitCancelled => "Kunjungan dibatalkan",
        TimelineEvent.CoachingCreated => "Butir pembinaan dicatat (tenggat {0})",
        TimelineEvent.CoachingStarted => "Butir pembinaan mulai ditindaklanjuti",
        TimelineEvent.CoachingResolved => "Butir pembinaan diselesaikan",
        TimelineEvent.CoachingWaived => "Butir pembinaan dikesampingkan",
        TimelineEvent.CoachingReopened => "Butir pembinaan dibuka kembali",
        TimelineEvent.FileUploaded => "Berkas diunggah: {0}",
        TimelineEvent.FileRemoved => "Berkas dihapus: {0}",
        TimelineEvent.ScorecardSubmitted => "Kartu nilai diserahkan oleh penilai",
        TimelineEvent.ScorecardReopened => "Kartu nilai dibuka kembali oleh ketua",
        TimelineEvent.CoachingShared => "Butir pembinaan ditujukan kepada kandidat",
        TimelineEvent.CoachingUnshared => "Butir pembinaan tidak lagi ditujukan kepada kandidat",
        TimelineEvent.CoachingAnswered => "Kandidat menjawab butir pembinaan",
        TimelineEvent.CoachingAnswerReturned => "Jawaban kandidat dikembalikan",
        _ => "Peristiwa tidak dikenal",
    };
}
