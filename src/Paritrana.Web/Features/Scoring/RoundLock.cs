namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The round's row as the lock between the chair changing a round's status and anyone writing one
/// of its cards (decisions/014). Writing a card (save, submit, reopen) takes a share lock on the
/// round inside the card's transaction and reads the status under it; opening or closing the round
/// takes the row for update before it reads anything. Share locks do not wait for each other, but
/// the update lock waits for them and they wait for it: a card either commits before the close
/// begins (and the close's time is taken after it), or it sees the round closed and is refused.
/// Both must be called inside a transaction; the lock lasts until it ends.
/// </summary>
public static class RoundLock
{
    /// <summary>Share-locks the round and returns its status as committed now (null: no such round).</summary>
    public static async Task<RoundStatus?> ShareAsync(ParitranaDbContext db, int roundId, CancellationToken ct)
    {
        var rows = await db.Database
            .SqlQuery<int>($"SELECT status AS \"Value\" FROM scoring_rounds WHERE id = {roundId} FOR SHARE")
            .ToListAsync(ct);
        return rows.Count == 0 ? null : (RoundStatus)rows[0];
    }

    /// <summary>Locks the round for a change of its status; waits for every card being written.</summary>
    public static async Task ForUpdateAsync(ParitranaDbContext db, int roundId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM scoring_rounds WHERE id = {roundId} FOR UPDATE", ct);
}
