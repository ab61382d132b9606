namespace Paritrana.Domain.Scoring;

/// <summary>
/// One round of a nomination's cycle and province as the completeness rule needs it: its state,
/// how many scorers are assigned to the nomination in it (scorers who declared a conflict with the
/// candidate not counted) and how many of those have submitted their card.
/// </summary>
public sealed record RoundCards(string RoundName, RoundStatus Status, int Assigned, int Submitted);

/// <summary>A round that keeps a nomination's scoring incomplete: no scorer assigned, or cards not yet submitted.</summary>
public sealed record MissingRound(string RoundName, int Assigned, int Unsubmitted)
{
    public bool NoScorer => Assigned == 0;
}

/// <summary>A round as the shortlist shows it: its weight in the total and the nomination's score in it (null when none).</summary>
public sealed record RoundScore(string RoundName, decimal Weight, decimal? Score);

/// <summary>
/// Whether a nomination's scoring is complete (docs/decisions/015-complete-scoring.md).
/// <list type="bullet">
/// <item>For "Sudah dinilai": every round of the nomination's cycle and province that is open or
/// closed has at least one assigned scorer without a declared conflict, and every such scorer has
/// submitted their card. Rounds still in draft are not asked about.</item>
/// <item>For the shortlist, the plenary, the exports and the reports: the rounds that count in the
/// total (weight above 0) in which the nomination has no score, the same rounds whose absence
/// makes <see cref="ScoringMath.Total"/> incomplete.</item>
/// </list>
/// </summary>
public static class ScoringCompleteness
{
    /// <summary>The open or closed rounds that are not complete for the nomination, in the order given; empty when complete.</summary>
    public static IReadOnlyList<MissingRound> Missing(IEnumerable<RoundCards> rounds) =>
        rounds
            .Where(r => r.Status != RoundStatus.Draft)
            .Where(r => r.Assigned <= 0 || r.Submitted < r.Assigned)
            .Select(r => new MissingRound(r.RoundName, Math.Max(r.Assigned, 0), Math.Max(r.Assigned - r.Submitted, 0)))
            .ToList();

    /// <summary>The names of the rounds that count in the total but have no score, in the order given.</summary>
    public static IReadOnlyList<string> Unscored(IEnumerable<RoundScore> rounds) =>
        rounds.Where(r => r.Weight > 0m && r.Score is null).Select(r => r.RoundName).ToList();
}
