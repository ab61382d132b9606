using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.National;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Pages.FieldWork.Coaching;
using Paritrana.Web.Pages.FieldWork.Visits;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The demo's cards and plenary are what the portal's services leave behind (docs/decisions/034):
/// every card passes the card page's validation again (the round's indicators, each score on its
/// scale, a submitted card complete with its total) and has exactly the score history and audit
/// event of its one save or submit by its scorer, with the details the service writes; every
/// plenary decision has the audit events and status steps the plenary page writes, at its moment;
/// every visit and coaching item passes the form validation of the page that records it.
/// </summary>
public class DemoServiceTrailTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_demo_card_passes_the_card_validation_and_has_the_trail_of_its_save_or_submit_by_its_scorer()
    {
        var cards = await Rows("""
            SELECT c.id, c.round_id, c.status, c.total, c.updated_at, c.submitted_at, c.scorer_id, u.email, s.is_locked,
                   (SELECT count(*) FROM assignments a WHERE a.round_id = c.round_id AND a.nomination_id = c.nomination_id AND a.scorer_id = c.scorer_id),
                   coalesce(length(c.strengths), 0)
            FROM scorecards c JOIN users u ON u.id = c.scorer_id JOIN criteria_sets s ON s.id = c.criteria_set_id ORDER BY c.id
            """);
        // The indicators of each card's round in the card's order, with the card's score if any.
        var indicators = await Rows("""
            SELECT c.id, i.id, i.code, i.scale, a.id, a.weight, i.weight, sc.value, sc.comment
            FROM scorecards c JOIN aspects a ON a.criteria_set_id = c.criteria_set_id
            JOIN round_aspects ra ON ra.round_id = c.round_id AND ra.aspect_code = a.code
            JOIN indicators i ON i.aspect_id = a.id LEFT JOIN scores sc ON sc.scorecard_id = c.id AND sc.indicator_id = i.id
            ORDER BY c.id, a.sort_order, a.code, i.sort_order, i.code
            """);
        var events = await Rows($"""
            SELECT e.action, e.user_id, e.at, {AuditSql.Text("e.details")} FROM audit_events e WHERE e.action LIKE 'scorecard.%'
            """);
        var history = await Rows("SELECT h.scorecard_id, h.indicator_id, h.new_value, h.event, h.user_id, h.at, h.old_value FROM score_changes h");

        // Bali's, Jawa Tengah's 2021 (2 nominations × 3 rounds × 2 scorers) and the national jury's (5 finalists × 2 rounds × 2 jurors).
        cards.Count.ShouldBe((6 * 3 * 2) + 4 + (2 * 3 * 2) + (5 * 2 * 2));
        var problems = new List<string>();
        foreach (var card in cards)
        {
            var (id, round, submitted, total, updatedAt, scorer) = ((int)card[0], (int)card[1], (ScorecardStatus)(int)card[2] == ScorecardStatus.Submitted, card[3] as decimal?, (DateTime)card[4], (Guid)card[6]);
            var rows = indicators.Where(r => (int)r[0] == id).ToList();
            var scored = rows.Where(r => r[7] is decimal).ToList();
            if (rows.Count == 0 || scored.Count == 0 || (submitted && scored.Count != rows.Count)
                || scored.Any(r => !CriteriaRules.IsValidScore((ScaleKind)(int)r[3], (decimal)r[7]))
                || rows.Any(r => r[8] is string comment && comment.Length > ScorecardService.MaxCommentLength)
                || (int)card[10] > ScorecardService.MaxStrengthsLength || !(bool)card[8] || (long)card[9] != 1)
            {
                problems.Add($"card {id}: does not pass the card page's validation (scores {scored.Count} of {rows.Count}, locked {card[8]}, assigned {card[9]})");
            }

            var expectedTotal = submitted
                ? decimal.Round(ScoringMath.CardTotalOf(
                    rows.Select(r => new IndicatorWeighting((int)r[1], (int)r[4], (decimal)r[5], (decimal)r[6], (ScaleKind)(int)r[3])).ToList(),
                    scored.ToDictionary(r => (int)r[1], r => (decimal)r[7]))!.Value, 4, MidpointRounding.AwayFromZero)
                : (decimal?)null;
            if (total != expectedTotal || (submitted ? (DateTime?)card[5] != updatedAt : card[5] is not DBNull))
            {
                problems.Add($"card {id}: total {total} and submitted {card[5]}, expected {expectedTotal} at {updatedAt:u}");
            }

            // One save or submit, by the scorer at the card's time, with the service's details.
            var action = submitted ? AuditActions.ScorecardSubmitted : AuditActions.ScorecardSaved;
            var details = ScorecardService.AuditDetails(
                round, id, scored.Select(r => ((string)r[2], (ScorecardService.ScoreValue?)null, (ScorecardService.ScoreValue?)new ScorecardService.ScoreValue((decimal)r[7], r[8] as string))), total);
            var own = events.Where(e => ((string)e[3]).StartsWith(FormattableString.Invariant($"round {round}; card {id};"), StringComparison.Ordinal)).ToList();
            if (own.Count != 1 || (string)own[0][0] != action || (Guid)own[0][1] != scorer || (DateTime)own[0][2] != updatedAt || (string)own[0][3] != string.Join("; ", details.Entries))
            {
                problems.Add($"card {id}: audit {string.Join(" | ", own.Select(e => $"{e[0]} {e[2]:u} {e[3]}"))}, expected {action} at {updatedAt:u}: {string.Join("; ", details.Entries)}");
            }

            var trail = history.Where(h => (int)h[0] == id).ToList();
            var scoreEvent = submitted ? ScoreEvents.Submitted : ScoreEvents.Saved;
            if (trail.Count != scored.Count + (submitted ? 1 : 0)
                || trail.Any(h => (string)h[3] != scoreEvent || (Guid)h[4] != scorer || (DateTime)h[5] != updatedAt || h[6] is not DBNull)
                || scored.Any(s => trail.Count(h => h[1] is int indicator && indicator == (int)s[1] && (decimal)h[2] == (decimal)s[7]) != 1)
                || (submitted && trail.Count(h => h[1] is DBNull && (decimal)h[2] == ScoringMath.Round2(total!.Value)) != 1))
            {
                problems.Add($"card {id}: its score history is not that of one {scoreEvent} ({trail.Count} rows)");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_plenary_decision_has_the_audit_events_and_steps_the_plenary_page_writes_at_its_moment()
    {
        var plenaries = await Rows("SELECT p.id, p.cycle_id, p.province_code, p.decided_at, p.decided_by, p.held_on::text, p.place FROM plenaries p WHERE p.decided_at IS NOT NULL ORDER BY p.id");
        plenaries.Count.ShouldBe(3); // Bali's and Jawa Tengah's of 2021, and the national one (docs/decisions/047)
        foreach (var plenary in plenaries)
        {
            var (id, cycle, province, at, by) = ((int)plenary[0], (int)plenary[1], (string)plenary[2], (DateTime)plenary[3], (Guid)plenary[4]);
            var key = FormattableString.Invariant($"{cycle}/{province}");
            var decisions = await Rows($"SELECT d.nomination_id, d.is_finalist, d.decided_at, d.decided_by FROM finalist_decisions d WHERE d.plenary_id = {id} ORDER BY d.id");
            var finalists = decisions.Where(d => (bool)d[1]).Select(d => ((int)d[0]).ToString(CultureInfo.InvariantCulture)).ToList();
            var document = await Rows($"SELECT document_number, sha256 FROM plenary_decision_versions WHERE plenary_id = {id} AND superseded_at IS NULL");
            (await Lines($"""
                SELECT e.action || ' | ' || e.entity_id || ' | ' || (e.user_id = '{by}') || ' | ' || (e.at = '{at:O}'::timestamptz) || ' | ' || {AuditSql.Text("e.details")}
                FROM audit_events e WHERE e.entity_type = 'plenary' AND e.entity_id IN ('{key}', '{id}') AND e.action <> 'finalists.forwarded' ORDER BY e.id
                """)).ShouldBe(
            [
                $"plenary.recorded | {key} | true | true | {plenary[5]}, {plenary[6]}",
                $"finalists.decided | {id} | true | true | finalists: {string.Join(", ", finalists)}; decided: {decisions.Count}",
                $"decision-document.issued | {id} | true | true | {document.Single()[0]}; version 1; sha256 {document.Single()[1]}",
            ]);

            // Each decision at the plenary's moment by its chair, with the nomination's step and its audit event then.
            foreach (var decision in decisions)
            {
                ((DateTime)decision[2]).ShouldBe(at);
                ((Guid)decision[3]).ShouldBe(by);
                var stage = PlenaryStage.Of(province);
                var action = (bool)decision[1] ? stage.Chosen : stage.NotChosen;
                (await Lines($"""
                    SELECT s.action || ' | ' || (SELECT count(*) FROM audit_events e WHERE e.action = 'nomination.status-changed' AND e.entity_id = s.nomination_id::text AND e.at = s.at AND e.user_id = s.user_id)
                    FROM status_changes s WHERE s.nomination_id = {decision[0]} AND s.at = '{at:O}'::timestamptz AND s.user_id = '{by}'
                    """)).ShouldBe([$"{(int)action} | 1"], $"nomination {decision[0]}");
            }

            // One "forward" of the finalists, at the moment of their forwarding steps (the national plenary's are final).
            if (NationalStage.IsNational(province))
            {
                continue;
            }

            (await Lines($"""
                SELECT {AuditSql.Text("e.details")} || ' | ' || (e.at = ALL (SELECT s.at FROM status_changes s WHERE s.action = {(int)NominationAction.Forward} AND s.nomination_id IN ({string.Join(", ", finalists)})))
                FROM audit_events e WHERE e.action = 'finalists.forwarded' AND e.entity_id = '{id}' AND e.user_id = '{by}'
                """)).ShouldBe([$"forwarded: {string.Join(", ", finalists)} | true"]);
        }
    }

    [Fact]
    public async Task Every_demo_visit_and_coaching_item_passes_the_form_validation_of_its_page()
    {
        var l = portal.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var visits = await Rows("""
            SELECT v.planned_at, v.place, v.purpose, v.external_participants, (SELECT array_agg(m.user_id) FROM visit_members m WHERE m.visit_id = v.id),
                   v.done_at, v.findings, v.documents_checked, v.interview_notes
            FROM visits v ORDER BY v.id
            """);
        visits.Count.ShouldBe(2);
        foreach (var v in visits)
        {
            new PlanModel.Validator(l).Validate(new PlanModel.InputModel
            {
                PlannedAt = (DateTime)v[0], Place = (string)v[1], Purpose = (string)v[2], ExternalParticipants = v[3] as string, MemberIds = [.. (Guid[])v[4]],
            }).Errors.ShouldBeEmpty();
            if (v[5] is DateTime doneAt)
            {
                new RecordModel.Validator(l).Validate(new RecordModel.InputModel
                {
                    DoneAt = doneAt, Findings = (string)v[6], DocumentsChecked = v[7] as string, InterviewNotes = v[8] as string,
                }).Errors.ShouldBeEmpty();
            }
        }

        // The due date no earlier than the day the item was recorded (in Bali) and at most two years after it, as the page requires.
        var items = await Rows("""
            SELECT i.finding, i.recommendation, i.responsible_person, i.due_date::text, (i.created_at AT TIME ZONE 'Asia/Makassar')::date::text FROM coaching_items i ORDER BY i.id
            """);
        items.Count.ShouldBe(2);
        foreach (var i in items)
        {
            var (due, recorded) = (DateOnly.Parse((string)i[3], CultureInfo.InvariantCulture), DateOnly.Parse((string)i[4], CultureInfo.InvariantCulture));
            new CreateModel.Validator(l).Validate(new CreateModel.InputModel
            {
                Finding = (string)i[0], Recommendation = (string)i[1], ResponsiblePerson = i[2] as string, DueDate = due,
            }).Errors.ShouldBeEmpty();
            due.ShouldBeInRange(recorded, recorded.AddYears(2));
        }
    }

    private async Task<List<string>> Lines(string sql) => (await Rows(sql)).Select(r => (string)r[0]).ToList();

    private Task<List<object[]>> Rows(string sql) => DemoSql.RowsAsync(portal.Database, sql);
}
