namespace Paritrana.Web.Features.Scoring;

/// <summary>What the pages, exports and PDFs say where figures are withheld (resource keys, docs/decisions/010).</summary>
public static class ScoreVisibilityTexts
{
    public const string RowUntilSubmitted = "Nilai disembunyikan sampai Anda mengirim kartu nilai Anda untuk kandidat ini.";
    public const string RowConflict = "Nilai disembunyikan karena Anda menyatakan konflik kepentingan dengan kandidat ini.";
    public const string CardsUntilSubmitted = "Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim.";
    public const string CardsConflict = "Nilai anggota lain tidak ditampilkan karena Anda menyatakan konflik kepentingan dengan kandidat ini.";

    public const string Notice = "Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim, dan tidak ditampilkan untuk kandidat yang Anda nyatakan konflik kepentingan. Kandidat itu tampil tanpa nilai, di bawah kandidat lain menurut abjad.";

    public const string RanksWithheld = "Peringkat, seri dan usulan finalis kategori ini tidak ditampilkan selama nilai sebagian kandidatnya disembunyikan untuk Anda.";

    /// <summary>Why a nomination's figures are not shown (a row of a ranking or a report).</summary>
    public static string Row(HiddenReason reason) => reason switch
    {
        HiddenReason.OwnCardNotSubmitted => RowUntilSubmitted,
        HiddenReason.Conflict => RowConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Nothing is hidden."),
    };

    /// <summary>Why the other scorers' cards of a round are not shown (card page, history, assessment sheet).</summary>
    public static string Cards(HiddenReason reason) => reason switch
    {
        HiddenReason.OwnCardNotSubmitted => CardsUntilSubmitted,
        HiddenReason.Conflict => CardsConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Nothing is hidden."),
    };
}
