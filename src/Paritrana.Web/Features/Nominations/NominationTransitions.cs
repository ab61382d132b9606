namespace Paritrana.Web.Features.Nominations;

/// <summary>A workflow step asked for by a user: on which nomination, read at which version, why; <paramref name="AtPlenary"/> for the plenary's steps.</summary>
public sealed record TransitionRequest(int NominationId, NominationAction Action, string? Reason, uint Version, bool AtPlenary = false);

public enum TransitionResult
{
    Done,
    /// <summary>No such nomination in the user's scope: the page answers 404.</summary>
    NotFound,
    /// <summary>Refused (workflow, closed cycle, stale version); nothing was changed.</summary>
    Refused,
}

public sealed record TransitionOutcome(TransitionResult Result, string? Message = null, NominationStatus From = default, NominationStatus To = default);

/// <summary>
/// Takes a nomination from one status to the next, for every page that offers workflow buttons
/// (the nomination's details, the branch officer's queue). The nomination is read in the user's
/// scope, the workflow decides, and the new status, its history row and the audit event are saved
/// together against the version the user's page was read at: when two people act at once, the
/// second is refused and nothing of theirs is saved.
/// </summary>
public sealed class NominationTransitions(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    Notifications.Notifier notifier)
{
    public const int MaxReasonLength = 2000;

    /// <summary>The details of a status change's audit event; shared with the demo seeder.</summary>
    public static AuditDetails AuditDetails(NominationStatus from, NominationStatus to, string? reason) =>
        Domain.Auditing.AuditDetails.Of((null, $"{from} → {to}"), ("reason", reason));

    public async Task<TransitionOutcome> ApplyAsync(TransitionRequest request, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);

        // The row is locked before it is read, and stays locked until the change is committed: an
        // item being recorded or reopened holds a share lock, so the coaching gate below counts it,
        // and an item that comes later sees the new status (NominationLock, decisions/014). Called
        // inside a caller's transaction (the plenary's decisions), the lock lasts until the caller commits.
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await NominationLock.ForUpdateAsync(db, request.NominationId, ct);
        var nomination = await db.Nominations.InScope(scope)
            .Include(n => n.Category)
            .FirstOrDefaultAsync(n => n.Id == request.NominationId, ct);
        if (nomination is null)
        {
            return new(TransitionResult.NotFound);
        }

        if (!Enum.IsDefined(request.Action))
        {
            return Refuse(l["Langkah yang diminta tidak dikenal."]);
        }

        var cycle = await db.AwardCycles.AsNoTracking().FirstAsync(c => c.Id == nomination.CycleId, ct);
        if (!cycle.IsEditableBy(me.Role ?? ""))
        {
            return Refuse(NominationMessages.CycleClosed(l, cycle.Year));
        }

        if (nomination.Version != request.Version)
        {
            return Refuse(NominationMessages.TransitionConflict(l));
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            return Refuse(l["Alasan paling banyak {0} karakter.", MaxReasonLength.ToString("N0")]);
        }

        var from = nomination.Status;
        // The coaching gate: open or in-progress coaching items keep a nomination from scoring.
        var openCoachingItems = request.Action == NominationAction.MarkReadyForScoring
            ? await FieldWork.CoachingGate.OpenItemsAsync(db, nomination.Id, ct)
            : 0;
        // Complete scoring: "Sudah dinilai" with rounds missing needs the chair's reason (docs/decisions/015).
        var missingRounds = request.Action == NominationAction.MarkScored
            ? await Scoring.ScoringCompletenessQuery.MissingAsync(db, nomination.Id, nomination.CycleId, nomination.ProvinceCode, ct)
            : [];
        var facts = new WorkflowFacts(OpenCoachingItems: openCoachingItems, AtPlenary: request.AtPlenary) { IncompleteRounds = missingRounds.Count };
        var decision = NominationWorkflow.Decide(from, request.Action, me.Role, reason, facts);
        if (!decision.Allowed)
        {
            return Refuse(decision.Refusal == WorkflowTexts.ScoringIncomplete
                ? Scoring.ScoringCompletenessQuery.Refusal(l, missingRounds)
                : l[decision.Refusal!]);
        }

        if (request.Action == NominationAction.MarkScored && missingRounds.Count == 0)
        {
            // A reason is kept only for marking incomplete scoring: it is what the shortlist and the reports show.
            reason = null;
        }

        if (request.Action == NominationAction.Submit && !NominationReadiness.HasCoverageFigures(nomination, nomination.Category!.Kind))
        {
            return Refuse(l["Lengkapi dulu angka cakupan nominasi ini sebelum mengajukannya untuk verifikasi."]);
        }

        var now = clock.GetUtcNow();
        var userName = me.FullName;
        nomination.Status = decision.To;
        nomination.UpdatedAt = now;
        if (request.Action == NominationAction.Verify)
        {
            nomination.VerifiedAt = now;
            nomination.VerifiedBy = me.Id;
        }
        else if (request.Action == NominationAction.Return)
        {
            nomination.LastReturnReason = reason;
        }

        nomination.StatusChanges.Add(new StatusChange
        {
            From = from,
            To = decision.To,
            Action = request.Action,
            UserId = me.Id,
            UserName = userName.Length > 256 ? userName[..256] : userName,
            Reason = reason,
            At = now,
        });
        audit.Record(
            AuditActions.NominationStatusChanged,
            "nomination",
            nomination.Id.ToString(CultureInfo.InvariantCulture),
            nomination.ProvinceCode,
            AuditDetails(from, decision.To, reason)
                .And(("incomplete rounds", missingRounds.Count == 0 ? null : string.Join(", ", missingRounds.Select(m => m.RoundName)))));

        await NotifyAsync(nomination, request.Action, ct);

        // The UPDATE checks the version the user's page was read at; the status change and the
        // audit event are in the same SaveChanges, so they stand or fall with it.
        db.Entry(nomination).Property(n => n.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refuse(NominationMessages.TransitionConflict(l));
        }

        return new(TransitionResult.Done, null, from, decision.To);
    }

    /// <summary>
    /// Returned or verified: the nomination's creator and the province's chairs are told, in this
    /// SaveChanges; submitted again: the "returned" notifications are settled (docs/decisions/030).
    /// </summary>
    private async Task NotifyAsync(Nomination nomination, NominationAction action, CancellationToken ct)
    {
        var kind = action switch
        {
            NominationAction.Return => NotificationKind.NominationReturned,
            NominationAction.Verify => NotificationKind.NominationVerified,
            _ => (NotificationKind?)null,
        };
        var work = Notifications.Notifier.NominationWork(nomination.Id);
        if (action is NominationAction.Submit)
        {
            await notifier.SettleAsync(work, ct);
        }
        else if (action is NominationAction.Withdraw)
        {
            // Withdrawn: nothing of it is asked any more, neither the fix nor its coaching items and visits.
            var coaching = await db.CoachingItems.Where(c => c.NominationId == nomination.Id).Select(c => c.Id).ToListAsync(ct);
            var visits = await db.Visits.Where(v => v.NominationId == nomination.Id).Select(v => v.Id).ToListAsync(ct);
            await notifier.SettleAsync([work, .. coaching.Select(Notifications.Notifier.CoachingWork), .. visits.Select(Notifications.Notifier.VisitWork)], ct);
        }

        if (kind is null)
        {
            return;
        }

        var name = await db.Organisations.Where(o => o.Id == nomination.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var recipients = await Notifications.NotificationRecipients.OfNominationAsync(db, nomination.Id, nomination.ProvinceCode, ct);
        await notifier.RaiseAsync(recipients,
            new(kind.Value, nomination.ProvinceCode, name, $"/Nominations/Details/{nomination.Id}", kind == NotificationKind.NominationReturned ? work : null),
            me.Id, ct);
    }

    private static TransitionOutcome Refuse(string message) => new(TransitionResult.Refused, message);
}
