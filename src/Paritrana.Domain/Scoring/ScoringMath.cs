namespace Paritrana.Domain.Scoring;

/// <summary>How the submitted cards of a round are combined into the nomination's round score.</summary>
public enum RoundAggregation
{
    Mean = 1,
    Median = 2,
}

/// <summary>One indicator as the arithmetic needs it: its aspect, the two weights and the scale.</summary>
public sealed record IndicatorWeighting(int IndicatorId, int AspectId, decimal AspectWeight, decimal IndicatorWeight, ScaleKind Scale);

/// <summary>A submitted card's total, with whether its scorer declared a conflict with the candidate.</summary>
public sealed record CardTotal(Guid ScorerId, int NominationId, decimal Total, bool Conflicted = false);

/// <summary>A round's weight in the total and the nomination's score in it (null when not scored yet).</summary>
public sealed record RoundPart(decimal Weight, decimal? Score);

/// <summary>The combined total: the weighted score and whether every round contributed.</summary>
public sealed record TotalScore(decimal? Value, bool IsComplete);

/// <summary>How far scorers' scores of one indicator lie apart.</summary>
public sealed record Spread(decimal Range, decimal StandardDeviation, bool Disagreement);

/// <summary>
/// The scoring arithmetic, in decimal throughout (docs/decisions/007-scoring-arithmetic.md):
/// <list type="bullet">
/// <item>a raw score is normalised to 0..100 (levels 1..5 map to 0, 25, 50, 75, 100);</item>
/// <item>a card's total is the weighted sum over the round's aspects (their weights re-based to 100
/// within the round) and each aspect's indicators (weights within the aspect adding up to 100);</item>
/// <item>a nomination's round score is the mean (or median) of its submitted cards, conflicted
/// scorers excluded;</item>
/// <item>the total combines the rounds by their weights; a round without a score is left out and the
/// total is marked incomplete;</item>
/// <item>nothing is rounded until a figure is shown or stored: then to two decimals, half away from zero.</item>
/// </list>
/// </summary>
public static class ScoringMath
{
    /// <summary>Rounds a figure for showing or storing: two decimals, half away from zero.</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal Normalise(ScaleKind scale, decimal raw) => scale switch
    {
        ScaleKind.Percent => raw,
        ScaleKind.Levels => (raw - 1m) * 25m,
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    /// <summary>
    /// The total of one card over the indicators of its round. Every indicator must be scored;
    /// returns null otherwise (a draft card has no total).
    /// </summary>
    public static decimal? CardTotalOf(IReadOnlyCollection<IndicatorWeighting> indicators, IReadOnlyDictionary<int, decimal> rawScores)
    {
        if (indicators.Count == 0 || indicators.Any(i => !rawScores.ContainsKey(i.IndicatorId)))
        {
            return null;
        }

        var aspects = indicators.GroupBy(i => i.AspectId).ToList();
        var aspectWeightSum = aspects.Sum(a => a.First().AspectWeight);
        if (aspectWeightSum == 0m)
        {
            return null;
        }

        var total = 0m;
        foreach (var aspect in aspects)
        {
            var aspectScore = aspect.Sum(i => i.IndicatorWeight / 100m * Normalise(i.Scale, rawScores[i.IndicatorId]));
            total += aspect.First().AspectWeight / aspectWeightSum * aspectScore;
        }

        return total;
    }

    /// <summary>The score of one aspect on one card (0..100), for the breakdown per aspect.</summary>
    public static decimal? AspectScoreOf(IEnumerable<IndicatorWeighting> aspectIndicators, IReadOnlyDictionary<int, decimal> rawScores)
    {
        var list = aspectIndicators.ToList();
        if (list.Count == 0 || list.Any(i => !rawScores.ContainsKey(i.IndicatorId)))
        {
            return null;
        }

        return list.Sum(i => i.IndicatorWeight / 100m * Normalise(i.Scale, rawScores[i.IndicatorId]));
    }

    /// <summary>A nomination's score in a round from its submitted cards; null when no card counts.</summary>
    public static decimal? RoundScore(IEnumerable<CardTotal> cards, RoundAggregation aggregation)
    {
        var totals = cards.Where(c => !c.Conflicted).Select(c => c.Total).ToList();
        return aggregation == RoundAggregation.Median ? Median(totals) : Mean(totals);
    }

    public static decimal? Mean(IReadOnlyCollection<decimal> values) =>
        values.Count == 0 ? null : values.Sum() / values.Count;

    public static decimal? Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>Combines round scores by their weights; rounds not yet scored are left out.</summary>
    public static TotalScore Total(IReadOnlyCollection<RoundPart> rounds)
    {
        var scored = rounds.Where(r => r.Score is not null && r.Weight > 0m).ToList();
        var weight = scored.Sum(r => r.Weight);
        if (weight == 0m)
        {
            return new TotalScore(null, false);
        }

        var value = scored.Sum(r => r.Weight * r.Score!.Value) / weight;
        return new TotalScore(value, scored.Count == rounds.Count(r => r.Weight > 0m));
    }

    /// <summary>
    /// The spread of scorers' normalised scores of one indicator: range (max − min) and population
    /// standard deviation; a disagreement when the range exceeds the threshold.
    /// </summary>
    public static Spread SpreadOf(IReadOnlyCollection<decimal> normalisedScores, decimal disagreementThreshold)
    {
        if (normalisedScores.Count == 0)
        {
            return new Spread(0m, 0m, false);
        }

        var range = normalisedScores.Max() - normalisedScores.Min();
        return new Spread(range, StandardDeviation(normalisedScores), range > disagreementThreshold);
    }

    /// <summary>Population standard deviation (the scorers are all of the scorers, not a sample).</summary>
    public static decimal StandardDeviation(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return 0m;
        }

        var mean = values.Sum() / values.Count;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return Sqrt(variance);
    }

    /// <summary>
    /// Scores corrected for harsh or lenient scorers: each card total becomes its scorer's z-score
    /// (distance from that scorer's mean in their standard deviations; 0 when a scorer gave all
    /// cards the same total), and a nomination's adjusted score is the mean of its z-scores mapped
    /// back onto the scale of all cards (overall mean + mean z × overall standard deviation).
    /// Conflicted cards are excluded. Returns nomination → adjusted score.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> ZAdjustedScores(IReadOnlyCollection<CardTotal> cards)
    {
        var counted = cards.Where(c => !c.Conflicted).ToList();
        if (counted.Count == 0)
        {
            return new Dictionary<int, decimal>();
        }

        var byScorer = counted.GroupBy(c => c.ScorerId).ToDictionary(
            g => g.Key,
            g => (Mean: g.Average(c => c.Total), Sd: StandardDeviation(g.Select(c => c.Total).ToList())));
        var overallMean = counted.Average(c => c.Total);
        var overallSd = StandardDeviation(counted.Select(c => c.Total).ToList());

        return counted
            .GroupBy(c => c.NominationId)
            .ToDictionary(
                g => g.Key,
                g => overallMean + (overallSd * g.Average(c =>
                {
                    var s = byScorer[c.ScorerId];
                    return s.Sd == 0m ? 0m : (c.Total - s.Mean) / s.Sd;
                })));
    }

    /// <summary>Square root in decimal (Newton's method), so that no figure passes through double.</summary>
    public static decimal Sqrt(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0m)
        {
            return 0m;
        }

        var x = (decimal)Math.Sqrt((double)value); // a close first guess
        for (var i = 0; i < 8; i++)
        {
            var next = (x + (value / x)) / 2m;
            if (next == x)
            {
                break;
            }

            x = next;
        }

        return x;
    }
}
