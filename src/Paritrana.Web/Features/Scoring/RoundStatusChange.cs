namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// Opening and closing a round, for the provincial chair's round page and the national secretariat's
/// (docs/decisions/043): the same rule for both. The round is locked before it is read, so a card being
/// saved waits or sees the new status (RoundLock, decisions/014); a round opens only with aspects and
/// usable criteria for every category it scores; a closed round is not opened again. Its scorers are
/// told when it opens (docs/decisions/030), in the same SaveChanges as the change and its audit event.
/// </summary>
public sealed class RoundStatusChange(ParitranaDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l, Notifications.Notifier notifier)
{
    /// <summary>The outcome: done with its message, refused with its message, or the round not in scope (404).</summary>
    public sealed record Outcome(bool Found, bool Done, string? Message);

    public async Task<Outcome> ChangeAsync(int id, uint version, RoundStatus from, RoundStatus to, AccessScope scope, Guid? actor, string scorerPage, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Lock the round before reading it: a card being saved, submitted or reopened holds a share
        // lock on it, so this waits for that card, and the time taken below comes after it; a card
        // that comes later sees the new status (RoundLock, decisions/014).
        await RoundLock.ForUpdateAsync(db, id, ct);
        var round = await db.ScoringRounds.InScope(scope).Include(r => r.Aspects).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return new Outcome(false, false, null);
        }

        if (round.Status != from)
        {
            return Refused(to == RoundStatus.Open
                ? l["Hanya babak berstatus draf yang dapat dibuka; babak yang sudah ditutup tidak dibuka lagi."].Value
                : l["Hanya babak yang sedang dibuka yang dapat ditutup."].Value);
        }

        if (to == RoundStatus.Open && round.Aspects.Count == 0)
        {
            return Refused(l["Babak ini belum menilai aspek apa pun; pilih aspeknya dahulu."].Value);
        }

        if (to == RoundStatus.Open
            && await RoundCriteria.LackingAsync(db, id, await RoundCriteria.ScoredCategoryIdsAsync(db, round.CycleId, round.ProvinceCode, ct), ct) is { Count: > 0 } lacking)
        {
            return Refused(RoundCriteria.OpenRefusal(l, round.Name, lacking));
        }

        var now = clock.GetUtcNow();
        round.Status = to;
        if (to == RoundStatus.Open)
        {
            round.OpenedAt = now;
        }
        else
        {
            round.ClosedAt = now;
        }

        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        audit.Record(to == RoundStatus.Open ? AuditActions.RoundOpened : AuditActions.RoundClosed, "scoring-round", id.ToString(CultureInfo.InvariantCulture), round.ProvinceCode, AuditDetails.Text($"'{round.Name}'"));
        if (to == RoundStatus.Open)
        {
            // Its scorers are told, in this SaveChanges (docs/decisions/030).
            var scorers = await db.Assignments.Where(a => a.RoundId == id).Select(a => a.ScorerId).Distinct().ToListAsync(ct);
            await notifier.RaiseAsync(scorers, new(NotificationKind.RoundOpened, round.ProvinceCode, round.Name, scorerPage), actor, ct);
        }
        else
        {
            // Closed: nothing more can be sent, so its "round closing" reminders are settled (docs/decisions/045).
            var scorers = await db.Assignments.Where(a => a.RoundId == id).Select(a => a.ScorerId).Distinct().ToListAsync(ct);
            await notifier.SettleAsync(scorers.Select(s => Notifications.Notifier.RoundWork(id, s)).ToList(), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refused(l["Babak ini baru saja diubah oleh orang lain. Periksa keadaannya, lalu ulangi bila masih perlu."].Value);
        }

        return new Outcome(true, true, to == RoundStatus.Open
            ? l["Babak {0} telah dibuka; penilai dapat mengisi kartu nilai.", round.Name].Value
            : l["Babak {0} telah ditutup; kartu nilainya kini hanya dapat dibaca.", round.Name].Value);
    }

    private static Outcome Refused(string message) => new(true, false, message);
}
