using System.Globalization;
using System.Text;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// A criteria set's aspects and indicators as text: in their order, as one signature of everything
/// a person can change (equal signatures: nothing changed), as the audit trail's summary, and as
/// the weight shape that <see cref="CriteriaRules"/> checks.
/// </summary>
public static class CriteriaText
{
    /// <summary>The aspects by order then code, each one's indicators likewise (sorted in place).</summary>
    public static List<Aspect> Ordered(IEnumerable<Aspect> aspects) =>
        aspects.OrderBy(a => a.SortOrder).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a =>
            {
                a.Indicators = a.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
                return a;
            })
            .ToList();

    /// <summary>Everything a person can change, in order: equal signatures mean nothing changed.</summary>
    public static string Signature(IEnumerable<Aspect> aspects)
    {
        var text = new StringBuilder();
        foreach (var a in Ordered(aspects))
        {
            text.Append(CultureInfo.InvariantCulture, $"A|{a.Code}|{a.Name}|{a.Weight:0.##}|{a.SortOrder}\n");
            foreach (var i in a.Indicators)
            {
                text.Append(CultureInfo.InvariantCulture, $"I|{i.Code}|{i.Name}|{i.Weight:0.##}|{i.Scale}|{i.EvidenceGuidance}|{i.Rubric1}|{i.Rubric2}|{i.Rubric3}|{i.Rubric4}|{i.Rubric5}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>"A1 60 (A1.1 50 A1.2 50), A2 40 (A2.1 100)": codes and weights, for the audit trail.</summary>
    public static string Summary(IEnumerable<Aspect> aspects) =>
        string.Join(", ", aspects.Select(a => FormattableString.Invariant($"{a.Code} {a.Weight:0.##} ({string.Join(" ", a.Indicators.Select(i => FormattableString.Invariant($"{i.Code} {i.Weight:0.##}")))})")));

    /// <summary>The names and weights that <see cref="CriteriaRules"/> checks.</summary>
    public static List<CriteriaRules.AspectShape> Shape(IEnumerable<Aspect> aspects) =>
        aspects.Select(a => new CriteriaRules.AspectShape(a.Name, a.Weight, a.Indicators.Select(i => new CriteriaRules.WeightItem(i.Name, i.Weight)).ToList())).ToList();
}
