using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Features.Shortlist;

public sealed partial class PlenaryDecisions
{
    public const string NotDecided = "Finalis belum ditetapkan dalam rapat pleno.";

    /// <summary>The details of the audit event of a re-opened decision; shared with the tests.</summary>
    public static AuditDetails ReopenedDetails(string? supersededNumber, string reason) =>
        AuditDetails.Of(("superseded", supersededNumber ?? "-"), ("reason", reason));

    /// <summary>
    /// The chair re-opens a decided plenary, with a reason (docs/decisions/011): the version in force
    /// is marked superseded (when, by whom, why), the FinalistDecision rows go, and every finalist
    /// and not-shortlisted nomination goes back to Scored through <see cref="NominationTransitions"/>
    /// (history and audit as usual), all in one transaction against the version of the plenary the
    /// page was read at. Refused once a finalist has gone to the national level
    /// (<see cref="PlenaryReopening"/>). Deciding again makes the next version, with a new number.
    /// The national plenary's (scope <see cref="NationalStage.Code"/>, docs/decisions/047) is re-opened
    /// the same way by the secretariat: winners and not-winners go back to forwarded, their award names
    /// (on the decision rows) with them.
    /// </summary>
    public async Task<PlenaryOutcome> ReopenAsync(int cycleId, string provinceCode, uint version, string? reason, CancellationToken ct)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return PlenaryOutcome.Refused(l[WorkflowTexts.ReasonRequired]);
        }

        if (why.Length > NominationTransitions.MaxReasonLength)
        {
            return PlenaryOutcome.Refused(l["Alasan paling banyak {0} karakter.", NominationTransitions.MaxReasonLength.ToString("N0")]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plenary = await db.Plenaries.FirstOrDefaultAsync(p => p.CycleId == cycleId && p.ProvinceCode == provinceCode, ct);
        if (plenary?.DecidedAt is null)
        {
            return PlenaryOutcome.Refused(l[NotDecided]);
        }

        if (plenary.Version != version)
        {
            return PlenaryOutcome.Refused(l[Conflict]);
        }

        var decisions = await db.FinalistDecisions.Where(d => d.PlenaryId == plenary.Id).ToListAsync(ct);
        var ids = decisions.Select(d => d.NominationId).ToList();
        var nominations = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Version, n.Status }).ToListAsync(ct);
        var stage = PlenaryStage.Of(provinceCode);
        if (!stage.IsNational && PlenaryReopening.Refusal(nominations.Select(n => n.Status)) is { } refusal)
        {
            return PlenaryOutcome.Refused(l[refusal]);
        }

        var now = clock.GetUtcNow();
        var current = await db.PlenaryDecisionVersions.FirstOrDefaultAsync(v => v.PlenaryId == plenary.Id && v.SupersededAt == null, ct);
        if (current is not null)
        {
            current.SupersededAt = now;
            current.SupersededBy = me.Id;
            current.SupersededByName = me.FullName;
            current.SupersededReason = why;
        }

        plenary.DecidedAt = null;
        plenary.DecidedBy = null;
        db.Entry(plenary).Property(p => p.Version).OriginalValue = version;
        db.FinalistDecisions.RemoveRange(decisions);
        audit.Record(AuditActions.PlenaryReopened, "plenary", plenary.Id.ToString(CultureInfo.InvariantCulture), provinceCode, ReopenedDetails(current?.DocumentNumber, why));
        var saved = await SaveOrConflictAsync(ct);
        if (!saved.Done)
        {
            return saved;
        }

        foreach (var n in nominations.Where(n => stage.IsDecided(n.Status)))
        {
            var outcome = await transitions.ApplyAsync(new TransitionRequest(n.Id, stage.Reopen, why, n.Version, AtPlenary: true), ct);
            if (outcome.Result != TransitionResult.Done)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return PlenaryOutcome.Refused(outcome.Message ?? l[Conflict]);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return PlenaryOutcome.Ok;
    }
}
