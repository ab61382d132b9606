using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>
/// One visit as everyone who may see its nomination sees it: the plan, who went, the result (or
/// why it was cancelled or moved), its evidence files and the coaching items found on it. The
/// committee finds its steps here (record as done, reschedule, cancel, upload, add an item).
/// </summary>
public class DetailsModel(ParitranaDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public NominationRef Nomination { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public IReadOnlyList<string> MemberNames { get; private set; } = [];

    public string? CreatedByName { get; private set; }

    public IReadOnlyList<EvidenceRow> Files { get; private set; } = [];

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanChange { get; private set; }

    /// <summary>Still planned though its time has passed: nobody recorded it (VisitRules.IsUnrecorded, as the home page counts it).</summary>
    public bool Unrecorded { get; private set; }

    public sealed record ItemRow(int Id, string Finding, DateOnly DueDate, CoachingStatus Status);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var visit = await db.Visits.InScope(scope, db.Nominations).AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        var nomination = visit is null ? null : await NominationRef.LoadAsync(db, scope, visit.NominationId, ct);
        if (visit is null || nomination is null)
        {
            return NotFound();
        }

        (Visit, Nomination) = (visit, nomination);
        CanChange = nomination.CanChange(me.Role);
        Today = LocalTime.Today(clock, visit.ProvinceCode);
        Unrecorded = VisitRules.IsUnrecorded(visit.Status, visit.PlannedAt, clock.GetUtcNow());
        MemberNames = await db.VisitMembers.AsNoTracking()
            .Where(m => m.VisitId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.FullName)
            .OrderBy(n => n)
            .ToListAsync(ct);
        CreatedByName = await db.Users.AsNoTracking().Where(u => u.Id == visit.CreatedBy).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        Files = await EvidenceRow.ListAsync(db, f => f.VisitId == id, ct);
        Items = await db.CoachingItems.AsNoTracking()
            .Where(c => c.VisitId == id)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new ItemRow(c.Id, c.Finding, c.DueDate, c.Status))
            .ToListAsync(ct);
        return Page();
    }
}
