namespace Paritrana.Web.Features.Nominations;

/// <summary>
/// The nomination's row as the lock that serialises the coaching gate (decisions/014). A status
/// change (<see cref="NominationTransitions"/>) locks the row before it reads the nomination and
/// counts its open coaching items; recording or reopening a coaching item takes a share lock and
/// reads the status under it. The two wait for each other, so either the item comes first and the
/// gate counts it, or the status change comes first and the item sees the nomination past the
/// gate. Share locks do not wait for each other (two items may be recorded at once). Both must be
/// called inside a transaction; the lock lasts until it ends.
/// </summary>
public static class NominationLock
{
    /// <summary>Share-locks the nomination and returns its status as committed now (null: no such nomination).</summary>
    public static async Task<NominationStatus?> ShareAsync(ParitranaDbContext db, int nominationId, CancellationToken ct)
    {
        var rows = await db.Database
            .SqlQuery<int>($"SELECT status AS \"Value\" FROM nominations WHERE id = {nominationId} FOR SHARE")
            .ToListAsync(ct);
        return rows.Count == 0 ? null : (NominationStatus)rows[0];
    }

    /// <summary>
    /// Locks the nomination for a change of its status (the lock its UPDATE takes anyway, taken
    /// before reading); waits for items being recorded or reopened. It does not block rows that
    /// merely refer to the nomination (visits, files, the status history).
    /// </summary>
    public static async Task ForUpdateAsync(ParitranaDbContext db, int nominationId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM nominations WHERE id = {nominationId} FOR NO KEY UPDATE", ct);
}
