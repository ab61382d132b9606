namespace Paritrana.Domain.FieldWork;

/// <summary>Texts of the coaching rules (Indonesian; resource keys in the web app, see WorkflowTexts).</summary>
public static class CoachingTexts
{
    public const string NoteRequired = "Catatan penyelesaian wajib diisi.";
    public const string OnlyChairWaives = "Hanya Ketua Tim Panitia yang dapat mengesampingkan butir pembinaan.";
    public const string WaiverReasonRequired = "Alasan pengesampingan wajib diisi.";
    public const string OnlyChairReopens = "Hanya Ketua Tim Panitia yang dapat membuka kembali butir pembinaan.";
    public const string WrongStatus = "Langkah ini tidak dapat dilakukan pada status butir pembinaan saat ini.";
    public const string WrongRole = "Peran Anda tidak berwenang melakukan langkah ini.";
    public const string PastGate = "Nominasi ini sudah siap dinilai, jadi butir pembinaan tidak dapat dicatat atau dibuka kembali. Bila masih ada temuan, Ketua Tim Panitia dapat mengembalikan nominasi ke penilaian lapangan dengan alasan; setelah itu butir pembinaan dapat dicatat lagi.";
    public const string NominationFinished = "Nominasi ini sudah selesai, jadi butir pembinaan tidak dapat lagi dicatat atau dibuka kembali.";
    public const string PastScoring = "Nominasi ini sudah dinilai, jadi butir pembinaan tidak dapat lagi dicatat atau dibuka kembali.";
}
