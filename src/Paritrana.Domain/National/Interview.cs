using Paritrana.Domain.Access;

namespace Paritrana.Domain.National;

/// <summary>
/// A finalist's interview before the national jury (issue 17, point 3): when (stored in UTC, typed and
/// shown in WIB, where the secretariat works, and shown in the candidate's own time as well), where or
/// by which video link, who presents for the candidate, and which jurors sit. One per finalist and
/// cycle; a juror is never in two interviews at once (<see cref="InterviewClashes"/>).
/// </summary>
public class Interview : INominationBound
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int NominationId { get; set; }

    /// <summary>The candidate's province, copied from the nomination: the province's committee sees the schedule.</summary>
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }

    /// <summary>A room, or null when the interview is by video only.</summary>
    public string? Place { get; set; }
    public string? VideoLink { get; set; }

    /// <summary>The person who presents: the head of region (or their deputy) or the company's leader.</summary>
    public required string PresenterName { get; set; }
    public required string PresenterPosition { get; set; }

    public InterviewStatus Status { get; set; } = InterviewStatus.Scheduled;
    public string? CancelReason { get; set; }

    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public List<InterviewJuror> Jurors { get; set; } = [];

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

/// <summary>A juror who sits in an interview.</summary>
public class InterviewJuror
{
    public int InterviewId { get; set; }
    public Guid UserId { get; set; }
}

public enum InterviewStatus
{
    Scheduled = 1,
    Cancelled = 2,
}
