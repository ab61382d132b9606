namespace Paritrana.Web.Features.Shortlist;

/// <summary>
/// The chair's choice of finalists in one category, checked against the ranking: a rationale is
/// required when the choice is not the default (the top N of the ranking) or when a finalist is in
/// a tie the rule could not break. Only nominations in status Scored can be chosen.
/// </summary>
public static class FinalistSelection
{
    public const string RationaleRequired =
        "Kategori {0}: tuliskan alasan, karena pilihan finalis berbeda dari urutan peringkat (N teratas).";
    public const string TieRationaleRequired =
        "Kategori {0}: tuliskan alasan, karena ada finalis dengan nilai sama yang tidak terpecahkan oleh aturan (wawancara, lalu cakupan).";
    public const string NotScored = "Hanya nominasi berstatus Sudah Dinilai yang dapat diputuskan.";

    // The national plenary's texts (docs/decisions/047): winners among the forwarded finalists.
    public const string WinnerRationaleRequired =
        "Kategori {0}: tuliskan alasan, karena pilihan pemenang berbeda dari urutan peringkat (N teratas).";
    public const string WinnerTieRationaleRequired =
        "Kategori {0}: tuliskan alasan, karena ada pemenang dengan nilai sama yang tidak terpecahkan oleh aturan (wawancara, lalu cakupan).";
    public const string NotForwarded = "Hanya finalis berstatus Diteruskan ke Nasional yang dapat diputuskan.";

    /// <summary>What is wrong with the choice (a resource key with the category name as {0}), or null when it stands.</summary>
    public static string? Check(IReadOnlyList<ShortlistRow> rows, IReadOnlyCollection<int> chosen, string? rationale, PlenaryStage? stage = null)
    {
        stage ??= PlenaryStage.Provincial;
        var decidable = rows.Where(r => r.Status == stage.Decidable).ToList();
        if (chosen.Any(id => !decidable.Exists(r => r.NominationId == id)))
        {
            return stage.IsNational ? NotForwarded : NotScored;
        }

        if (!string.IsNullOrWhiteSpace(rationale))
        {
            return null;
        }

        var defaults = decidable.Where(r => r.IsDefaultFinalist).Select(r => r.NominationId).ToHashSet();
        if (decidable.Exists(r => chosen.Contains(r.NominationId) && r.BrokenBy == TieBreak.Unresolved))
        {
            return stage.IsNational ? WinnerTieRationaleRequired : TieRationaleRequired;
        }

        return defaults.SetEquals(chosen) ? null : stage.IsNational ? WinnerRationaleRequired : RationaleRequired;
    }

    /// <summary>True when the choice differs from the default top N (shown next to the rationale box).</summary>
    public static bool DepartsFromDefault(IReadOnlyList<ShortlistRow> rows, IReadOnlyCollection<int> chosen, PlenaryStage? stage = null) =>
        !rows.Where(r => r.Status == (stage ?? PlenaryStage.Provincial).Decidable && r.IsDefaultFinalist).Select(r => r.NominationId).ToHashSet().SetEquals(chosen);
}
