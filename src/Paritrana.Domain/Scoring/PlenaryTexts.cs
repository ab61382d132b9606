namespace Paritrana.Domain.Scoring;

/// <summary>Texts of the plenary rules shown to users (resource keys; see the translation test).</summary>
public static class PlenaryTexts
{
    public const string AlreadyForwarded =
        "Finalis keputusan ini sudah diteruskan ke tingkat nasional; keputusan pleno tidak dapat dibuka kembali.";
}
