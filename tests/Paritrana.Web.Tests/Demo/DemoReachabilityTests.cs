using Npgsql;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Nominations;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// Every status in the demo is one the portal can reach: for each demo nomination, its status
/// history, read in order with the role of the account that took each step, is a path from Draft
/// to its status under <see cref="NominationWorkflow"/>'s rules, and every step has the audit event
/// the portal writes with it (same moment, same account).
/// </summary>
public class DemoReachabilityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_demo_nomination_reached_its_status_by_steps_the_workflow_allows_each_with_its_audit_event()
    {
        var statuses = new Dictionary<int, (string Name, NominationStatus Status)>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(portal.Database));
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(
            "SELECT n.id, y.year || ' ' || o.name, n.status FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles y ON y.id = n.cycle_id WHERE o.is_demo", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                statuses[reader.GetInt32(0)] = (reader.GetString(1), (NominationStatus)reader.GetInt32(2));
            }
        }

        // The plenary's steps (deciding finalists, re-opening) are taken for a plenary as a whole:
        // allowed for the nominations a plenary decided, which carry its decision row.
        var decidedAtPlenary = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT DISTINCT nomination_id FROM finalist_decisions", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                decidedAtPlenary.Add(reader.GetInt32(0));
            }
        }

        var steps = new List<(int Nomination, NominationStatus From, NominationStatus To, NominationAction Action, string Role, string? Reason, bool Audited)>();
        await using (var command = new NpgsqlCommand("""
            SELECT s.nomination_id, s."from", s."to", s.action, r.name, s.reason,
                   (SELECT count(*) FROM audit_events e WHERE e.action = @action AND e.entity_type = 'nomination' AND e.entity_id = s.nomination_id::text
                      AND e.at = s.at AND e.user_id = s.user_id) = 1
            FROM status_changes s JOIN user_roles ur ON ur.user_id = s.user_id JOIN roles r ON r.id = ur.role_id
            ORDER BY s.nomination_id, s.at, s.id
            """, connection))
        {
            command.Parameters.AddWithValue("action", AuditActions.NominationStatusChanged);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add((reader.GetInt32(0), (NominationStatus)reader.GetInt32(1), (NominationStatus)reader.GetInt32(2), (NominationAction)reader.GetInt32(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6)));
            }
        }

        // ... with Jawa Tengah's two 2021 finalists (issue 17), seven steps each.
        statuses.Count.ShouldBe(17 + 2);
        steps.Count.ShouldBe((3 * 7) + (3 * 6) + 4 + 3 + 4 + 1 + 2 + 1 + 1 + 1 + (2 * 7) + 5); // + the national plenary's five outcomes (docs/decisions/047)
        var problems = new List<string>();
        foreach (var (id, (name, status)) in statuses)
        {
            var current = NominationStatus.Draft;
            foreach (var step in steps.Where(s => s.Nomination == id))
            {
                var decision = NominationWorkflow.Decide(current, step.Action, step.Role, step.Reason, new WorkflowFacts(AtPlenary: decidedAtPlenary.Contains(id)));
                if (step.From != current || !decision.Allowed || decision.To != step.To)
                {
                    problems.Add($"{name}: {step.Action} by {step.Role} from {step.From} to {step.To} while {current}: {decision.Refusal ?? $"leads to {decision.To}"}");
                }

                if (!step.Audited)
                {
                    problems.Add($"{name}: {step.Action} has no audit event of its own");
                }

                current = step.To;
            }

            if (current != status)
            {
                problems.Add($"{name}: the steps end at {current}, the nomination is {status}");
            }
        }

        problems.ShouldBeEmpty();
    }
}
