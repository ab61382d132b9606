using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Features.Work;

/// <summary>
/// What awaits someone, as queries: each is the one definition of a list that a page shows and the
/// home page counts ("Tugas saya"), so that a count on the home page is what its link lists.
/// </summary>
public static class WorkQueries
{
    /// <summary>Nominations of the cycles still open, in scope.</summary>
    public static IQueryable<Nomination> OfOpenCycles(ParitranaDbContext db, AccessScope scope) =>
        db.Nominations.InScope(scope).Where(n => db.AwardCycles.Any(c => c.Id == n.CycleId && !c.IsClosed));

    /// <summary>The verification queue (/Verification): submitted, waiting for the branch office.</summary>
    public static IQueryable<Nomination> AwaitingVerification(ParitranaDbContext db, AccessScope scope) =>
        OfOpenCycles(db, scope).Where(n => n.Status == NominationStatus.Submitted);

    /// <summary>Nominations of one cycle in scope.</summary>
    public static IQueryable<Nomination> OfCycle(ParitranaDbContext db, AccessScope scope, int cycleId) =>
        db.Nominations.InScope(scope).Where(n => n.CycleId == cycleId);

    /// <summary>How many days a submitted nomination may wait for verification before it counts as late (decisions/029).</summary>
    public const int VerificationDaysAllowed = 7;

    /// <summary>
    /// Submitted and waiting for verification more than <see cref="VerificationDaysAllowed"/> days
    /// (WIB calendar days): submitted on 1 March, it is late from 9 March.
    /// </summary>
    public static IQueryable<Nomination> LateForVerification(IQueryable<Nomination> nominations, DateOnly today)
    {
        var since = WaitingTooLongBefore(today);
        return nominations.Where(n => n.Status == NominationStatus.Submitted && n.UpdatedAt < since);
    }

    /// <summary>A submitted nomination last changed before this instant has waited for verification too long on <paramref name="today"/>.</summary>
    public static DateTimeOffset WaitingTooLongBefore(DateOnly today) => Wib.StartOfDay(today.AddDays(-VerificationDaysAllowed));

    /// <summary>Still in a status of a stage that has ended (<see cref="StageStatuses.Late"/>).</summary>
    public static IQueryable<Nomination> InEndedStages(IQueryable<Nomination> nominations, IReadOnlyList<NominationStatus> lateStatuses) =>
        nominations.Where(n => lateStatuses.Contains(n.Status));

    /// <summary>Returned by the branch office and not yet submitted again.</summary>
    public static IQueryable<Nomination> AwaitingResubmission(ParitranaDbContext db, AccessScope scope) =>
        OfOpenCycles(db, scope).Where(n => n.Status == NominationStatus.Returned);

    /// <summary>A scorer's card in an open round: assigned, not submitted, no conflict declared (/Scoring).</summary>
    /// <remarks>Set by initialiser, not constructor, so that EF Core can compose further queries on its members.</remarks>
    public sealed class OutstandingCard
    {
        public int RoundId { get; init; }
        public required string RoundName { get; init; }
        public int RoundSortOrder { get; init; }
        public DateOnly? RoundClosesOn { get; init; }
        public Guid ScorerId { get; init; }
        public int CycleId { get; init; }
        public int NominationId { get; init; }
        public required Nomination Nomination { get; init; }
        public ScorecardStatus? CardStatus { get; init; }
    }

    /// <summary>The cards of open rounds assigned to <paramref name="scorer"/> (or to anyone when null), with their state.</summary>
    public static IQueryable<OutstandingCard> AssignedCards(ParitranaDbContext db, AccessScope scope, Guid? scorer) =>
        from a in db.Assignments
        where scorer == null || a.ScorerId == scorer
        join r in db.ScoringRounds.InScope(scope) on a.RoundId equals r.Id
        where r.Status == RoundStatus.Open
        join n in National.NationalPool.Scorable(db, scope) on a.NominationId equals n.Id
        where !db.ConflictDeclarations.Any(d => d.NominationId == a.NominationId && d.ScorerId == a.ScorerId)
        select new OutstandingCard
        {
            RoundId = r.Id,
            RoundName = r.Name,
            RoundSortOrder = r.SortOrder,
            RoundClosesOn = r.ClosesOn,
            ScorerId = a.ScorerId,
            CycleId = r.CycleId,
            NominationId = n.Id,
            Nomination = n,
            CardStatus = db.Scorecards.Where(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == a.ScorerId).Select(c => (ScorecardStatus?)c.Status).FirstOrDefault(),
        };

    /// <summary>Cards of one open round and one scorer, counted: assigned, submitted, draft (conflicted ones left out).</summary>
    public sealed record CardCount(int RoundId, string RoundName, int RoundSortOrder, DateOnly? RoundClosesOn, Guid ScorerId, int Assigned, int Submitted, int Drafts)
    {
        /// <summary>Assigned and not submitted: what <see cref="AssignedCards"/> lists as outstanding.</summary>
        public int Outstanding => Assigned - Submitted;
    }

    /// <summary>
    /// The counts behind <see cref="AssignedCards"/> for every scorer (or one) of the open rounds in
    /// scope, without looking up each assignment's card or conflict: grouped scans of the assignments'
    /// and the cards' round indexes (the committee's home page, thousands of assignments at national
    /// scale), less what the few conflict declarations take out, counted from their side. Per row, the
    /// conflict test alone cost more than the counting (docs/benchmarks.md, "home page of the chair").
    /// It rests on two invariants: a card exists only for an assignment (ScorecardService creates one
    /// only for an assigned scorer, and AssignmentService removes a draft with its assignment and
    /// refuses to remove a submitted one), and a round holds only nominations of its own province
    /// (AssignmentService assigns only those), so a province-wide scope needs no nomination filter.
    /// WorkListTests holds the counts to the listed cards.
    /// </summary>
    public static async Task<List<CardCount>> CardCountsAsync(ParitranaDbContext db, AccessScope scope, Guid? scorer, CancellationToken ct)
    {
        var rounds = db.ScoringRounds.InScope(scope).Where(r => r.Status == RoundStatus.Open);
        var assignments = db.Assignments.AsNoTracking().Where(a => scorer == null || a.ScorerId == scorer);
        var cards = db.Scorecards.AsNoTracking().Where(c => (scorer == null || c.ScorerId == scorer) && rounds.Any(r => r.Id == c.RoundId));
        if (scope.IsLimitedToRegencies)
        {
            // Part of a province (a branch office): only the nominations of its regencies and cities.
            var nominations = db.Nominations.InScope(scope);
            assignments = assignments.Where(a => nominations.Any(n => n.Id == a.NominationId));
            cards = cards.Where(c => nominations.Any(n => n.Id == c.NominationId));
        }

        var assigned = await (
                from a in assignments
                join r in rounds on a.RoundId equals r.Id
                group a by new { r.Id, r.Name, r.SortOrder, r.ClosesOn, a.ScorerId } into g
                select new { g.Key.Id, g.Key.Name, g.Key.SortOrder, g.Key.ClosesOn, g.Key.ScorerId, Count = g.Count() })
            .ToListAsync(ct);
        if (assigned.Count == 0)
        {
            return [];
        }

        var counted = await cards
            .GroupBy(c => new { c.RoundId, c.ScorerId })
            .Select(g => new { g.Key.RoundId, g.Key.ScorerId, Submitted = g.Count(c => c.Status == ScorecardStatus.Submitted), Drafts = g.Count(c => c.Status == ScorecardStatus.Draft) })
            .ToDictionaryAsync(c => (c.RoundId, c.ScorerId), ct);
        var conflicted = await (
                from d in db.ConflictDeclarations
                join a in assignments on new { d.NominationId, d.ScorerId } equals new { a.NominationId, a.ScorerId }
                where rounds.Any(r => r.Id == a.RoundId)
                let status = db.Scorecards.Where(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == a.ScorerId)
                    .Select(c => (ScorecardStatus?)c.Status).FirstOrDefault()
                group status by new { a.RoundId, a.ScorerId } into g
                select new { g.Key.RoundId, g.Key.ScorerId, Count = g.Count(), Submitted = g.Count(s => s == ScorecardStatus.Submitted), Drafts = g.Count(s => s == ScorecardStatus.Draft) })
            .ToDictionaryAsync(c => (c.RoundId, c.ScorerId), ct);
        return assigned
            .Select(a =>
            {
                var key = (a.Id, a.ScorerId);
                var c = counted.GetValueOrDefault(key);
                var x = conflicted.GetValueOrDefault(key);
                return new CardCount(a.Id, a.Name, a.SortOrder, a.ClosesOn, a.ScorerId, a.Count - (x?.Count ?? 0),
                    (c?.Submitted ?? 0) - (x?.Submitted ?? 0), (c?.Drafts ?? 0) - (x?.Drafts ?? 0));
            })
            .Where(c => c.Assigned > 0)
            .ToList();
    }

    /// <summary>Coaching items still open (open or in progress) in scope (/FieldWork/Coaching).</summary>
    public static IQueryable<CoachingItem> OpenCoachingItems(ParitranaDbContext db, AccessScope scope) =>
        db.CoachingItems.InScope(scope, db.Nominations).Where(c => c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress);

    /// <summary>Open coaching items whose due date is before <paramref name="today"/> (WIB), in scope.</summary>
    public static IQueryable<CoachingItem> OverdueCoachingItems(ParitranaDbContext db, AccessScope scope, DateOnly today) =>
        OpenCoachingItems(db, scope).Where(c => c.DueDate < today);

    /// <summary>Planned visits from <paramref name="now"/> to <paramref name="until"/> (exclusive), of one member when given.</summary>
    public static IQueryable<Visit> PlannedVisits(ParitranaDbContext db, AccessScope scope, DateTimeOffset now, DateTimeOffset? until, Guid? member) =>
        Visits(db, scope, member).Where(v => v.Status == VisitStatus.Planned && v.PlannedAt >= now && (until == null || v.PlannedAt < until));

    /// <summary>Visits whose planned time has passed while still "planned": done or not, nobody recorded them (<see cref="VisitRules.IsUnrecorded"/>).</summary>
    public static IQueryable<Visit> UnrecordedVisits(ParitranaDbContext db, AccessScope scope, DateTimeOffset now, Guid? member) =>
        Visits(db, scope, member).Where(VisitRules.Unrecorded(now));

    private static IQueryable<Visit> Visits(ParitranaDbContext db, AccessScope scope, Guid? member) =>
        member is Guid m
            ? db.Visits.InScope(scope, db.Nominations).Where(v => v.Members.Any(x => x.UserId == m))
            : db.Visits.InScope(scope, db.Nominations);

    /// <summary>How long a failed import stays on its officer's home page.</summary>
    public static readonly TimeSpan FailedImportsShownFor = TimeSpan.FromDays(7);

    /// <summary>
    /// Imports of either kind (employers, regional coverage) running now, and those that failed in the
    /// last week, in scope; of one person when <paramref name="by"/> is given (the administrator's own).
    /// </summary>
    public static IQueryable<ImportBatch> ImportsToWatch(ParitranaDbContext db, AccessScope scope, DateTimeOffset now, Guid? by = null)
    {
        var since = now - FailedImportsShownFor;
        return db.ImportBatches.InScope(scope)
            .Where(b => by == null || b.UserId == by)
            .Where(b => b.Status == ImportStatus.Running || (b.Status == ImportStatus.Failed && b.CreatedAt >= since));
    }
}
