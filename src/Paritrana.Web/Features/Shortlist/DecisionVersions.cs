namespace Paritrana.Web.Features.Shortlist;

/// <summary>A stored version as the pages list it (no snapshot).</summary>
public sealed record DecisionVersionInfo(
    int VersionNumber,
    string DocumentNumber,
    string VerificationCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SupersededAt,
    string? SupersededByName,
    string? SupersededReason)
{
    public bool IsSuperseded => SupersededAt is not null;
}

/// <summary>One version with its snapshot, and the version that replaced it, if any.</summary>
public sealed record DecisionDocumentRecord(DecisionVersionInfo Version, DecisionSnapshot Snapshot, DecisionVersionInfo? Successor);

/// <summary>What the verification page reports of a stored version that matches what was typed.</summary>
public sealed record VerificationMatch(
    DecisionVersionInfo Version,
    int Year,
    string ProvinceCode,
    string ProvinceName,
    DateTimeOffset DecidedAt,
    string DecidedBy,
    DecisionVersionInfo? Successor,
    bool Intact);

/// <summary>
/// Reads the stored versions of plenary decisions (docs/decisions/011): the list of a plenary, one
/// version's snapshot for its report, and the look-up of the verification page, always within a
/// province or the user's scope.
/// </summary>
public sealed class DecisionVersions(ParitranaDbContext db)
{
    /// <summary>The versions of the province's plenary in the cycle, oldest first.</summary>
    public async Task<IReadOnlyList<DecisionVersionInfo>> ListAsync(int cycleId, string provinceCode, CancellationToken ct) =>
        await Of(cycleId, provinceCode).OrderBy(v => v.VersionNumber).Select(Info).ToListAsync(ct);

    /// <summary>
    /// One version (<paramref name="version"/>) of the province's decision in the cycle, or, with
    /// null, the one in force; null when there is none.
    /// </summary>
    public async Task<DecisionDocumentRecord?> LoadAsync(int cycleId, string provinceCode, int? version, CancellationToken ct)
    {
        var query = Of(cycleId, provinceCode);
        var row = await (version is int n ? query.Where(v => v.VersionNumber == n) : query.Where(v => v.SupersededAt == null))
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var successor = await SuccessorAsync(row, ct);
        return new DecisionDocumentRecord(InfoOf(row), DecisionDocument.Read(row.Snapshot), successor);
    }

    /// <summary>
    /// The versions in <paramref name="scope"/> whose verification code and/or document number is the
    /// one typed (both must match when both are given). Another province's document is simply not
    /// found, as everywhere (ADR 006).
    /// </summary>
    public async Task<IReadOnlyList<VerificationMatch>> FindAsync(AccessScope scope, string? code, string? number, CancellationToken ct)
    {
        if (code is null && number is null)
        {
            return [];
        }

        var query = db.PlenaryDecisionVersions.AsNoTracking().InScope(scope);
        if (code is not null)
        {
            query = query.Where(v => v.VerificationCode == code);
        }

        if (number is not null)
        {
            query = query.Where(v => v.DocumentNumber == number);
        }

        var rows = await query.OrderBy(v => v.DocumentNumber).Take(10).ToListAsync(ct);
        var matches = new List<VerificationMatch>(rows.Count);
        foreach (var row in rows)
        {
            var snapshot = DecisionDocument.Read(row.Snapshot);
            matches.Add(new VerificationMatch(
                InfoOf(row), snapshot.Year, snapshot.ProvinceCode, snapshot.ProvinceName, snapshot.DecidedAt, snapshot.DecidedBy,
                await SuccessorAsync(row, ct), DecisionDocument.HashOf(row.Snapshot) == row.Sha256));
        }

        return matches;
    }

    private IQueryable<PlenaryDecisionVersion> Of(int cycleId, string provinceCode) =>
        db.PlenaryDecisionVersions.AsNoTracking()
            .Where(v => v.ProvinceCode == provinceCode
                        && db.Plenaries.Any(p => p.Id == v.PlenaryId && p.CycleId == cycleId && p.ProvinceCode == provinceCode));

    private async Task<DecisionVersionInfo?> SuccessorAsync(PlenaryDecisionVersion row, CancellationToken ct) =>
        row.SupersededAt is null
            ? null
            : await db.PlenaryDecisionVersions.AsNoTracking()
                .Where(v => v.PlenaryId == row.PlenaryId && v.VersionNumber == row.VersionNumber + 1)
                .Select(Info).FirstOrDefaultAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<PlenaryDecisionVersion, DecisionVersionInfo>> Info =
        v => new DecisionVersionInfo(v.VersionNumber, v.DocumentNumber, v.VerificationCode, v.CreatedAt, v.SupersededAt, v.SupersededByName, v.SupersededReason);

    private static readonly Func<PlenaryDecisionVersion, DecisionVersionInfo> InfoOf = Info.Compile();
}
