using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// A national juror's cards (<c>/National/Cards</c>, docs/decisions/043): the candidates assigned to them
/// in the open national rounds, with the round's closing date and the card's state, each opening the
/// scorecard of the provinces' engine (<c>/Scoring/Card</c>). The same query as the juror's home page
/// counts (<see cref="WorkQueries.AssignedCards"/>).
/// </summary>
[Authorize(Policy = Policies.Juror)]
public class CardsModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    public sealed record Row(int RoundId, string RoundName, DateOnly? ClosesOn, int NominationId, string Name, string Province, string Category, ScorecardStatus? CardStatus);

    public IReadOnlyList<Row> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (me.Id is not Guid juror)
        {
            return NotFound();
        }

        Cards = await WorkQueries.AssignedCards(db, scope, juror).AsNoTracking()
            .OrderBy(c => c.RoundSortOrder).ThenBy(c => c.RoundId).ThenBy(c => c.Nomination.Organisation!.Name).ThenBy(c => c.NominationId)
            .Select(c => new Row(c.RoundId, c.RoundName, c.RoundClosesOn, c.NominationId, c.Nomination.Organisation!.Name,
                db.Provinces.Where(p => p.Code == c.Nomination.ProvinceCode).Select(p => p.Name).First(), c.Nomination.Category!.Name, c.CardStatus))
            .ToListAsync(ct);
        return Page();
    }
}
