using Paritrana.Domain.Access;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// A scoring round of one province in one cycle (Penilaian Dokumen, Kunjungan Lapangan,
/// Wawancara): it scores a subset of the aspects and carries a weight in the total. The chair opens
/// and closes it; a closed round is read-only.
/// </summary>
public class ScoringRound
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    /// <summary>The province, or <c>NationalStage.Code</c> for a round of the national jury (docs/decisions/043).</summary>
    public required string ProvinceCode { get; set; }
    public required string Name { get; set; }
    public RoundKind Kind { get; set; }
    public decimal Weight { get; set; }
    public int SortOrder { get; set; }
    public RoundStatus Status { get; set; } = RoundStatus.Draft;
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The last day (WIB) on which scorers are expected to submit their cards; none when not set.</summary>
    public DateOnly? ClosesOn { get; set; }
    /// <summary>The chair's choice: a card is not accepted for submission after <see cref="ClosesOn"/> (WIB). Nothing else is blocked by a date.</summary>
    public bool RefuseLateCards { get; set; }
    public uint Version { get; set; }
    /// <summary>The aspect codes this round scores (matched by code across criteria versions and categories).</summary>
    public List<RoundAspect> Aspects { get; set; } = [];
}

public class RoundAspect
{
    public int RoundId { get; set; }
    public required string AspectCode { get; set; }
}

public enum RoundKind
{
    Documents = 1,
    FieldVisit = 2,
    Interview = 3,
    Other = 9,
}

public enum RoundStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

/// <summary>A scorer assigned to score a nomination in a round.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int NominationId { get; set; }
    public Guid ScorerId { get; set; }
    public Guid AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>A scorer's declared conflict of interest with a candidate (for the whole cycle).</summary>
public class ConflictDeclaration
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public Guid ScorerId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
}

/// <summary>
/// One scorer's scores of one nomination in one round, against the criteria version it was opened
/// with. A draft is saved as often as needed; submitting locks it; the chair may reopen it.
/// </summary>
public class Scorecard : IRegionBound
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int NominationId { get; set; }
    public Guid ScorerId { get; set; }
    public int CriteriaSetId { get; set; }
    /// <summary>The round's scope value: the nomination's province, or <c>NationalStage.Code</c> for a national card.</summary>
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    public ScorecardStatus Status { get; set; } = ScorecardStatus.Draft;
    /// <summary>The card's total (0..100), kept when submitted so rankings need not recompute it.</summary>
    public decimal? Total { get; set; }
    public string? Strengths { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ReopenReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public List<Score> Scores { get; set; } = [];
}

public enum ScorecardStatus
{
    Draft = 1,
    Submitted = 2,
}

public class Score
{
    public int ScorecardId { get; set; }
    public int IndicatorId { get; set; }
    public decimal? Value { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Every change of a score: who, when, old and new value, and the card's state then.</summary>
public class ScoreChange
{
    public long Id { get; set; }
    public int ScorecardId { get; set; }
    public int? IndicatorId { get; set; }
    public decimal? OldValue { get; set; }
    public decimal? NewValue { get; set; }
    public string? OldComment { get; set; }
    public string? NewComment { get; set; }
    public ScorecardStatus CardStatus { get; set; }
    /// <summary>What happened: saved, submitted, reopened.</summary>
    public required string Event { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }
}
