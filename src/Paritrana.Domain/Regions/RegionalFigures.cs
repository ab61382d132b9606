namespace Paritrana.Domain.Regions;

/// <summary>
/// A regency's or city's workforce and BPJamsostek participation as of one month, from a regional
/// coverage extract (docs/import-format.md). One row per regency and period: importing a period
/// again replaces that period's rows for the regencies in the file.
/// </summary>
public class RegionalFigures
{
    public required string RegencyCode { get; set; }
    /// <summary>The month the figures are as of, stored as its first day.</summary>
    public DateOnly Period { get; set; }
    /// <summary>Employed population in formal work (BPS).</summary>
    public long FormalWorkers { get; set; }
    /// <summary>Employed population in informal work (BPS).</summary>
    public long InformalWorkers { get; set; }
    /// <summary>Active wage-earner participants (peserta penerima upah, PU).</summary>
    public long ParticipantsPu { get; set; }
    /// <summary>Active non-wage-earner participants (bukan penerima upah, BPU).</summary>
    public long ParticipantsBpu { get; set; }
    /// <summary>Active registered employers.</summary>
    public long ActiveEmployers { get; set; }
    /// <summary>Villages declared "desa sadar jaminan sosial"; null when the extract leaves it empty.</summary>
    public int? AwareVillages { get; set; }
    public long? ImportBatchId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public RegencyOrCity? RegencyOrCity { get; set; }
}
