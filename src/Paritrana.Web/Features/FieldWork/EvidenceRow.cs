using System.Linq.Expressions;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>An evidence file as the lists show it (removed ones stay listed, with who removed them and why).</summary>
public sealed record EvidenceRow(
    Guid Id,
    string FileName,
    FileKind Kind,
    long Size,
    string ProvinceCode,
    DateTimeOffset UploadedAt,
    string? UploadedByName,
    bool IsRemoved,
    DateTimeOffset? RemovedAt,
    string? RemovedByName,
    string? RemovalReason,
    int? RegulationId)
{
    public string SizeText => FormatSize(Size);

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.CurrentCulture) + " MB"
            : bytes >= 1024 * 1024
            ? (bytes / (1024d * 1024)).ToString("N1", CultureInfo.CurrentCulture) + " MB"
            : Math.Max(1, (bytes + 1023) / 1024).ToString("N0", CultureInfo.CurrentCulture) + " KB";

    /// <summary>The files matching <paramref name="filter"/> (already known to be in scope), the newest first.</summary>
    public static async Task<IReadOnlyList<EvidenceRow>> ListAsync(ParitranaDbContext db, Expression<Func<EvidenceFile, bool>> filter, CancellationToken ct) =>
        await db.EvidenceFiles.AsNoTracking()
            .Where(filter)
            .OrderBy(f => f.IsRemoved).ThenByDescending(f => f.UploadedAt)
            .Select(f => new EvidenceRow(
                f.Id,
                f.FileName,
                f.Kind,
                f.Size,
                f.ProvinceCode,
                f.UploadedAt,
                db.Users.Where(u => u.Id == f.UploadedBy).Select(u => u.FullName).FirstOrDefault(),
                f.IsRemoved,
                f.RemovedAt,
                db.Users.Where(u => u.Id == f.RemovedBy).Select(u => u.FullName).FirstOrDefault(),
                f.RemovalReason,
                f.RegulationId))
            .ToListAsync(ct);
}

/// <summary>The model of the _EvidenceFiles partial: the files of one visit, item or regulation, and where to upload more.</summary>
public sealed record EvidenceList(IReadOnlyList<EvidenceRow> Files, bool CanChange, int NominationId, int? VisitId = null, int? ItemId = null, int? RegulationId = null);
