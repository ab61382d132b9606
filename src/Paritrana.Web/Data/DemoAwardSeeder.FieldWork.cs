using Paritrana.Web.Data.Demo;
using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Data;

/// <summary>
/// The demo's field work (Data/Demo/fieldwork.json): in the current cycle, on Kota Denpasar in field
/// assessment, a visit done 47 days before the first start with its findings, two coaching items
/// from it (one resolved, one still open and long past its due date, so the overdue list and the
/// coaching gate show it) and a follow-up visit planned at seeding for two weeks ahead. Everything
/// is written through <see cref="FieldWorkService"/> as the visit and coaching pages write it, by the
/// demo account at the time in the data (the province's local time, as the committee types it),
/// after the pages' checks of the nomination, the visit and the committee; each visit is looked up
/// by its purpose and each item by its finding, and only what is missing is added.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    private static DemoVisit FollowUpVisit => DemoData.FieldWork.SelectMany(f => f.Visits).Single(v => v.PlannedOn == "now");

    public static string PlannedVisitPurpose => FollowUpVisit.Purpose;

    /// <summary>The follow-up visit lies this many days after the day of seeding (<c>"now+14 09:00"</c>).</summary>
    public static int PlannedVisitDaysAhead =>
        int.Parse(FollowUpVisit.At[3..FollowUpVisit.At.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static IEnumerable<DemoCoachingItem> CoachingItems => DemoData.FieldWork.SelectMany(f => f.Visits).SelectMany(v => v.Coaching ?? []);

    public static string ResolvedFinding => CoachingItems.Single(i => i.Steps is { Count: > 0 }).Finding;

    public static string OpenFinding => CoachingItems.Single(i => i.Steps is null or { Count: 0 }).Finding;

    private async Task SeedFieldWorkAsync(CycleIds cycles, CancellationToken ct)
    {
        var users = await UserIdsAsync(ct);
        foreach (var plan in DemoData.FieldWork)
        {
            var cycleId = plan.Cycle == DemoData.History ? cycles.History : cycles.Current;
            var candidates = await db.Nominations.AsNoTracking().Include(n => n.Organisation).Where(n => n.CycleId == cycleId).ToListAsync(ct);
            var nomination = candidates.Single(n => IsOf(n.Organisation!, plan));
            var visits = await db.Visits.AsNoTracking().Where(v => v.NominationId == nomination.Id).Select(v => new { v.Id, v.Purpose }).ToListAsync(ct);
            var findings = await db.CoachingItems.AsNoTracking().Where(c => c.NominationId == nomination.Id).Select(c => c.Finding).ToListAsync(ct);
            foreach (var visit in plan.Visits)
            {
                var visitId = visits.FirstOrDefault(v => v.Purpose == visit.Purpose)?.Id
                    ?? await PlanVisitAsync(nomination, visit, users, ct);
                foreach (var item in (visit.Coaching ?? []).Where(i => !findings.Contains(i.Finding)))
                {
                    await AddCoachingItemAsync(nomination, visitId, item, ct);
                }
            }
        }
    }

    /// <summary>A moment of the field work, in the nomination's province's local time.</summary>
    private DateTimeOffset Local(string text, Nomination nomination) => _calendar.Local(text, nomination.ProvinceCode, _now);

    /// <summary>The nomination as a field-work page of <paramref name="act"/>'s account reads it; throws where the page would refuse.</summary>
    private async Task<NominationRef> FieldWorkNominationAsync(DemoAct act, int nominationId, CancellationToken ct)
    {
        var nomination = await NominationRef.LoadAsync(db, await act.User.GetScopeAsync(ct), nominationId, ct)
            ?? throw new InvalidOperationException($"Demo field work: nomination {nominationId} is outside the scope of {act.User.Email}.");
        return nomination.ChangeRefusal(act.Texts, act.User.Role) is string refusal
            ? throw new InvalidOperationException($"Demo field work on nomination {nominationId}: {refusal}")
            : nomination;
    }

    /// <summary>Plans the visit (and records it done, if it was) as the visit pages do; its id.</summary>
    private async Task<int> PlanVisitAsync(Nomination nomination, DemoVisit visit, Dictionary<string, Guid> users, CancellationToken ct)
    {
        var act = await actor.AsAsync(visit.PlannedBy, Local(visit.PlannedOn, nomination));
        var target = await FieldWorkNominationAsync(act, nomination.Id, ct);
        var members = visit.Members.Select(e => users[e]).ToList();
        var committee = await CommitteeMembers.OfProvinceAsync(db, nomination.ProvinceCode, ct);
        if (!members.All(id => committee.Any(m => m.Id == id)))
        {
            throw new InvalidOperationException($"Demo visit '{visit.Purpose}': a member is not of the province's committee.");
        }

        var planned = await act.FieldWork.PlanVisitAsync(
            target, new VisitPlan(Local(visit.At, nomination), visit.Place, visit.Purpose, visit.ExternalParticipants, members), ct);
        db.ChangeTracker.Clear();
        if (visit.Done is { } done)
        {
            var recorder = await actor.AsAsync(done.By, Local(done.On, nomination));
            var tracked = await db.Visits.SingleAsync(v => v.Id == planned.Id, ct);
            var report = new VisitReport(Local(done.At, nomination), done.Findings, done.DocumentsChecked, done.InterviewNotes);
            if ((VisitChanges.Refusal(recorder.Texts, tracked, target, recorder.User.Role) ?? recorder.FieldWork.RecordRefusal(report)) is string refusal)
            {
                throw new InvalidOperationException($"Demo visit '{visit.Purpose}' cannot be recorded done: {refusal}");
            }

            recorder.FieldWork.RecordDone(tracked, report);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return planned.Id;
    }

    /// <summary>Records the coaching item and takes its steps (resolve, ...) as the coaching pages do.</summary>
    private async Task AddCoachingItemAsync(Nomination nomination, int visitId, DemoCoachingItem item, CancellationToken ct)
    {
        var act = await actor.AsAsync(item.By, Local(item.On, nomination));
        var target = await FieldWorkNominationAsync(act, nomination.Id, ct);
        var (created, refusal) = await act.FieldWork.AddCoachingItemAsync(
            target, new CoachingEntry(visitId, item.Finding, item.Recommendation, item.ResponsiblePerson, _calendar.Date(item.Due), item.SharedWithCandidate), ct);
        if (created is null)
        {
            throw new InvalidOperationException($"Demo coaching item '{item.Finding}' is refused: {refusal}");
        }

        db.ChangeTracker.Clear();
        if (item.Answer is null)
        {
            await TakeStepsAsync(nomination, created.Id, item, ct);
        }
    }

    /// <summary>
    /// The candidates' answers (docs/decisions/050), once their representatives' accounts exist (after
    /// the award's demo, which creates their organisations): each answer through the candidate's answer
    /// service as the representative at the time in the data, then the item's steps that follow it
    /// (the committee resolving it). Only what is missing is added.
    /// </summary>
    public async Task SeedCandidateAnswersAsync(CancellationToken ct = default)
    {
        // The cycles as the award's demo made them (found again, nothing added), and their calendar.
        var cycles = await SeedCyclesAsync(ct);
        foreach (var plan in DemoData.FieldWork)
        {
            var cycleId = plan.Cycle == DemoData.History ? cycles.History : cycles.Current;
            var candidates = await db.Nominations.AsNoTracking().Include(n => n.Organisation).Where(n => n.CycleId == cycleId).ToListAsync(ct);
            var nomination = candidates.Single(n => IsOf(n.Organisation!, plan));
            foreach (var item in plan.Visits.SelectMany(v => v.Coaching ?? []).Where(i => i.Answer is not null))
            {
                var stored = await db.CoachingItems.AsNoTracking().Where(c => c.NominationId == nomination.Id && c.Finding == item.Finding)
                    .Select(c => new { c.Id, c.CandidateAnswer, c.Status }).SingleAsync(ct);
                if (stored.CandidateAnswer is not null || !CoachingRules.IsOpen(stored.Status))
                {
                    continue;
                }

                var answer = item.Answer!;
                var act = await actor.AsAsync(answer.By, Local(answer.On, nomination));
                var tracked = await db.CoachingItems.SingleAsync(i => i.Id == stored.Id, ct);
                Features.Candidates.AnswerFile? file = null;
                Infrastructure.Files.StagedUpload? staged = null;
                if (answer.File is { } name)
                {
                    using var bytes = new MemoryStream(DemoPdf(_calendar.Fill(answer.Note)));
                    staged = await Infrastructure.Files.StagedUpload.StageAsync(bytes, Features.FieldWork.EvidenceOptions.DefaultMaxFileBytes, ct);
                    file = new Features.Candidates.AnswerFile(staged, FileKind.Pdf, name);
                }

                try
                {
                    if (await act.CandidateCoaching.AnswerAsync(tracked, nomination.Organisation!.Name, _calendar.Fill(answer.Note), file, tracked.Version, ct) != true)
                    {
                        throw new InvalidOperationException($"Demo coaching item '{item.Finding}': the candidate's answer is refused.");
                    }
                }
                finally
                {
                    if (staged is not null)
                    {
                        await staged.DisposeAsync();
                    }
                }

                db.ChangeTracker.Clear();
                await TakeStepsAsync(nomination, stored.Id, item, ct);
            }
        }
    }

    /// <summary>A one-page PDF carrying <paramref name="text"/> in its metadata: what a candidate's scanned letter stands for in the demo.</summary>
    private static byte[] DemoPdf(string text) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Title (" + new string(text.Where(c => c < 128 && c != '(' && c != ')' && c != '\\').Take(120).ToArray()) + ") >> endobj\ntrailer << /Root 1 0 R /Info 2 0 R >>\n%%EOF\n");

    /// <summary>Takes the item's steps (resolve, ...) as the coaching pages do.</summary>
    private async Task TakeStepsAsync(Nomination nomination, int itemId, DemoCoachingItem item, CancellationToken ct)
    {
        var created = new { Id = itemId };
        foreach (var step in item.Steps ?? [])
        {
            var stepAct = await actor.AsAsync(step.By, Local(step.On, nomination));
            var tracked = await db.CoachingItems.SingleAsync(i => i.Id == created.Id, ct);
            var outcome = await stepAct.FieldWork.ChangeCoachingAsync(tracked, step.Action, step.Text is null ? null : _calendar.Fill(step.Text), tracked.Version, ct);
            if (!outcome.Done)
            {
                throw new InvalidOperationException($"Demo coaching item '{item.Finding}': {step.Action} is refused: {outcome.Refusal}");
            }

            db.ChangeTracker.Clear();
        }
    }
}
