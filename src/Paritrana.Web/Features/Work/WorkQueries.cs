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
        var since = Wib.StartOfDay(today.AddDays(-VerificationDaysAllowed));
        return nominations.Where(n => n.Status == NominationStatus.Submitted && n.UpdatedAt < since);
    }

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
        join n in db.Nominations.InScope(scope) on a.NominationId equals n.Id
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

    /// <summary>Imports running now, and those that failed in the last week, in scope.</summary>
    public static IQueryable<ImportBatch> ImportsToWatch(ParitranaDbContext db, AccessScope scope, DateTimeOffset now)
    {
        var since = now - FailedImportsShownFor;
        return db.ImportBatches.InScope(scope)
            .Where(b => b.Status == ImportStatus.Running || (b.Status == ImportStatus.Failed && b.CreatedAt >= since));
    }
}
