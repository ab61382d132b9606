namespace Paritrana.Domain.Organisations;

/// <summary>
/// An employer's BPJamsostek figures as of one date, from an import. One row per employer and
/// as-of date: re-importing the same date updates it, a new date adds history.
/// </summary>
public class CoverageFigures
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public DateOnly AsOf { get; set; }
    public int Workers { get; set; }
    public int ParticipantsPu { get; set; }
    public int ParticipantsBpu { get; set; }
    public Programs Programs { get; set; }
    public int ArrearsMonths { get; set; }
    public long? ImportBatchId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Coverage arithmetic shared by discovery, nominations and reports.</summary>
public static class Coverage
{
    /// <summary>
    /// Participants (PU + BPU) as a percentage of workers, rounded half away from zero to two
    /// decimals; null when the workforce is unknown or zero.
    /// </summary>
    public static decimal? Percentage(long? participants, long? workers) =>
        participants is null || workers is null or 0
            ? null
            : Math.Round(100m * participants.Value / workers.Value, 2, MidpointRounding.AwayFromZero);
}
