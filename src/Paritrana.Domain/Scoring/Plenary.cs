namespace Paritrana.Domain.Scoring;

/// <summary>The provincial plenary (rapat pleno) of a cycle: when, where, who, minutes and decision.</summary>
public class Plenary
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public required string ProvinceCode { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    public required string Attendees { get; set; }
    public string? Minutes { get; set; }
    public string? Decision { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>The chair's decision on one nomination at the plenary: finalist or not, with the rank and why.</summary>
public class FinalistDecision
{
    public int Id { get; set; }
    public int PlenaryId { get; set; }
    public int NominationId { get; set; }
    public bool IsFinalist { get; set; }
    public int? Rank { get; set; }
    public decimal? Total { get; set; }
    /// <summary>Required when the decision departs from the ranking or breaks a tie.</summary>
    public string? Rationale { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public Guid DecidedBy { get; set; }
    /// <summary>The national result, recorded later by the administrator.</summary>
    public string? NationalAwardName { get; set; }
}
