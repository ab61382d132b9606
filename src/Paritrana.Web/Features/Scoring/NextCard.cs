using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// "Simpan dan berikutnya": the scorer's next card of the same round that is not sent yet
/// (assigned, no declared conflict, the round open, in scope: WorkQueries.AssignedCards), in the
/// order "Penilaian saya" lists a round's cards (the nomination's name, then its id), after the
/// current one and wrapping round to the first; null when there is none.
/// </summary>
public sealed class NextCard(ParitranaDbContext db)
{
    public sealed record Target(int RoundId, int NominationId, string NominationName);

    public async Task<Target?> AfterAsync(int roundId, int nominationId, Guid scorer, AccessScope scope, CancellationToken ct)
    {
        var unsent = await WorkQueries.AssignedCards(db, scope, scorer).AsNoTracking()
            .Where(x => x.RoundId == roundId && x.CardStatus != ScorecardStatus.Submitted)
            .OrderBy(x => x.Nomination.Organisation!.Name).ThenBy(x => x.NominationId)
            .Select(x => new Target(x.RoundId, x.NominationId, x.Nomination.Organisation!.Name))
            .ToListAsync(ct);
        var current = unsent.FindIndex(t => t.NominationId == nominationId);
        var others = current < 0
            ? unsent
            : [.. unsent.Skip(current + 1), .. unsent.Take(current)];
        return others.FirstOrDefault(t => t.NominationId != nominationId);
    }
}
