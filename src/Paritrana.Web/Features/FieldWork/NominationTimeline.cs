namespace Paritrana.Web.Features.FieldWork;

public enum TimelineEvent
{
    StatusChanged = 1,
    VisitPlanned = 2,
    VisitRescheduled = 3,
    VisitDone = 4,
    VisitCancelled = 5,
    CoachingCreated = 6,
    CoachingStarted = 7,
    CoachingResolved = 8,
    CoachingWaived = 9,
    CoachingReopened = 10,
    FileUploaded = 11,
    FileRemoved = 12,
    ScorecardSubmitted = 13,
    ScorecardReopened = 14,
    CoachingShared = 15,
    CoachingUnshared = 16,
    CoachingAnswered = 17,
    CoachingAnswerReturned = 18,
}

/// <summary>
/// One thing that happened to a nomination: when (UTC), who, what (localised), about what
/// (<see cref="Subject"/>, linked to its page when there is one) and the text given with it (a
/// reason, a note). <see cref="Tie"/> orders entries of the same instant (the source row's id).
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineEvent Event,
    string What,
    string? Subject = null,
    string? Detail = null,
    string? LinkPage = null,
    string? LinkId = null,
    Guid? UserId = null,
    string? UserName = null,
    long Tie = 0)
{
    /// <summary>The person's current name, filled in once for all entries.</summary>
    public string? Who { get; init; }
}

/// <summary>
/// The timeline of a nomination: status changes, visits, coaching items and files, merged into one
/// chronological list. Each source is a small function reading one kind of record into
/// <see cref="TimelineEntry"/> values; adding a kind (scores, later) is adding one function to
/// <see cref="Sources"/>.
/// </summary>
public static class NominationTimeline
{
    public const string VisitEntity = "visit";
    public const string CoachingEntity = "coaching-item";
    public const string FileEntity = "evidence-file";

    /// <summary>What a source needs: the database, the nomination, its province (for local times) and the localizer.</summary>
    public sealed record Context(ParitranaDbContext Db, int NominationId, string ProvinceCode, IStringLocalizer L);

    private static readonly Func<Context, CancellationToken, Task<List<TimelineEntry>>>[] Sources =
    [
        StatusChangesAsync,
        VisitsAsync,
        CoachingItemsAsync,
        FilesAsync,
        ScorecardsAsync,
    ];

    /// <summary>All entries, oldest first or newest first; names of the people filled in with one query.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(Context context, bool newestFirst, CancellationToken ct)
    {
        var entries = new List<TimelineEntry>();
        foreach (var source in Sources)
        {
            entries.AddRange(await source(context, ct));
        }

        var ids = entries.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var names = ids.Count == 0
            ? []
            : await context.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var named = entries.Select(e => e with { Who = e.UserId is Guid id && names.TryGetValue(id, out var name) ? name : e.UserName });

        var ordered = named.OrderBy(e => e.At).ThenBy(e => e.Event).ThenBy(e => e.Tie).ToList();
        if (newestFirst)
        {
            ordered.Reverse();
        }

        return ordered;
    }

    private static async Task<List<TimelineEntry>> StatusChangesAsync(Context c, CancellationToken ct)
    {
        var changes = await c.Db.StatusChanges.AsNoTracking()
            .Where(s => s.NominationId == c.NominationId)
            .Select(s => new { s.Id, s.At, s.From, s.To, s.UserId, s.UserName, s.Reason })
            .ToListAsync(ct);
        return changes.Select(s => new TimelineEntry(
                s.At,
                TimelineEvent.StatusChanged,
                c.L[FieldWorkNames.Event(TimelineEvent.StatusChanged), c.L[NominationNames.Status(s.From)].Value, c.L[NominationNames.Status(s.To)].Value],
                Detail: s.Reason,
                UserId: s.UserId,
                UserName: s.UserName,
                Tie: s.Id))
            .ToList();
    }

    private static async Task<List<TimelineEntry>> VisitsAsync(Context c, CancellationToken ct)
    {
        var visits = await c.Db.Visits.AsNoTracking()
            .Where(v => v.NominationId == c.NominationId)
            .Select(v => new { v.Id, v.Place, v.CreatedAt, v.CreatedBy, FirstPlannedAt = v.PreviousPlannedAt ?? v.PlannedAt })
            .ToListAsync(ct);
        if (visits.Count == 0)
        {
            return [];
        }

        var byId = visits.ToDictionary(v => v.Id.ToString(CultureInfo.InvariantCulture));
        var keys = byId.Keys.ToList();
        var events = await AuditAsync(c, VisitEntity, keys, [AuditActions.VisitPlanned, AuditActions.VisitRescheduled, AuditActions.VisitDone, AuditActions.VisitCancelled], ct);

        var entries = new List<TimelineEntry>();
        foreach (var v in visits)
        {
            var id = v.Id.ToString(CultureInfo.InvariantCulture);
            // The first planned time: from the audit of the planning when there is one (a later reschedule moved it).
            var planned = events.Where(a => a.EntityId == id && a.Action == AuditActions.VisitPlanned)
                .Select(a => LocalTime.ParseIso(a.Details?["at"])).FirstOrDefault() ?? v.FirstPlannedAt;
            entries.Add(new TimelineEntry(
                v.CreatedAt,
                TimelineEvent.VisitPlanned,
                c.L[FieldWorkNames.Event(TimelineEvent.VisitPlanned), LocalTime.Format(planned, c.ProvinceCode)],
                v.Place,
                LinkPage: "/FieldWork/Visits/Details",
                LinkId: id,
                UserId: v.CreatedBy,
                Tie: v.Id));
        }

        foreach (var a in events.Where(a => a.Action != AuditActions.VisitPlanned))
        {
            var visit = byId[a.EntityId!];
            var entry = a.Action switch
            {
                AuditActions.VisitRescheduled => new TimelineEntry(
                    a.At,
                    TimelineEvent.VisitRescheduled,
                    c.L[FieldWorkNames.Event(TimelineEvent.VisitRescheduled), Local(c, a.Details?["from"]), Local(c, a.Details?["to"])],
                    Detail: a.Details?["reason"]),
                AuditActions.VisitDone => new TimelineEntry(
                    a.At,
                    TimelineEvent.VisitDone,
                    c.L[FieldWorkNames.Event(TimelineEvent.VisitDone), Local(c, a.Details?["done at"])]),
                _ => new TimelineEntry(
                    a.At,
                    TimelineEvent.VisitCancelled,
                    c.L[FieldWorkNames.Event(TimelineEvent.VisitCancelled)],
                    Detail: a.Details?["reason"]),
            };
            entries.Add(entry with
            {
                Subject = visit.Place,
                LinkPage = "/FieldWork/Visits/Details",
                LinkId = a.EntityId,
                UserId = a.UserId,
                UserName = a.UserEmail,
                Tie = a.Id,
            });
        }

        return entries;
    }

    /// <summary>What happened to a coaching item after it was created, as its audit actions record it (the candidate's part included).</summary>
    public static readonly string[] CoachingActions =
    [
        AuditActions.CoachingStarted, AuditActions.CoachingResolved, AuditActions.CoachingWaived, AuditActions.CoachingReopened,
        AuditActions.CoachingShared, AuditActions.CoachingUnshared, AuditActions.CoachingAnswered, AuditActions.CoachingAnswerReturned,
    ];

    /// <summary>A coaching item's audit action as a timeline event, and the detail shown with it (null: none).</summary>
    public static (TimelineEvent Event, string? DetailKey) CoachingEvent(string action) => action switch
    {
        AuditActions.CoachingStarted => (TimelineEvent.CoachingStarted, null),
        AuditActions.CoachingResolved => (TimelineEvent.CoachingResolved, "note"),
        AuditActions.CoachingWaived => (TimelineEvent.CoachingWaived, "reason"),
        AuditActions.CoachingShared => (TimelineEvent.CoachingShared, null),
        AuditActions.CoachingUnshared => (TimelineEvent.CoachingUnshared, null),
        AuditActions.CoachingAnswered => (TimelineEvent.CoachingAnswered, "note"),
        AuditActions.CoachingAnswerReturned => (TimelineEvent.CoachingAnswerReturned, "reason"),
        _ => (TimelineEvent.CoachingReopened, null),
    };

    private static async Task<List<TimelineEntry>> CoachingItemsAsync(Context c, CancellationToken ct)
    {
        var items = await c.Db.CoachingItems.AsNoTracking()
            .Where(i => i.NominationId == c.NominationId)
            .Select(i => new { i.Id, i.Finding, i.DueDate, i.CreatedAt, i.CreatedBy })
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return [];
        }

        var byId = items.ToDictionary(i => i.Id.ToString(CultureInfo.InvariantCulture));
        var events = await AuditAsync(
            c,
            CoachingEntity,
            byId.Keys.ToList(),
            CoachingActions,
            ct);

        var entries = items.Select(i => new TimelineEntry(
                i.CreatedAt,
                TimelineEvent.CoachingCreated,
                c.L[FieldWorkNames.Event(TimelineEvent.CoachingCreated), LocalTime.FormatDate(i.DueDate)],
                Shorten(i.Finding),
                LinkPage: "/FieldWork/Coaching/Item",
                LinkId: i.Id.ToString(CultureInfo.InvariantCulture),
                UserId: i.CreatedBy,
                Tie: i.Id))
            .ToList();
        foreach (var a in events)
        {
            var (kind, detailKey) = CoachingEvent(a.Action);
            entries.Add(new TimelineEntry(
                a.At,
                kind,
                c.L[FieldWorkNames.Event(kind)],
                Shorten(byId[a.EntityId!].Finding),
                detailKey is null ? null : a.Details?[detailKey],
                "/FieldWork/Coaching/Item",
                a.EntityId,
                a.UserId,
                a.UserEmail,
                a.Id));
        }

        return entries;
    }

    private static async Task<List<TimelineEntry>> FilesAsync(Context c, CancellationToken ct)
    {
        var files = await c.Db.EvidenceFiles.AsNoTracking()
            .Where(f => f.NominationId == c.NominationId)
            .Select(f => new { f.Id, f.FileName, f.UploadedAt, f.UploadedBy, f.IsRemoved, f.RemovedAt, f.RemovedBy, f.RemovalReason })
            .ToListAsync(ct);
        var entries = new List<TimelineEntry>();
        foreach (var f in files)
        {
            entries.Add(new TimelineEntry(
                f.UploadedAt,
                TimelineEvent.FileUploaded,
                c.L[FieldWorkNames.Event(TimelineEvent.FileUploaded), f.FileName],
                LinkPage: f.IsRemoved ? null : "/FieldWork/Files/Download",
                LinkId: f.IsRemoved ? null : f.Id.ToString(),
                UserId: f.UploadedBy));
            if (f.IsRemoved && f.RemovedAt is DateTimeOffset removedAt)
            {
                entries.Add(new TimelineEntry(
                    removedAt,
                    TimelineEvent.FileRemoved,
                    c.L[FieldWorkNames.Event(TimelineEvent.FileRemoved), f.FileName],
                    Detail: f.RemovalReason,
                    UserId: f.RemovedBy));
            }
        }

        return entries;
    }

    /// <summary>
    /// Scoring joins the timeline from the audit trail: a card submitted, a card reopened by the
    /// chair (with the reason). Scores themselves are not shown here: scorers may not see others'
    /// scores before submitting their own.
    /// </summary>
    private static async Task<List<TimelineEntry>> ScorecardsAsync(Context c, CancellationToken ct)
    {
        var rows = await AuditAsync(c, "nomination", [c.NominationId.ToString(CultureInfo.InvariantCulture)],
            [AuditActions.ScorecardSubmitted, AuditActions.ScorecardReopened], ct);
        return rows.Select(r =>
        {
            var reopened = r.Action == AuditActions.ScorecardReopened;
            return new TimelineEntry(
                r.At,
                reopened ? TimelineEvent.ScorecardReopened : TimelineEvent.ScorecardSubmitted,
                c.L[FieldWorkNames.Event(reopened ? TimelineEvent.ScorecardReopened : TimelineEvent.ScorecardSubmitted)],
                Detail: reopened ? r.Details?["reason"] : null,
                UserId: r.UserId,
                Tie: r.Id);
        }).ToList();
    }

    private sealed record AuditRow(long Id, DateTimeOffset At, string Action, string? EntityId, Guid? UserId, string? UserEmail, AuditDetails? Details);

    private static async Task<List<AuditRow>> AuditAsync(Context c, string entityType, List<string> entityIds, string[] actions, CancellationToken ct) =>
        await c.Db.AuditEvents.AsNoTracking()
            // The national stage's events (cards and assignments of national rounds) are not the province's
            // record of its nomination: the jury's work stays out of the provincial timeline (docs/decisions/043).
            .Where(a => a.EntityType == entityType && entityIds.Contains(a.EntityId!) && actions.Contains(a.Action) && a.ProvinceCode != NationalStage.Code)
            .Select(a => new AuditRow(a.Id, a.At, a.Action, a.EntityId, a.UserId, a.UserEmail, a.Details))
            .ToListAsync(ct);

    private static string Local(Context c, string? iso) => LocalTime.ParseIso(iso) is DateTimeOffset at ? LocalTime.Format(at, c.ProvinceCode) : "?";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117].TrimEnd() + "…";
}
