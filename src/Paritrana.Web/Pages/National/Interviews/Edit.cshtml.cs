using System.ComponentModel.DataAnnotations;
using Paritrana.Web.Features.National;

namespace Paritrana.Web.Pages.National.Interviews;

/// <summary>
/// Changes or cancels a scheduled interview (<c>/National/Interviews/Edit/{id}</c>; the secretariat
/// only). Both are saved against the version the page was read at: a change made meanwhile by someone
/// else is shown instead of overwritten.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class EditModel(ParitranaDbContext db, InterviewSchedule schedule, IStringLocalizer<SharedResource> l) : InterviewFormPage(schedule, l)
{
    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    [Display(Name = "Alasan pembatalan")]
    public string? CancelReason { get; set => field = value?.Trim(); }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } interview)
        {
            return NotFound();
        }

        Version = interview.Version;
        Input = new InputModel
        {
            StartsAt = Wib.ToWib(interview.StartsAt).DateTime,
            DurationMinutes = interview.DurationMinutes,
            Place = interview.Place,
            VideoLink = interview.VideoLink,
            PresenterName = interview.PresenterName,
            PresenterPosition = interview.PresenterPosition,
            JurorIds = interview.Jurors.Select(j => j.UserId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }

        // Only the form's fields are checked here: the cancellation's reason belongs to the other form.
        ModelState.Remove(nameof(CancelReason));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var outcome = await Service.ChangeAsync(Candidate, id, Version, Plan(), ct);
            if (!outcome.Saved)
            {
                Show(outcome);
                return Page();
            }

            TempData["StatusMessage"] = L["Jadwal wawancara {0} diubah. Juri dan tim panitia provinsinya telah diberi tahu.", Candidate.Name].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", L["Wawancara ini telah diubah orang lain sejak halaman ini dibuka. Muat ulang halaman untuk melihat jadwal terbaru."]);
            return Page();
        }

        return RedirectToPage("Index", new { cycle = Candidate.CycleYear });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Service.ClosedRefusal(Candidate) is { } closed)
        {
            ModelState.AddModelError("", closed);
            return Page();
        }

        if (string.IsNullOrEmpty(CancelReason) || CancelReason.Length > 1000)
        {
            ModelState.AddModelError(nameof(CancelReason), string.IsNullOrEmpty(CancelReason)
                ? L["Tuliskan alasan pembatalan."]
                : L["Alasan pembatalan paling banyak {0} karakter.", 1000]);
            return Page();
        }

        try
        {
            await Service.CancelAsync(Candidate, id, Version, CancelReason, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", L["Wawancara ini telah diubah orang lain sejak halaman ini dibuka. Muat ulang halaman untuk melihat jadwal terbaru."]);
            return Page();
        }

        TempData["StatusMessage"] = L["Wawancara {0} dibatalkan. Juri dan tim panitia provinsinya telah diberi tahu.", Candidate.Name].Value;
        return RedirectToPage("Index", new { cycle = Candidate.CycleYear });
    }

    /// <summary>The scheduled interview, its candidate and the jurors to choose from; null when there is no such scheduled interview.</summary>
    private async Task<Interview?> LoadAsync(int id, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().Include(i => i.Jurors).FirstOrDefaultAsync(i => i.Id == id && i.Status == InterviewStatus.Scheduled, ct);
        if (interview is null || await Service.CandidateAsync(interview.NominationId, ct) is not { } candidate)
        {
            return null;
        }

        Candidate = candidate;
        await LoadJurorsAsync(ct);
        return interview;
    }
}
