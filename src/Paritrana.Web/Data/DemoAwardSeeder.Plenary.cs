using Paritrana.Web.Data.Demo;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Data;

/// <summary>
/// The demo's plenaries (Data/Demo/plenaries.json), decided through <see cref="PlenaryDecisions"/>
/// as the plenary page decides them, by the chair at the plenary's moment: the record, a decision
/// for every scored nomination with the rank and total of the official shortlist, the workflow
/// steps (finalist, not shortlisted), the portal's check of the choice and the frozen official
/// record (2021: PRT-2021-51-001, dated 25 June 2021), with their audit events; then the finalists
/// forwarded to the national level with one "forward". A plenary is seeded only while it does not
/// exist and its province has scored nominations to decide.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    private static DemoPlenary HistoryPlenary => DemoData.Plenaries.Single(p => p.Cycle == DemoData.History && p.Province == HistoryProvince);

    public static string PlenaryPlace => HistoryPlenary.Place;

    public static DateOnly PlenaryHeldOn => HistoryPlenary.HeldOn;

    public static string PlenaryDecision => HistoryPlenary.Decision!;

    public static string DenpasarRationale => HistoryPlenary.Rationales["PEMKAB"];

    private async Task SeedPlenariesAsync(CycleIds cycles, CancellationToken ct)
    {
        foreach (var plan in DemoData.Plenaries.Where(p => !NationalStage.IsNational(p.Province)))
        {
            var cycleId = plan.Cycle == DemoData.History ? cycles.History : cycles.Current;
            if (await db.Plenaries.AnyAsync(p => p.CycleId == cycleId && p.ProvinceCode == plan.Province, ct))
            {
                continue;
            }

            var nominations = await db.Nominations.AsNoTracking().Include(n => n.Organisation)
                .Where(n => n.CycleId == cycleId && n.ProvinceCode == plan.Province)
                .ToListAsync(ct);
            if (!nominations.Any(n => n.Status == NominationStatus.Scored))
            {
                continue;
            }

            var finalists = plan.Finalists.Select(f => nominations.Single(n => IsOf(n.Organisation!, f)).Id).ToList();
            var categories = await db.Categories.AsNoTracking().Where(c => c.CycleId == cycleId).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
            var rationales = plan.Rationales.ToDictionary(r => categories[r.Key], r => (string?)r.Value);
            var decide = await actor.AsAsync(plan.By, _calendar.Wib(plan.Decided));
            var decided = await decide.Plenary.DecideAsync(
                cycleId, plan.Province, new PlenaryRecord(plan.HeldOn, plan.Place, plan.Attendees, plan.Minutes, plan.Decision), 0, new FinalistChoice(finalists, rationales), ct);
            Done(decided, plan, "decided");
            db.ChangeTracker.Clear();
            if (plan.Forwarded is not { } forwarded)
            {
                continue;
            }

            var version = await db.Plenaries.Where(p => p.CycleId == cycleId && p.ProvinceCode == plan.Province).Select(p => p.Version).SingleAsync(ct);
            var forward = await actor.AsAsync(plan.By, _calendar.Wib(forwarded));
            Done(await forward.Plenary.ForwardAsync(cycleId, plan.Province, version, ct), plan, "forwarded");
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The 2021 national plenary (plenaries.json, province "00"; docs/decisions/047).</summary>
    public static DemoPlenary NationalPlenary => DemoData.Plenaries.Single(p => p.Cycle == DemoData.History && NationalStage.IsNational(p.Province));

    /// <summary>
    /// The national plenary of the history, decided through <see cref="PlenaryDecisions"/> as its page
    /// decides it, by the secretariat at its moment, once the national rounds are closed: the ranking's
    /// proposal (the top N of each category) are the winners, each with its category's award name from
    /// the data. Seeded only while the cycle has no national plenary and its pool waits for it.
    /// </summary>
    private async Task SeedNationalPlenaryAsync(int cycleId, CancellationToken ct)
    {
        var plan = NationalPlenary;
        if (await HistoryClosedAsync(cycleId, ct)
            || await db.Plenaries.AnyAsync(p => p.CycleId == cycleId && p.ProvinceCode == NationalStage.Code, ct)
            || !await Features.National.NationalPool.Of(db, cycleId).AnyAsync(n => n.Status == NominationStatus.ForwardedToNational, ct))
        {
            return;
        }

        var decide = await actor.AsAsync(plan.By, _calendar.Wib(plan.Decided));
        var data = await new DecisionSnapshots(db).OfficialShortlistAsync(cycleId, NationalStage.Code, ct);
        var winners = data.Categories.SelectMany(c => c.Rows.Where(r => r.IsDefaultFinalist).Select(r => (Category: c, Row: r))).ToList();
        var awards = winners.ToDictionary(w => w.Row.NominationId, w => (string?)plan.Awards![w.Category.Code]);
        var decided = await decide.Plenary.DecideAsync(
            cycleId, NationalStage.Code, new PlenaryRecord(plan.HeldOn, plan.Place, plan.Attendees, plan.Minutes, plan.Decision), 0,
            new FinalistChoice(winners.Select(w => w.Row.NominationId).ToList(), new Dictionary<int, string?>(), awards), ct);
        Done(decided, plan, "decided");
        db.ChangeTracker.Clear();
    }

    private static void Done(PlenaryOutcome outcome, DemoPlenary plan, string what)
    {
        if (!outcome.Done)
        {
            throw new InvalidOperationException($"Demo plenary ({plan.Cycle}, {plan.Province}) cannot be {what} by {plan.By}: {outcome.Message}");
        }
    }
}
