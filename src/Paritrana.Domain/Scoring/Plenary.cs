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

/// <summary>
/// One version of the official record of a plenary's decision (docs/decisions/011): written once,
/// when the chair decides, and never changed afterwards except to mark it superseded when the chair
/// re-opens the decision. Province-level: scoped by its own InScope overload (committee of the
/// province, administrator).
/// </summary>
public class PlenaryDecisionVersion
{
    public int Id { get; set; }
    public int PlenaryId { get; set; }
    public required string ProvinceCode { get; set; }
    /// <summary>1 for the first decision of the plenary, 2 after it was re-opened and decided again, ...</summary>
    public int VersionNumber { get; set; }
    /// <summary><see cref="DecisionDocument.Number"/>: "PRT-2021-51-001".</summary>
    public required string DocumentNumber { get; set; }
    public int SchemaVersion { get; set; }
    /// <summary>The <see cref="DecisionSnapshot"/> as JSON (jsonb).</summary>
    public required string Snapshot { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the snapshot's canonical form (<see cref="CanonicalJson"/>).</summary>
    public required string Sha256 { get; set; }
    /// <summary>The first 10 base32 characters of the hash, printed on the PDF.</summary>
    public required string VerificationCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    /// <summary>When the chair re-opened the decision this version records; null while it stands.</summary>
    public DateTimeOffset? SupersededAt { get; set; }
    public Guid? SupersededBy { get; set; }
    public string? SupersededByName { get; set; }
    public string? SupersededReason { get; set; }
}

/// <summary>The rule for re-opening a plenary's decision (docs/decisions/011).</summary>
public static class PlenaryReopening
{
    /// <summary>
    /// Why the decision cannot be re-opened, or null when it can: once a nomination it decided has
    /// gone to the national level (forwarded, winner or not), the province's decision has left the
    /// province and is no longer the chair's to change.
    /// </summary>
    public static string? Refusal(IEnumerable<Nominations.NominationStatus> decidedStatuses) =>
        decidedStatuses.Any(s => s is Nominations.NominationStatus.ForwardedToNational or Nominations.NominationStatus.Winner or Nominations.NominationStatus.NotWinner)
            ? PlenaryTexts.AlreadyForwarded
            : null;
}
