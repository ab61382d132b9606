using Paritrana.Web.Features.National;

namespace Paritrana.Web.Pages.National.Interviews;

/// <summary>Schedules a finalist's national interview (<c>?nomination=ID</c>, a nomination of the national pool; the secretariat only).</summary>
[Authorize(Policy = Policies.Administrator)]
public class ScheduleModel(InterviewSchedule schedule, IStringLocalizer<SharedResource> l) : InterviewFormPage(schedule, l)
{
    public async Task<IActionResult> OnGetAsync(int nomination, CancellationToken ct)
    {
        if (await Service.CandidateAsync(nomination, ct) is not { } candidate)
        {
            return NotFound();
        }

        Candidate = candidate;
        await LoadJurorsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int nomination, CancellationToken ct)
    {
        if (await Service.CandidateAsync(nomination, ct) is not { } candidate)
        {
            return NotFound();
        }

        Candidate = candidate;
        await LoadJurorsAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await Service.ScheduleAsync(candidate, Plan(), ct);
        if (!outcome.Saved)
        {
            Show(outcome);
            return Page();
        }

        TempData["StatusMessage"] = L["Wawancara {0} dijadwalkan pada {1}. Juri dan tim panitia provinsinya telah diberi tahu.", candidate.Name, Wib.Format(outcome.Interview!.StartsAt)].Value;
        return RedirectToPage("Index", new { cycle = candidate.CycleYear });
    }
}
