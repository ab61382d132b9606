namespace Paritrana.Domain.Scoring;

/// <summary>What ranking needs of a nomination: its total and the two tie-breakers.</summary>
public sealed record RankInput(int NominationId, decimal? Total, decimal? InterviewScore, decimal? CoveragePercentage);

/// <summary>How a tie (equal totals to two decimals) was broken.</summary>
public enum TieBreak
{
    /// <summary>No tie.</summary>
    None = 0,
    /// <summary>Broken by the higher interview score.</summary>
    Interview = 1,
    /// <summary>Interview scores equal too: broken by the higher coverage percentage.</summary>
    Coverage = 2,
    /// <summary>Still equal: the chair decides and records why.</summary>
    Unresolved = 3,
}

public sealed record RankedNomination(int NominationId, int Rank, decimal? Total, bool Tied, TieBreak BrokenBy, bool IsDefaultFinalist);

/// <summary>
/// Ranks the nominations of one category (docs/decisions/007-scoring-arithmetic.md): by total
/// rounded to two decimals, highest first. Equal totals are a tie, flagged, and ordered by the
/// documented rule: the higher interview score, then the higher coverage percentage; if still
/// equal the tie is unresolved and the nominations share a rank until the chair decides.
/// Unscored nominations come last, unranked. The top <c>finalistCount</c> ranks are the default
/// finalists.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedNomination> Rank(IEnumerable<RankInput> inputs, int finalistCount)
    {
        var scored = inputs.Where(i => i.Total is not null).ToList();
        var unscored = inputs.Where(i => i.Total is null).ToList();

        var ordered = scored
            .OrderByDescending(i => ScoringMath.Round2(i.Total!.Value))
            .ThenByDescending(i => i.InterviewScore ?? decimal.MinValue)
            .ThenByDescending(i => i.CoveragePercentage ?? decimal.MinValue)
            .ThenBy(i => i.NominationId)
            .ToList();

        var result = new List<RankedNomination>(ordered.Count + unscored.Count);
        for (var index = 0; index < ordered.Count; index++)
        {
            var current = ordered[index];
            var total = ScoringMath.Round2(current.Total!.Value);
            var tiedWith = ordered.Where(o => o != current && ScoringMath.Round2(o.Total!.Value) == total).ToList();
            var breakBy = TieBreak.None;
            var rank = index + 1;
            if (tiedWith.Count > 0)
            {
                breakBy = TieBreakOf(current, tiedWith);
                if (breakBy == TieBreak.Unresolved)
                {
                    // Share the rank of the first nomination it cannot be told apart from.
                    var first = ordered.FindIndex(o => ScoringMath.Round2(o.Total!.Value) == total && Same(o, current));
                    rank = first + 1;
                }
            }

            result.Add(new RankedNomination(current.NominationId, rank, current.Total, tiedWith.Count > 0, breakBy, rank <= finalistCount));
        }

        result.AddRange(unscored.OrderBy(u => u.NominationId).Select(u => new RankedNomination(u.NominationId, 0, null, false, TieBreak.None, false)));
        return result;
    }

    private static bool Same(RankInput a, RankInput b) => a.InterviewScore == b.InterviewScore && a.CoveragePercentage == b.CoveragePercentage;

    /// <summary>The deepest rule needed to tell this nomination from those it is tied with.</summary>
    private static TieBreak TieBreakOf(RankInput current, List<RankInput> tiedWith)
    {
        if (tiedWith.Any(t => Same(t, current)))
        {
            return TieBreak.Unresolved;
        }

        return tiedWith.Any(t => t.InterviewScore == current.InterviewScore) ? TieBreak.Coverage : TieBreak.Interview;
    }
}
