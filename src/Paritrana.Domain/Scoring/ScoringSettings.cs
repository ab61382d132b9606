namespace Paritrana.Domain.Scoring;

/// <summary>Per-cycle scoring options.</summary>
public class ScoringSettings
{
    public int CycleId { get; set; }
    public RoundAggregation Aggregation { get; set; } = RoundAggregation.Mean;
    /// <summary>Scorers see others' scores only after submitting their own card.</summary>
    public bool HideOthersUntilSubmitted { get; set; } = true;
    /// <summary>An indicator's range (max − min of normalised scores) above this is flagged.</summary>
    public decimal DisagreementThreshold { get; set; } = 25m;
    public bool ShowZScores { get; set; }
    public uint Version { get; set; }
}
