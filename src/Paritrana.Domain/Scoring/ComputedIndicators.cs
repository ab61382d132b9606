using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// The indicators the portal works out from a nomination's figures instead of a scorer typing them
/// (docs/decisions/035): a government's coverage, KIN1 (PU workers protected in the BPS workforce),
/// KIN2 (BPU workers protected among the workforce without PU) and KIN3 (non-ASN staff covered).
/// Every percentage is <see cref="Coverage.Percentage"/>, the one coverage computation of the
/// portal. The scorecard offers them as the value of an empty card; a scorer may change one only
/// with a note (<see cref="NeedsNote"/>).
/// </summary>
public static class ComputedIndicators
{
    public const string PuCoverage = "KIN1";
    public const string BpuCoverage = "KIN2";
    public const string NonAsnCoverage = "KIN3";

    /// <summary>The codes this class can compute.</summary>
    public static IReadOnlyList<string> Codes { get; } = [PuCoverage, BpuCoverage, NonAsnCoverage];

    /// <summary>
    /// The values that can be computed from the nomination's figures, by indicator code (a value
    /// is left out when a figure it needs is missing, or the result is not a valid 0–100 score).
    /// Only governments (those with a BPS workforce) have them.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Of(Nomination n)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (n.WorkforceBps is not long workforce)
        {
            return values;
        }

        void Add(string code, decimal? value)
        {
            if (value is decimal v && CriteriaRules.IsValidScore(ScaleKind.Percent, v))
            {
                values[code] = v;
            }
        }

        Add(PuCoverage, Coverage.Percentage(n.ProtectedPu, workforce));
        Add(BpuCoverage, Coverage.Percentage(n.ProtectedBpu, n.ProtectedPu is int pu ? workforce - pu : null));
        Add(NonAsnCoverage, Coverage.Percentage(n.NonAsnCovered, n.NonAsnWorkers));
        return values;
    }

    /// <summary>
    /// Whether a score being saved needs a note: it was computed as <paramref name="computed"/>,
    /// the scorer gives another value, and the note (the indicator's comment) is blank.
    /// </summary>
    public static bool NeedsNote(decimal? computed, decimal? value, string? note) =>
        computed is not null && value is not null && value != computed && string.IsNullOrWhiteSpace(note);
}
