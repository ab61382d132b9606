namespace Paritrana.Web.Features.Shortlist;

/// <summary>
/// What keeps a nomination's scoring from being complete, as the shortlist, the plenary, the CSV
/// exports and the reports mark it: the rounds that count in the total without a score, and the
/// chair's reason when the nomination was marked scored anyway (docs/decisions/015).
/// </summary>
public sealed record ScoringGap(IReadOnlyList<string> MissingRounds, bool Incomplete, string? Reason);

public static class ScoringGaps
{
    /// <summary>
    /// The gap of a row of the shortlist, or null when its scoring is complete and no reason was given.
    /// A row hidden from the viewer has none: its round scores are withheld, not missing (decisions/010).
    /// </summary>
    public static ScoringGap? Of(ShortlistData data, ShortlistRow row) =>
        Of(data.Rounds, row, data.ScoringReasons.GetValueOrDefault(row.NominationId));

    public static ScoringGap? Of(IReadOnlyList<RoundColumn> rounds, ShortlistRow row, string? reason) =>
        row.IsHidden ? null : Of(rounds.Select(r => new RoundScore(r.Name, r.Weight, row.RoundScores.GetValueOrDefault(r.Id))), reason);

    /// <summary>
    /// The gap from the rounds' scores: the weighted rounds without a score (incomplete also when no
    /// round counts at all, as <see cref="ScoringMath.Total"/> has it) and the chair's reason.
    /// </summary>
    public static ScoringGap? Of(IEnumerable<RoundScore> rounds, string? reason)
    {
        var list = rounds.ToList();
        var missing = ScoringCompleteness.Unscored(list);
        var incomplete = missing.Count > 0 || !list.Any(r => r.Weight > 0m);
        return incomplete || reason is not null ? new ScoringGap(missing, incomplete, reason) : null;
    }

    /// <summary>"Belum lengkap: Kunjungan Lapangan, Wawancara belum dinilai — alasan Ketua: ..." (or the parts that apply).</summary>
    public static string Text(IStringLocalizer<SharedResource> l, ScoringGap gap)
    {
        var rounds = string.Join(", ", gap.MissingRounds);
        return (gap.Incomplete, gap.MissingRounds.Count > 0, gap.Reason) switch
        {
            (true, true, null) => l["Belum lengkap: {0} belum dinilai", rounds].Value,
            (true, true, { } reason) => l["Belum lengkap: {0} belum dinilai — alasan Ketua: {1}", rounds, reason].Value,
            (true, false, null) => l["Belum lengkap: belum ada babak yang dinilai"].Value,
            (true, false, { } reason) => l["Belum lengkap: belum ada babak yang dinilai — alasan Ketua: {0}", reason].Value,
            (false, _, { } reason) => l["Ditandai sudah dinilai walaupun penilaian belum lengkap — alasan Ketua: {0}", reason].Value,
            _ => "",
        };
    }

    /// <summary>The marker of a row as text, empty when there is none (for the CSV cells).</summary>
    public static string TextOf(IStringLocalizer<SharedResource> l, ShortlistData data, ShortlistRow row) =>
        Of(data, row) is { } gap ? Text(l, gap) : "";
}
