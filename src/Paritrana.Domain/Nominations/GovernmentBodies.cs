namespace Paritrana.Domain.Nominations;

/// <summary>
/// The names under which government candidates are stored as organisations: "Pemerintah Provinsi
/// Bali", "Pemerintah Kota Denpasar", "Pemerintah Desa Taro". The first two exist once per region;
/// villages are found again by their normalised name within their regency.
/// </summary>
public static class GovernmentBodies
{
    public const int MaxVillageNameLength = 150;

    /// <summary>"Bali" → "Pemerintah Provinsi Bali".</summary>
    public static string ProvinceName(string provinceName) => "Pemerintah Provinsi " + Squeeze(provinceName);

    /// <summary>"Kota Denpasar" → "Pemerintah Kota Denpasar"; "Kabupaten Badung" → "Pemerintah Kabupaten Badung".</summary>
    public static string RegencyOrCityName(string regencyOrCityName) => "Pemerintah " + Squeeze(regencyOrCityName);

    /// <summary>
    /// What the member typed as a village ("Taro", "desa Taro", "Pemerintah Desa Taro", "Desa Adat
    /// Tenganan", "Kelurahan Sesetan") as the organisation's name; null when no name is left.
    /// </summary>
    public static string? VillageName(string? typed)
    {
        var words = (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && IsWord(words[0], "Pemerintah"))
        {
            words.RemoveAt(0);
        }

        var kind = "Desa";
        if (words.Count > 0 && (IsWord(words[0], "Desa") || IsWord(words[0], "Kelurahan")))
        {
            kind = IsWord(words[0], "Kelurahan") ? "Kelurahan" : "Desa";
            words.RemoveAt(0);
        }

        return words.Count == 0 ? null : $"Pemerintah {kind} {string.Join(' ', words)}";
    }

    private static bool IsWord(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Trims and collapses runs of white space into one space.</summary>
    private static string Squeeze(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
