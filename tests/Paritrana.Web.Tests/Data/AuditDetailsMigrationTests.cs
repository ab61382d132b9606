using Microsoft.EntityFrameworkCore;
using Npgsql;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The migration AuditDetailsAsJson turns the text details of existing audit events into their
/// jsonb form without losing a character (docs/decisions/027): on main's database with the demo
/// (Data/Fixtures/main-with-demo.sql) and rows of the old form written for the purpose, every row
/// reads back as exactly its old text, and the field-work rows the portal reads by name get their
/// named values, a free text whole.
/// </summary>
public class AuditDetailsMigrationTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await LegacyUpgradeTests.RestoreMainMadeAsync("audit_json");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    /// <summary>Old-format rows: (action, details), each with what it must become.</summary>
    private static readonly (string Action, string? Details, AuditDetail[] Expected)[] OldRows =
    [
        ("visit.rescheduled", "from: 2026-12-01T02:00:00Z; to: 2026-12-03T00:00:00Z; reason: Hujan; to: 2030-01-01T00:00:00Z",
            [new("from", "2026-12-01T02:00:00Z"), new("to", "2026-12-03T00:00:00Z"), new("reason", "Hujan; to: 2030-01-01T00:00:00Z")]),
        ("visit.cancelled", "reason: Pimpinan berhalangan; reason: ditunda", [new("reason", "Pimpinan berhalangan; reason: ditunda")]),
        ("visit.done", "done at: 2026-11-02T02:15:00Z", [new("done at", "2026-11-02T02:15:00Z")]),
        ("visit.planned", "nomination: 7; at: 2026-12-10T01:30:00Z; members: 2; place: Kantor; lantai 2: ruang rapat",
            [new("nomination", "7"), new("at", "2026-12-10T01:30:00Z"), new("members", "2"), new("place", "Kantor; lantai 2: ruang rapat")]),
        ("file.uploaded", "nomination: 7; coaching item: 3; kind: Pdf; size: 1024; sha256: ab12; name: a; b.pdf",
            [new("nomination", "7"), new("coaching item", "3"), new("kind", "Pdf"), new("size", "1024"), new("sha256", "ab12"), new("name", "a; b.pdf")]),
        ("file.removed", "name: x.pdf; sha256: ab12; reason: salah; unggah", [new("name", "x.pdf"), new("sha256", "ab12"), new("reason", "salah; unggah")]),
        ("coaching.created", "nomination: 7; due: 2026-12-31; finding: 12 pekerja; visit: 9", [new("nomination", "7"), new("due", "2026-12-31"), new("finding", "12 pekerja; visit: 9")]),
        ("coaching.resolved", "status: InProgress -> Resolved; note: Semua\nterdaftar.", [new("status", "InProgress -> Resolved"), new("note", "Semua\nterdaftar.")]),
        ("coaching.started", "status: Open -> InProgress", [new("status", "Open -> InProgress")]),
        ("nomination.status-changed", "ReadyForScoring → InFieldAssessment; reason: Kurang; incomplete rounds: Wawancara",
            [new(null, "ReadyForScoring → InFieldAssessment"), new("reason", "Kurang; incomplete rounds: Wawancara")]),
        ("scorecard.reopened", "round 5; card 7; reason: Salah ketik", [new(null, "round 5"), new(null, "card 7"), new("reason", "Salah ketik")]),
        ("auth.session-ended", "reason: idle; sessions: 1", [new("reason", "idle"), new("sessions", "1")]),
        // Not of the parsed actions: kept whole, as one text without a name.
        ("user.updated", "role: CommitteeMember → CommitteeChair; name: A → B", [new(null, "role: CommitteeMember → CommitteeChair; name: A → B")]),
        ("cycle.closed", "year: 2060", [new(null, "year: 2060")]),
        // A parsed action whose text does not read back from its parts: kept whole.
        ("visit.cancelled", "", [new(null, "")]),
        ("auth.sign-in", null, []),
    ];

    [Fact]
    public async Task Old_text_details_become_named_values_and_every_row_reads_back_as_its_old_text()
    {
        var ids = new List<long>();
        foreach (var (action, details, _) in OldRows)
        {
            ids.Add(await TestDatabase.ScalarAsync<long>(_database,
                "INSERT INTO audit_events (at, action, entity_type, entity_id, details) VALUES (now(), @a, 'test', 'x', @d) RETURNING id",
                ("a", action), ("d", (object?)details ?? DBNull.Value)));
        }

        var before = await TextsAsync("details");
        before.Count.ShouldBeGreaterThan(100);

        await TestDatabase.RunDatabaseSetupAsync(_database, demo: false);

        // Every row, the fixture's own included, shows exactly its old text; none was added or lost.
        (await TextsAsync(AuditSql.Text())).ShouldBe(before);
        await using var db = BaselineTests.Context(_database);
        var stored = await db.AuditEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync();
        stored.Select(e => Describe(e.Action, e.Details?.Entries ?? [])).ShouldBe(OldRows.Select(r => Describe(r.Action, r.Expected)));
        stored[0].Details!["to"].ShouldBe("2026-12-03T00:00:00Z");
        stored[^1].Details.ShouldBeNull();
    }

    /// <summary>"visit.done | (done at)=2026-11-02T02:15:00Z": each entry's name in brackets, "()" for none.</summary>
    private static string Describe(string action, IEnumerable<AuditDetail> entries) =>
        action + string.Concat(entries.Select(d => $" | ({d.Name})={d.Value}"));

    private async Task<SortedDictionary<long, string?>> TextsAsync(string expression)
    {
        var rows = new SortedDictionary<long, string?>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id, {expression} FROM audit_events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return rows;
    }
}
