namespace Paritrana.Domain.Nominations;

/// <summary>
/// The texts the nomination workflow returns to users. They are Indonesian and double as resource
/// keys: the web app shows them through its localizer, and the translation test reads every
/// literal of the *Texts.cs files.
/// </summary>
public static class WorkflowTexts
{
    public const string Finished = "Nominasi ini sudah selesai; statusnya tidak dapat diubah lagi.";
    public const string WrongStatus = "Langkah ini tidak dapat dilakukan pada status nominasi saat ini.";
    public const string WrongRole = "Peran Anda tidak berwenang melakukan langkah ini.";
    public const string ReasonRequired = "Alasan wajib diisi untuk langkah ini.";
    public const string PlenaryOnly = "Langkah ini hanya dapat diambil untuk seluruh keputusan pada halaman rapat pleno.";
    public const string OpenCoachingItems = "Masih ada butir pembinaan yang terbuka atau sedang dikerjakan; selesaikan atau kesampingkan dulu sebelum nominasi siap dinilai.";
    public const string ScoringIncomplete = "Penilaian nominasi ini belum lengkap; ketua hanya dapat menandainya sudah dinilai dengan alasan.";
}
