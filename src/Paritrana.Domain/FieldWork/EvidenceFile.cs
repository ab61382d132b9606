using Paritrana.Domain.Access;

namespace Paritrana.Domain.FieldWork;

/// <summary>
/// An uploaded evidence file of a nomination: attached to a visit, a coaching item or a government
/// regulation. The bytes live outside wwwroot under <see cref="StorageName"/>; removing a file
/// deletes the bytes and keeps this record (who, when, why) for the audit trail.
/// </summary>
public class EvidenceFile : INominationBound
{
    public Guid Id { get; set; }
    public int NominationId { get; set; }
    public required string ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    public int? VisitId { get; set; }
    public int? CoachingItemId { get; set; }
    public int? RegulationId { get; set; }
    /// <summary>The user's file name, made safe (no path, no control characters).</summary>
    public required string FileName { get; set; }
    public FileKind Kind { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>The generated name under the storage directory; never derived from the user's name.</summary>
    public required string StorageName { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public bool IsRemoved { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public Guid? RemovedBy { get; set; }
    public string? RemovalReason { get; set; }
}

/// <summary>The accepted evidence types, told apart by their content, not their names.</summary>
public enum FileKind
{
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
    Docx = 4,
    Xlsx = 5,
}
