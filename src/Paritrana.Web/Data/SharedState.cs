namespace Paritrana.Web.Data;

/// <summary>
/// A file kept in PostgreSQL (evidence, employer extracts): its size and SHA-256; the bytes are in
/// <see cref="StoredFileChunk"/> rows of at most 1 MiB (docs/decisions/018-stateless-instances.md).
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One piece of a stored file's bytes, in order of <see cref="Sequence"/> from 0.</summary>
public class StoredFileChunk
{
    public Guid FileId { get; set; }
    public int Sequence { get; set; }
    public required byte[] Data { get; set; }
}

/// <summary>The preview of an import batch (first errors and a sample) as JSON.</summary>
public class ImportPreview
{
    public long BatchId { get; set; }
    public required string Details { get; set; }
}

/// <summary>
/// A unit of background work claimed by one instance at a time (Infrastructure/Jobs, docs/decisions/018):
/// queued until <see cref="RunAfter"/>, running under a lease that its instance renews, then done or failed.
/// </summary>
public class Job
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset RunAfter { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>How many sign-in attempts one client address made in one window (Infrastructure/SignInRateLimit).</summary>
public class SignInAttemptWindow
{
    public required string ClientAddress { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Attempts { get; set; }
}
