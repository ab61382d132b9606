using Paritrana.Domain.Candidates;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Features.Candidates;

/// <summary>
/// What a candidate's representative reads of their organisation (issue 18, docs/decisions/049, 050):
/// every query here filters by <see cref="AccessScope.CandidateOrganisationId"/> and answers null or
/// nothing for anything else, so that a page answers 404 to another organisation's id. What is read is
/// only what a candidate is told: the stage (<see cref="CandidateStages"/>), the visits' date, time and
/// place, the interviews' time, place, link and presenter, and the coaching items addressed to it with
/// their finding, recommendation, due date and status. Never a score, rank, scorer or juror name, the
/// committee's findings or notes of a visit, a resolution note, a waiver reason, nor an item not
/// addressed to it.
/// </summary>
public static class CandidateArea
{
    public sealed record NominationView(int Id, int OrganisationId, string OrganisationName, string CategoryName, int Year, string ProvinceCode, CandidateStage Stage);

    public sealed record VisitView(int Id, DateTimeOffset PlannedAt, string Place, VisitStatus Status);

    public sealed record InterviewView(int Id, DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? VideoLink, string PresenterName, string PresenterPosition, InterviewStatus Status);

    public sealed record ItemView(
        int Id, int NominationId, string ProvinceCode, string Finding, string Recommendation, string? ResponsiblePerson, DateOnly DueDate,
        CoachingStatus Status, string? Answer, DateTimeOffset? AnsweredAt, string? ReturnReason, uint Version)
    {
        public bool AwaitsCommittee => CoachingRules.IsOpen(Status) && AnsweredAt is not null;

        public bool MayAnswer => CoachingRules.IsOpen(Status) && AnsweredAt is null;
    }

    /// <summary>The nominations of the representative's organisation; none for anyone else.</summary>
    public static IQueryable<Nomination> Nominations(ParitranaDbContext db, AccessScope scope) =>
        scope.CandidateOrganisationId is int organisation
            ? db.Nominations.Where(n => n.OrganisationId == organisation)
            : db.Nominations.Where(_ => false);

    /// <summary>The coaching items addressed to the representative's organisation; none for anyone else.</summary>
    public static IQueryable<CoachingItem> Items(ParitranaDbContext db, AccessScope scope) =>
        from i in db.CoachingItems
        where i.SharedWithCandidate
        join n in Nominations(db, scope) on i.NominationId equals n.Id
        select i;

    public static async Task<NominationView?> NominationAsync(ParitranaDbContext db, AccessScope scope, int id, CancellationToken ct)
    {
        var row = await Nominations(db, scope).AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new
            {
                n.Id,
                n.OrganisationId,
                OrganisationName = n.Organisation!.Name,
                CategoryName = n.Category!.Name,
                Year = db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.Year).First(),
                n.ProvinceCode,
                n.Status,
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new NominationView(row.Id, row.OrganisationId, row.OrganisationName, row.CategoryName, row.Year, row.ProvinceCode, CandidateStages.Of(row.Status));
    }

    /// <summary>The visits of a nomination already known to be the representative's: when and where, nothing of what was found.</summary>
    public static Task<List<VisitView>> VisitsAsync(ParitranaDbContext db, int nominationId, CancellationToken ct) =>
        db.Visits.AsNoTracking()
            .Where(v => v.NominationId == nominationId)
            .OrderBy(v => v.PlannedAt).ThenBy(v => v.Id)
            .Select(v => new VisitView(v.Id, v.PlannedAt, v.Place, v.Status))
            .ToListAsync(ct);

    /// <summary>The national interviews of a nomination already known to be the representative's, without the jurors.</summary>
    public static Task<List<InterviewView>> InterviewsAsync(ParitranaDbContext db, int nominationId, CancellationToken ct) =>
        db.Interviews.AsNoTracking()
            .Where(i => i.NominationId == nominationId)
            .OrderBy(i => i.StartsAt).ThenBy(i => i.Id)
            .Select(i => new InterviewView(i.Id, i.StartsAt, i.DurationMinutes, i.Place, i.VideoLink, i.PresenterName, i.PresenterPosition, i.Status))
            .ToListAsync(ct);

    /// <summary>The items addressed to the candidate of one of its nominations (or of all, with null), open ones first.</summary>
    public static Task<List<ItemView>> ItemsAsync(ParitranaDbContext db, AccessScope scope, int? nominationId, CancellationToken ct) =>
        Items(db, scope).AsNoTracking()
            .Where(i => nominationId == null || i.NominationId == nominationId)
            .OrderBy(i => i.Status == CoachingStatus.Resolved || i.Status == CoachingStatus.Waived).ThenBy(i => i.DueDate).ThenBy(i => i.Id)
            .Select(View)
            .ToListAsync(ct);

    public static Task<ItemView?> ItemAsync(ParitranaDbContext db, AccessScope scope, int id, CancellationToken ct) =>
        Items(db, scope).AsNoTracking().Where(i => i.Id == id).Select(View).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The evidence files of an item that the candidate's own representatives uploaded (the committee's
    /// own files of the item stay the committee's).
    /// </summary>
    public static Task<IReadOnlyList<EvidenceRow>> FilesAsync(ParitranaDbContext db, int organisationId, int itemId, CancellationToken ct) =>
        EvidenceRow.ListAsync(db, f => f.CoachingItemId == itemId && !f.IsRemoved && db.Users.Any(u => u.Id == f.UploadedBy && u.OrganisationId == organisationId), ct);

    /// <summary>A file the candidate may download: uploaded by one of its representatives to one of its addressed items.</summary>
    public static IQueryable<EvidenceFile> Files(ParitranaDbContext db, AccessScope scope) =>
        scope.CandidateOrganisationId is int organisation
            ? from f in db.EvidenceFiles
              where !f.IsRemoved
              join i in Items(db, scope) on f.CoachingItemId equals i.Id
              where db.Users.Any(u => u.Id == f.UploadedBy && u.OrganisationId == organisation)
              select f
            : db.EvidenceFiles.Where(_ => false);

    private static readonly System.Linq.Expressions.Expression<Func<CoachingItem, ItemView>> View = i => new ItemView(
        i.Id, i.NominationId, i.ProvinceCode, i.Finding, i.Recommendation, i.ResponsiblePerson, i.DueDate, i.Status,
        i.CandidateAnswer, i.CandidateAnsweredAt, i.AnswerReturnReason, i.Version);
}
