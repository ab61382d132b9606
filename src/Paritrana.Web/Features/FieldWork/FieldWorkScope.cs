namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// Which visits, coaching items and files a user may see: those of the nominations they may see.
/// The committee and the administrator read them by region (<see cref="ScopeQueries.InScope{T}"/>);
/// a branch officer sees nominations by branch (province-level ones included), so their field work
/// is filtered through the nominations in their scope.
/// </summary>
public static class FieldWorkScope
{
    public static IQueryable<Visit> Visits(ParitranaDbContext db, AccessScope scope) =>
        scope.IsLimitedToRegencies
            ? db.Visits.Where(v => db.Nominations.InScope(scope).Any(n => n.Id == v.NominationId))
            : db.Visits.InScope(scope);

    public static IQueryable<CoachingItem> CoachingItems(ParitranaDbContext db, AccessScope scope) =>
        scope.IsLimitedToRegencies
            ? db.CoachingItems.Where(c => db.Nominations.InScope(scope).Any(n => n.Id == c.NominationId))
            : db.CoachingItems.InScope(scope);

    public static IQueryable<EvidenceFile> Files(ParitranaDbContext db, AccessScope scope) =>
        scope.IsLimitedToRegencies
            ? db.EvidenceFiles.Where(f => db.Nominations.InScope(scope).Any(n => n.Id == f.NominationId))
            : db.EvidenceFiles.InScope(scope);
}
