using Paritrana.Web.Features.National;

namespace Paritrana.Web.Pages.National.Interviews;

/// <summary>
/// The national interview schedule of a cycle (<c>/National/Interviews?cycle=YYYY</c>, docs/decisions/046):
/// each interview's time in WIB and in the candidate's own time, place or video link, presenter and
/// jurors. The secretariat schedules from here; jurors see the jury's schedule with their own seats
/// marked; a provincial committee sees its own finalists' interviews.
/// </summary>
[Authorize(Policy = Policies.InterviewSchedule)]
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me) : CyclePageModel
{
    public IReadOnlyList<InterviewList.Row> Rows { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name, string Province)> Unscheduled { get; private set; } = [];

    public bool IsAdministrator => me.IsAdministrator;

    /// <summary>The secretariat, in a cycle still open: it schedules, changes and cancels here.</summary>
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return NoCycle();
        }

        Rows = await InterviewList.OfCycleAsync(db, await me.GetScopeAsync(ct), Cycle.Id, me.Id, ct);
        // A closed cycle's schedule no longer changes: nothing to schedule or change there.
        CanChange = IsAdministrator && !Cycle.IsClosed;
        if (CanChange)
        {
            Unscheduled = await InterviewList.UnscheduledAsync(db, Cycle.Id, ct);
        }

        return Page();
    }
}
