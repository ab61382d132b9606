using Paritrana.Web.Features.National;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// The country at a glance for the national secretariat (the administrator; issue 17, item 5): per
/// province and category, the nominations of a cycle by status, how many are late and how late the
/// province's stages are, the finalists forwarded and their national outcome; the national totals
/// per category; a CSV of the same figures. Every count links down to the province's own list
/// (read only: the overview takes no action). One statement (<see cref="CountryOverview"/>).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class CountryModel(ParitranaDbContext db, ReferenceData reference, CountryOverview overview, CurrentUser me, IStringLocalizer<SharedResource> l) : CyclePageModel
{
    public CountryReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NoCycle();

    /// <summary>The page's figures as CSV: a line per province and category, then the country per category.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? CountryCsv.File(Report!, l, $"ringkasan-nasional-{Report!.Year.ToString(CultureInfo.InvariantCulture)}.csv")
            : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return false;
        }

        Report = await overview.ForAsync(await me.GetScopeAsync(ct), Cycle, ct);
        return true;
    }
}
