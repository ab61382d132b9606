namespace Paritrana.Web.Infrastructure;

/// <summary>
/// A page with a cycle picker (<c>?cycle=2025</c>): the cycles for the picker and the one shown,
/// chosen as <see cref="CycleLookup.Resolve"/> chooses, from the instance's copy of the cycles (<see cref="ReferenceData"/>).
/// </summary>
public abstract class CyclePageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "cycle")]
    public int? CycleYear { get; set; }

    /// <summary>The cycle shown; null when there is none (or the year asked for does not exist).</summary>
    public CycleLookup.CycleRef? Cycle { get; private set; }

    public IReadOnlyList<CycleLookup.CycleRef> Cycles { get; private set; } = [];

    /// <summary>Reads the cycles (the instance's copy, docs/decisions/032) and chooses <see cref="Cycle"/>.</summary>
    protected async Task ChooseCycleAsync(ReferenceData reference, ParitranaDbContext db, CancellationToken ct)
    {
        Cycles = await reference.CyclesAsync(db, ct);
        Cycle = CycleLookup.Resolve(Cycles, CycleYear);
    }

    /// <summary>The answer when no cycle was chosen: the empty page when none was asked for, 404 for a year that does not exist.</summary>
    protected IActionResult NoCycle() => CycleYear is null ? Page() : NotFound();
}
