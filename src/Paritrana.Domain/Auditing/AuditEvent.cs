namespace Paritrana.Domain.Auditing;

/// <summary>
/// One entry of the audit trail: who did what to which record, when. Written in the same
/// transaction as the change it describes, never updated or deleted.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserEmail { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>The province the record belongs to, so that a province's trail can be shown to its chair.</summary>
    public string? ProvinceCode { get; set; }
    /// <summary>What the action was about, as named values (docs/decisions/027); stored as jsonb.</summary>
    public AuditDetails? Details { get; set; }
    public string? IpAddress { get; set; }
}
