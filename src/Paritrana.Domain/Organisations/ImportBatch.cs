namespace Paritrana.Domain.Organisations;

/// <summary>One upload of a BPJamsostek employer extract or regional coverage extract, and what became of it.</summary>
public class ImportBatch
{
    public long Id { get; set; }
    public ImportKind Kind { get; set; } = ImportKind.Employers;
    public required string FileName { get; set; }
    public long FileSize { get; set; }
    public string? FileSha256 { get; set; }
    public Guid? UserId { get; set; }
    public string? UserEmail { get; set; }
    /// <summary>The branch office whose area the file was checked against; null for an administrator.</summary>
    public int? BranchOfficeId { get; set; }
    public ImportStatus Status { get; set; }
    public bool ValidRowsOnly { get; set; }
    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public int InvalidRows { get; set; }
    public int ProcessedRows { get; set; }
    public int EmployersInserted { get; set; }
    public int EmployersUpdated { get; set; }
    public int FiguresInserted { get; set; }
    public int FiguresUpdated { get; set; }
    public int Unchanged { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public enum ImportStatus
{
    /// <summary>Uploaded and validated; waiting for the user to confirm.</summary>
    Previewed = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>What an import batch loads: a BPJamsostek employer extract or a regional coverage extract.</summary>
public enum ImportKind
{
    Employers = 1,
    RegionalFigures = 2,
}
