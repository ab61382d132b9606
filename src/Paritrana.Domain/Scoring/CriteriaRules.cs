namespace Paritrana.Domain.Scoring;

/// <summary>Checks of a criteria set's shape: weights add up to 100 at each level, scales are whole.</summary>
public static class CriteriaRules
{
    public sealed record WeightItem(string Name, decimal Weight);

    public sealed record AspectShape(string Name, decimal Weight, IReadOnlyList<WeightItem> Indicators);

    /// <summary>
    /// Returns the problems of a set (text templates with their values), empty when it may be used: aspect weights
    /// add up to exactly 100, every aspect has indicators whose weights add up to exactly 100, and
    /// every weight is above 0 and at most 100 with at most two decimals.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Problems(IReadOnlyList<AspectShape> aspects)
    {
        var problems = new List<RuleProblem>();
        if (aspects.Count == 0)
        {
            problems.Add(new(ScoringTexts.NoAspects));
            return problems;
        }

        var aspectSum = aspects.Sum(a => a.Weight);
        if (aspectSum != 100m)
        {
            problems.Add(new(ScoringTexts.AspectWeightsSum, aspectSum));
        }

        foreach (var aspect in aspects)
        {
            if (!IsValidWeight(aspect.Weight))
            {
                problems.Add(new(ScoringTexts.AspectWeightInvalid, aspect.Name));
            }

            if (aspect.Indicators.Count == 0)
            {
                problems.Add(new(ScoringTexts.AspectWithoutIndicators, aspect.Name));
                continue;
            }

            var sum = aspect.Indicators.Sum(i => i.Weight);
            if (sum != 100m)
            {
                problems.Add(new(ScoringTexts.IndicatorWeightsSum, aspect.Name, sum));
            }

            foreach (var indicator in aspect.Indicators.Where(i => !IsValidWeight(i.Weight)))
            {
                problems.Add(new(ScoringTexts.IndicatorWeightInvalid, indicator.Name));
            }
        }

        return problems;
    }

    public static bool IsValidWeight(decimal weight) => weight > 0m && weight <= 100m && decimal.Round(weight, 2) == weight;

    /// <summary>Whether a raw score fits the indicator's scale (0–100 in steps of 0.01, or a whole level 1–5).</summary>
    public static bool IsValidScore(ScaleKind scale, decimal value) => scale switch
    {
        ScaleKind.Percent => value is >= 0m and <= 100m && decimal.Round(value, 2) == value,
        ScaleKind.Levels => value is >= 1m and <= 5m && decimal.Truncate(value) == value,
        _ => false,
    };
}
