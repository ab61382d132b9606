namespace Paritrana.Domain.Scoring;

/// <summary>
/// A category's criteria as the round check needs them: the current set's shape and aspect codes,
/// or null when the category has no current set.
/// </summary>
public sealed record CategoryCriteria(string CategoryName, IReadOnlyList<CriteriaRules.AspectShape>? CurrentSet, IReadOnlyCollection<string> AspectCodes);

/// <summary>What a category lacks for scoring in a round.</summary>
public enum CriteriaLack
{
    /// <summary>No current criteria set.</summary>
    NoCriteria = 1,
    /// <summary>A current set that <see cref="CriteriaRules.Problems"/> does not accept (weights not adding up to 100, an aspect without indicators).</summary>
    NotValid = 2,
    /// <summary>A valid set, but without any of the aspects the round scores: the scorer would have nothing to score.</summary>
    NoAspectOfRound = 3,
}

public sealed record CategoryLack(string CategoryName, CriteriaLack Lack);

/// <summary>
/// Whether the categories a round would score have criteria a scorer can use: a current set that
/// <see cref="CriteriaRules"/> accepts and that has at least one of the round's aspects. A round is
/// not opened, and scorers are not assigned, while a category of its nominations lacks them
/// (docs/decisions/015-complete-scoring.md).
/// </summary>
public static class CriteriaReadiness
{
    /// <summary>The categories that lack usable criteria for a round scoring <paramref name="roundAspectCodes"/>, in the order given; empty when every one is ready.</summary>
    public static IReadOnlyList<CategoryLack> Lacking(IEnumerable<CategoryCriteria> categories, IReadOnlyCollection<string> roundAspectCodes)
    {
        var lacking = new List<CategoryLack>();
        foreach (var category in categories)
        {
            if (category.CurrentSet is null)
            {
                lacking.Add(new(category.CategoryName, CriteriaLack.NoCriteria));
            }
            else if (CriteriaRules.Problems(category.CurrentSet).Count > 0)
            {
                lacking.Add(new(category.CategoryName, CriteriaLack.NotValid));
            }
            else if (roundAspectCodes.Count > 0 && !category.AspectCodes.Any(roundAspectCodes.Contains))
            {
                lacking.Add(new(category.CategoryName, CriteriaLack.NoAspectOfRound));
            }
        }

        return lacking;
    }
}
