using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>A visit as the committee plans it: when (UTC), where, why, who from outside, which members go.</summary>
public sealed record VisitPlan(DateTimeOffset PlannedAt, string Place, string Purpose, string? ExternalParticipants, IReadOnlyCollection<Guid> MemberIds);

/// <summary>A visit as recorded done: when it took place (UTC), findings, documents checked, interview notes.</summary>
public sealed record VisitReport(DateTimeOffset DoneAt, string Findings, string? DocumentsChecked, string? InterviewNotes);

/// <summary>A coaching item as recorded: from which visit, what was found and should be done, by whom, by when.</summary>
public sealed record CoachingEntry(int? VisitId, string Finding, string Recommendation, string? ResponsiblePerson, DateOnly DueDate, bool SharedWithCandidate = false);

/// <summary>What came of a coaching step: done (from, to), or refused with a message, or stale.</summary>
public sealed record CoachingStep(bool Done, CoachingStatus From, CoachingStatus To, string? Refusal = null, bool Stale = false);

/// <summary>
/// The committee's field-work writes, as the visit and coaching pages make them (and the demo seeder,
/// docs/decisions/034): planning a visit, recording it done, recording a coaching item and moving
/// it (start, resolve, waive, reopen). Each change and its audit event (<see cref="FieldWorkAudit"/>,
/// which the timeline reads back) are saved together, by the signed-in user at the clock's time.
/// What the form checks (lengths, required fields) stays with the page; the rules that depend on
/// stored data (the coaching gate under the nomination's lock, the coaching workflow, the version the
/// page was read at) are here.
/// </summary>
public sealed class FieldWorkService(ParitranaDbContext db, CurrentUser me, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l, Notifications.Notifier notifier)
{
    public async Task<Visit> PlanVisitAsync(NominationRef nomination, VisitPlan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var visit = new Visit
        {
            NominationId = nomination.Id,
            ProvinceCode = nomination.ProvinceCode,
            RegencyCode = nomination.RegencyCode,
            PlannedAt = plan.PlannedAt,
            Place = plan.Place,
            Purpose = plan.Purpose,
            ExternalParticipants = plan.ExternalParticipants,
            CreatedBy = me.Id ?? Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
            Members = plan.MemberIds.Select(id => new VisitMember { UserId = id }).ToList(),
        };

        // The audit event names the new id, so the insert and the event share a transaction.
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditActions.VisitPlanned, NominationTimeline.VisitEntity, Key(visit.Id), visit.ProvinceCode,
            FieldWorkAudit.VisitPlanned(nomination.Id, visit.PlannedAt, visit.Members.Count, visit.Place));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return visit;
    }

    /// <summary>Why the visit cannot be recorded as done at <paramref name="report"/>'s time, or null: not later than now.</summary>
    public string? RecordRefusal(VisitReport report) =>
        report.DoneAt > clock.GetUtcNow() ? l["Waktu pelaksanaan tidak boleh lebih lambat dari sekarang."].Value : null;

    /// <summary>
    /// Marks a planned visit (tracked) done with its report and records the audit event; the caller
    /// saves both against the version its page was read at (VisitChangePage).
    /// </summary>
    public void RecordDone(Visit visit, VisitReport report)
    {
        visit.Status = VisitStatus.Done;
        visit.DoneAt = report.DoneAt;
        visit.Findings = report.Findings;
        visit.DocumentsChecked = report.DocumentsChecked;
        visit.InterviewNotes = report.InterviewNotes;
        visit.UpdatedAt = clock.GetUtcNow();
        audit.Record(AuditActions.VisitDone, NominationTimeline.VisitEntity, Key(visit.Id), visit.ProvinceCode, FieldWorkAudit.VisitDone(report.DoneAt));
    }

    /// <summary>
    /// Records an open coaching item on the nomination; null and the reason when the nomination is
    /// past the coaching gate (read under its share lock, so that a concurrent "ready for scoring"
    /// waits for this item and then counts it, decisions/014), or gone.
    /// </summary>
    public async Task<(CoachingItem? Item, string? Refusal)> AddCoachingItemAsync(NominationRef nomination, CoachingEntry entry, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var item = new CoachingItem
        {
            NominationId = nomination.Id,
            ProvinceCode = nomination.ProvinceCode,
            RegencyCode = nomination.RegencyCode,
            VisitId = entry.VisitId,
            Finding = entry.Finding,
            Recommendation = entry.Recommendation,
            ResponsiblePerson = entry.ResponsiblePerson,
            DueDate = entry.DueDate,
            Status = CoachingStatus.Open,
            SharedWithCandidate = entry.SharedWithCandidate,
            CreatedBy = me.Id ?? Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        if (await NominationLock.ShareAsync(db, nomination.Id, ct) is not NominationStatus status)
        {
            return (null, null);
        }

        if (CoachingRules.GateRefusal(status) is string gate)
        {
            return (null, l[gate].Value);
        }

        db.CoachingItems.Add(item);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditActions.CoachingCreated, NominationTimeline.CoachingEntity, Key(item.Id), item.ProvinceCode,
            FieldWorkAudit.CoachingCreated(item.NominationId, item.VisitId, item.DueDate, item.Finding));
        if (item.SharedWithCandidate)
        {
            audit.Record(AuditActions.CoachingShared, NominationTimeline.CoachingEntity, Key(item.Id), item.ProvinceCode, null);
            await TellCandidateAsync(item, NotificationKind.CoachingAddressed, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (item, null);
    }

    /// <summary>
    /// Moves a coaching item (tracked, read at <paramref name="version"/>) by the workflow's decision
    /// (<see cref="CoachingRules.Decide"/>), with the note or reason <paramref name="text"/>, and
    /// records the audit event; refused or stale, nothing is saved.
    /// </summary>
    public async Task<CoachingStep> ChangeCoachingAsync(CoachingItem item, CoachingAction action, string? text, uint version, CancellationToken ct)
    {
        var from = item.Status;
        var decision = CoachingRules.Decide(from, action, me.Role, text);
        if (!decision.Allowed)
        {
            return new CoachingStep(false, from, from, l[decision.Refusal!].Value);
        }

        if (item.Version != version)
        {
            return new CoachingStep(false, from, from, Stale: true);
        }

        var now = clock.GetUtcNow();
        item.Status = decision.To;
        item.UpdatedAt = now;
        var (auditAction, details) = Apply(item, action, from, decision.To, text, now);

        // Reopening makes an item open again: only before the coaching gate, read under the
        // nomination's share lock so that a concurrent "ready for scoring" counts this item or this
        // step sees the nomination past the gate (NominationLock, decisions/014).
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        if (action == CoachingAction.Reopen
            && await NominationLock.ShareAsync(db, item.NominationId, ct) is NominationStatus status
            && CoachingRules.GateRefusal(status) is string gate)
        {
            return new CoachingStep(false, from, from, l[gate].Value);
        }

        if (decision.To is CoachingStatus.Resolved or CoachingStatus.Waived)
        {
            // Its "due tomorrow" and "overdue" reminders are done with, their unsent mails cancelled;
            // so is the committee's notice of the candidate's answer.
            await notifier.SettleAsync([Notifications.Notifier.CoachingWork(item.Id), Notifications.Notifier.CoachingAnswerWork(item.Id)], ct);
        }

        // A candidate told of an item addressed to it hears that it was resolved or reopened (docs/decisions/050).
        if (item.SharedWithCandidate && action is CoachingAction.Resolve or CoachingAction.Reopen)
        {
            if (action == CoachingAction.Reopen)
            {
                item.CandidateAnsweredAt = null;
            }

            await TellCandidateAsync(item, action == CoachingAction.Resolve ? NotificationKind.CoachingResolvedForCandidate : NotificationKind.CoachingReopenedForCandidate, ct);
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        audit.Record(auditAction, NominationTimeline.CoachingEntity, Key(item.Id), item.ProvinceCode, details);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CoachingStep(false, from, from, Stale: true);
        }

        return new CoachingStep(true, from, decision.To);
    }

    /// <summary>
    /// Addresses the item (tracked, read at <paramref name="version"/>) to the candidate, or stops
    /// addressing it (docs/decisions/050); audited, and the candidate's representatives are told when it
    /// becomes theirs. False when it is stale or already so.
    /// </summary>
    public async Task<bool?> ShareAsync(CoachingItem item, bool shared, uint version, CancellationToken ct)
    {
        if (item.SharedWithCandidate == shared)
        {
            return false;
        }

        if (item.Version != version)
        {
            return null;
        }

        item.SharedWithCandidate = shared;
        item.UpdatedAt = clock.GetUtcNow();
        audit.Record(shared ? AuditActions.CoachingShared : AuditActions.CoachingUnshared, NominationTimeline.CoachingEntity, Key(item.Id), item.ProvinceCode, null);
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        if (shared && CoachingRules.IsOpen(item.Status))
        {
            await TellCandidateAsync(item, NotificationKind.CoachingAddressed, ct);
        }

        if (!shared)
        {
            await notifier.SettleAsync(Notifications.Notifier.CoachingAnswerWork(item.Id), ct);
        }

        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        return true;
    }

    /// <summary>
    /// Sends the candidate's answer back (the item stays open and awaits a new answer) with the reason
    /// shown to the candidate; audited, the representatives told, the committee's notice settled.
    /// Null when stale; false when no answer awaits the committee.
    /// </summary>
    public async Task<bool?> ReturnAnswerAsync(CoachingItem item, string reason, uint version, CancellationToken ct)
    {
        if (!CandidateCoachingRules.AwaitsCommittee(item))
        {
            return false;
        }

        if (item.Version != version)
        {
            return null;
        }

        item.CandidateAnsweredAt = null;
        item.AnswerReturnReason = reason;
        item.UpdatedAt = clock.GetUtcNow();
        audit.Record(AuditActions.CoachingAnswerReturned, NominationTimeline.CoachingEntity, Key(item.Id), item.ProvinceCode, AuditDetails.Of(("reason", reason)));
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        await notifier.SettleAsync(Notifications.Notifier.CoachingAnswerWork(item.Id), ct);
        await TellCandidateAsync(item, NotificationKind.CoachingAnswerReturned, ct);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        return true;
    }

    /// <summary>Tells the representatives of the item's candidate, in the caller's transaction (saved by its SaveChanges).</summary>
    private async Task TellCandidateAsync(CoachingItem item, NotificationKind kind, CancellationToken ct)
    {
        var organisation = await db.Nominations.Where(n => n.Id == item.NominationId).Select(n => n.OrganisationId).FirstAsync(ct);
        await notifier.RaiseToCandidateAsync(organisation, kind, CandidateSubject(item.Finding), $"/Candidate/Coaching/{item.Id}", me.Id, ct);
    }

    /// <summary>How a notification to the candidate names an item: the start of its finding.</summary>
    public static string CandidateSubject(string finding) => finding.Length <= 80 ? finding : finding[..79] + "…";

    /// <summary>The fields a step sets on the item, and its audit event.</summary>
    private (string Action, AuditDetails Details) Apply(CoachingItem item, CoachingAction action, CoachingStatus from, CoachingStatus to, string? text, DateTimeOffset now)
    {
        switch (action)
        {
            case CoachingAction.Start:
                return (AuditActions.CoachingStarted, FieldWorkAudit.CoachingChanged(from, to));
            case CoachingAction.Resolve:
                item.ResolutionNote = text;
                item.ResolvedAt = now;
                item.ResolvedBy = me.Id;
                return (AuditActions.CoachingResolved, FieldWorkAudit.CoachingChanged(from, to, "note", text));
            case CoachingAction.Waive:
                item.WaiverReason = text;
                item.WaivedAt = now;
                item.WaivedBy = me.Id;
                return (AuditActions.CoachingWaived, FieldWorkAudit.CoachingChanged(from, to, "reason", text));
            default:
                // The item is open again: its last resolution or waiver is history (in the audit trail).
                item.ResolutionNote = null;
                item.ResolvedAt = null;
                item.ResolvedBy = null;
                item.WaiverReason = null;
                item.WaivedAt = null;
                item.WaivedBy = null;
                return (AuditActions.CoachingReopened, FieldWorkAudit.CoachingChanged(from, to));
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
