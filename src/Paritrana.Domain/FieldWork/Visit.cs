using Paritrana.Domain.Access;

namespace Paritrana.Domain.FieldWork;

/// <summary>
/// A committee visit (kunjungan) to a nominated candidate: planned, then done (with findings) or
/// cancelled; a planned visit may be rescheduled with a reason.
/// </summary>
public class Visit : INominationBound
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public required string Place { get; set; }
    public required string Purpose { get; set; }
    /// <summary>People from outside the committee: union, employers' association (Apindo), experts.</summary>
    public string? ExternalParticipants { get; set; }
    public VisitStatus Status { get; set; } = VisitStatus.Planned;
    public DateTimeOffset? DoneAt { get; set; }
    public string? Findings { get; set; }
    public string? DocumentsChecked { get; set; }
    public string? InterviewNotes { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The last reschedule: when it had been planned before, and why it moved.</summary>
    public DateTimeOffset? PreviousPlannedAt { get; set; }
    public string? RescheduleReason { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public List<VisitMember> Members { get; set; } = [];
}

/// <summary>A committee member going on a visit.</summary>
public class VisitMember
{
    public int VisitId { get; set; }
    public Guid UserId { get; set; }
}

public enum VisitStatus
{
    Planned = 1,
    Done = 2,
    Cancelled = 3,
}
