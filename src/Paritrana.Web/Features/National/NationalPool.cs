namespace Paritrana.Web.Features.National;

/// <summary>
/// The national pool (docs/decisions/043): the nominations of a cycle that their province forwarded
/// to the national stage, with their national outcome (<see cref="NationalStage.PoolStatuses"/>). The
/// one query of it: the national rounds' nominations (<see cref="Scoring.RoundNominations"/>), the
/// pool page and a juror's dossier read it from here. Seen whole by the administrator (the national
/// secretariat) and the national jurors; a provincial role sees its own province's finalists with
/// their status only (<see cref="OwnFinalists"/>), never a national score; anyone else nothing.
/// </summary>
public static class NationalPool
{
    /// <summary>Every nomination of the pool of <paramref name="cycleId"/>, unscoped: for the national scoring engine, which is itself reached only through national rounds in scope.</summary>
    public static IQueryable<Nomination> Of(ParitranaDbContext db, int cycleId)
    {
        var statuses = NationalStage.PoolStatuses.ToList();
        return db.Nominations.Where(n => n.CycleId == cycleId && statuses.Contains(n.Status));
    }

    /// <summary>The pool as <paramref name="scope"/> may see it: whole for the national stage, nothing otherwise.</summary>
    public static IQueryable<Nomination> InScope(ParitranaDbContext db, AccessScope scope, int cycleId) =>
        scope.SeesNationalStage ? Of(db, cycleId) : db.Nominations.Where(_ => false);

    /// <summary>
    /// The nominations whose cards the reader may score or count: those in their scope and, for a juror
    /// (who has no provincial scope), the pool of every cycle; their rounds are scoped apart (a juror
    /// sees only national rounds, a province never a national one).
    /// </summary>
    public static IQueryable<Nomination> Scorable(ParitranaDbContext db, AccessScope scope)
    {
        if (!scope.IsJuror)
        {
            return db.Nominations.InScope(scope);
        }

        var statuses = NationalStage.PoolStatuses.ToList();
        return db.Nominations.Where(n => statuses.Contains(n.Status));
    }

    /// <summary>A provincial role's own finalists in the pool (status only is shown): their province, through the nominations' own scope.</summary>
    public static IQueryable<Nomination> OwnFinalists(ParitranaDbContext db, AccessScope scope, int cycleId)
    {
        var statuses = NationalStage.PoolStatuses.ToList();
        return db.Nominations.InScope(scope).Where(n => n.CycleId == cycleId && statuses.Contains(n.Status));
    }
}
