using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// What the plenary decided, frozen at the moment of the decision (docs/decisions/011): everything
/// the official finalist report prints, so that the report renders from this alone, whatever changes
/// later. Stored as JSON (<see cref="DecisionDocument"/>); <see cref="SchemaVersion"/> says which
/// shape of these records the JSON has. Figures are kept exactly as computed (not rounded): the
/// report rounds them as it always does.
/// </summary>
public sealed record DecisionSnapshot(
    int SchemaVersion,
    string DocumentNumber,
    int Version,
    int Year,
    string ProvinceCode,
    string ProvinceName,
    DateTimeOffset DecidedAt,
    string DecidedBy,
    SnapshotPlenary Plenary,
    IReadOnlyList<SnapshotCommitteeMember> Committee,
    RoundAggregation Aggregation,
    IReadOnlyList<SnapshotRound> Rounds,
    IReadOnlyList<SnapshotCategory> Categories)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<SnapshotNomination> Nominations => Categories.SelectMany(c => c.Nominations);
}

/// <summary>The plenary record as the chair entered it.</summary>
public sealed record SnapshotPlenary(DateOnly HeldOn, string Place, string Attendees, string? Minutes, string? Decision);

/// <summary>A member of the provincial committee (of the national jury, for the national plenary) at the moment of the decision; <see cref="Role"/> is a role name of <see cref="Access.Roles"/>.</summary>
public sealed record SnapshotCommitteeMember(string Name, string Role);

/// <summary>A scoring round of the province: a column of the report.</summary>
public sealed record SnapshotRound(int Id, string Name, RoundKind Kind, decimal Weight);

/// <summary>One category with the plenary's rationale and every ranked nomination, in rank order.</summary>
public sealed record SnapshotCategory(
    int Id,
    string Code,
    string Name,
    CategoryKind Kind,
    int FinalistCount,
    string? Rationale,
    IReadOnlyList<SnapshotNomination> Nominations);

/// <summary>
/// One ranked nomination as decided: its status after the decision, its score in every round of the
/// province (null where the round has no score for it), total, rank and tie-break, and, for a
/// finalist, the profile the report prints; the chair's reason when it was marked scored while its
/// scoring was incomplete (docs/decisions/015).
/// </summary>
public sealed record SnapshotNomination(
    int Id,
    string Name,
    string? RegencyName,
    NominationStatus Status,
    bool IsFinalist,
    IReadOnlyList<SnapshotRoundScore> RoundScores,
    decimal? Total,
    bool TotalComplete,
    decimal? InterviewScore,
    decimal? Coverage,
    int Rank,
    bool Tied,
    TieBreak TieBreak,
    bool IsDefaultFinalist,
    bool Disagreement,
    int OpenCoachingItems,
    SnapshotProfile? Profile,
    string? ScoringReason = null)
{
    /// <summary>The candidate's province, in a national decision (docs/decisions/047); absent from a province's.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? CandidateProvince { get; init; }

    /// <summary>A national winner's award name (docs/decisions/047); absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? AwardName { get; init; }
}

public sealed record SnapshotRoundScore(int RoundId, decimal? Score);

/// <summary>A finalist's section of the report: organisation, coverage figures, aspect scores, field work and strengths.</summary>
public sealed record SnapshotProfile(
    bool IsGovernment,
    string? Npp,
    string? Sector,
    string? Address,
    int? Workers,
    int? ParticipantsPu,
    int? ParticipantsBpu,
    long? WorkforceBps,
    int? ProtectedPu,
    int? ProtectedBpu,
    int? NonAsnWorkers,
    int? NonAsnCovered,
    IReadOnlyList<SnapshotAspect> Aspects,
    int VisitsDone,
    int CoachingResolved,
    int CoachingWaived,
    int CoachingOpen,
    IReadOnlyList<string> Strengths);

public sealed record SnapshotAspect(string Code, string Name, decimal Score);
