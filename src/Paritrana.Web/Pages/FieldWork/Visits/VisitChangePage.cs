using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Notifications;

namespace Paritrana.Web.Pages.FieldWork.Visits;

/// <summary>
/// What the pages that change a planned visit (record, reschedule, cancel) share: the visit and its
/// nomination in the user's scope, the refusal when the visit can no longer change, and a save that
/// refuses a page loaded from an older version of the visit, all with the same messages.
/// </summary>
public abstract class VisitChangePage(ParitranaDbContext db, ReferenceData reference, CurrentUser me, IStringLocalizer<SharedResource> l, Notifier notifier) : PageModel
{
    public NominationRef Nomination { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public string ZoneLabel => ProvinceTime.LabelOf(Visit.ProvinceCode);

    protected IStringLocalizer<SharedResource> Texts => l;

    /// <summary>Loads the visit (tracked) and its nomination; false when either is outside the user's scope.</summary>
    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var loaded = await VisitChanges.LoadAsync(db, await me.GetScopeAsync(ct), id, ct);
        if (loaded is not { } found)
        {
            return false;
        }

        (Visit, Nomination) = found;
        Refusal = VisitChanges.Refusal(l, Visit, Nomination, me.Role);
        return true;
    }

    /// <summary>The message beside the time field when the planned day is outside the field-assessment period (VisitPeriodCheck); null inside.</summary>
    protected async Task<string?> OutsidePeriodAsync(DateTime plannedLocal, CancellationToken ct) =>
        VisitPeriodCheck.Outside(l, await VisitPeriodCheck.PeriodAsync(db, reference, await me.GetScopeAsync(ct), Nomination.Id, ct), DateOnly.FromDateTime(plannedLocal), Nomination.CycleYear);

    /// <summary>For a POST: 404 outside scope, the page with the refusal when the visit can no longer change, null to go on.</summary>
    protected async Task<IActionResult?> LoadForChangeAsync(int id, CancellationToken ct) =>
        this.NotFoundOrRefused(await LoadAsync(id, ct), Refusal);

    /// <summary>The audit event of the change, recorded with it.</summary>
    protected void RecordAudit(AuditTrail audit, string action, AuditDetails details) =>
        audit.Record(action, NominationTimeline.VisitEntity, Visit.Id.ToString(CultureInfo.InvariantCulture), Visit.ProvinceCode, details);

    /// <summary>
    /// Applies the change (which also records its audit event) and saves both, unless the page was
    /// loaded from an older version of the visit: then nothing is saved and the page says so.
    /// Recorded, cancelled or moved, the visit's "tomorrow" reminder is done with: settled, its unsent
    /// mail cancelled, in the same transaction (a moved visit is reminded again for its new day).
    /// </summary>
    protected async Task<IActionResult> SaveAsync(uint version, Action change, string statusMessage, CancellationToken ct)
    {
        if (Visit.Version != version)
        {
            ModelState.AddModelError("", VisitChanges.Stale(l));
            return Page();
        }

        change();
        db.Entry(Visit).Property(v => v.Version).OriginalValue = version;
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        try
        {
            await notifier.SettleAsync(Notifier.VisitWork(Visit.Id), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", VisitChanges.Stale(l));
            return Page();
        }

        TempData["StatusMessage"] = statusMessage;
        return RedirectToPage("/FieldWork/Visits/Details", new { id = Visit.Id });
    }
}
