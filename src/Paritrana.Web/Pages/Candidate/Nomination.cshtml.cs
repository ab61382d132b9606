using Paritrana.Web.Features.Candidates;

namespace Paritrana.Web.Pages.Candidate;

/// <summary>
/// One nomination of the representative's organisation (issue 18, docs/decisions/050): its stage as a
/// candidate is told, the committee's visits (date, time and place, in the candidate's own time zone),
/// the national interviews (time, place, link, presenter), and the coaching items addressed to it.
/// Another organisation's nomination, or one that does not exist, is 404 alike.
/// </summary>
public class NominationModel(ParitranaDbContext db, CurrentUser me) : PageModel
{
    public CandidateArea.NominationView Nomination { get; private set; } = null!;

    public IReadOnlyList<CandidateArea.VisitView> Visits { get; private set; } = [];

    public IReadOnlyList<CandidateArea.InterviewView> Interviews { get; private set; } = [];

    public IReadOnlyList<CandidateArea.ItemView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (await CandidateArea.NominationAsync(db, scope, id, ct) is not { } nomination)
        {
            return NotFound();
        }

        Nomination = nomination;
        Visits = await CandidateArea.VisitsAsync(db, id, ct);
        Interviews = await CandidateArea.InterviewsAsync(db, id, ct);
        Items = await CandidateArea.ItemsAsync(db, scope, id, ct);
        return Page();
    }
}
