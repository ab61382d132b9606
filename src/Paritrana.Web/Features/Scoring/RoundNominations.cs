using Paritrana.Web.Features.National;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The nominations a round scores, in one place for the whole engine (assignments, cards, visibility,
/// the ranking): a provincial round's are its province's in <paramref name="statuses"/>; a national
/// round's (<see cref="NationalStage.Code"/>) are the cycle's national pool, whatever the province
/// (docs/decisions/043).
/// </summary>
public static class RoundNominations
{
    public static IQueryable<Nomination> Of(ParitranaDbContext db, int cycleId, string roundScope, IReadOnlyCollection<NominationStatus> statuses)
    {
        if (NationalStage.IsNational(roundScope))
        {
            return NationalPool.Of(db, cycleId);
        }

        var list = statuses.ToList();
        return db.Nominations.Where(n => n.CycleId == cycleId && n.ProvinceCode == roundScope && list.Contains(n.Status));
    }

    /// <summary>Every nomination of the round's scope in the cycle, whatever its status (for the visibility rule's conflicts).</summary>
    public static IQueryable<Nomination> Any(ParitranaDbContext db, int cycleId, string roundScope) =>
        NationalStage.IsNational(roundScope)
            ? NationalPool.Of(db, cycleId)
            : db.Nominations.Where(n => n.CycleId == cycleId && n.ProvinceCode == roundScope);

    /// <summary>The stage of the criteria a round of this scope uses.</summary>
    public static ScoringStage StageOf(string roundScope) =>
        NationalStage.IsNational(roundScope) ? ScoringStage.National : ScoringStage.Provincial;
}
