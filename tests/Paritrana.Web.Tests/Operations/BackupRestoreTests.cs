using System.Text;
using Npgsql;
using Paritrana.Domain.FieldWork;
using Paritrana.Web.Tests.FieldWork;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh, run as an operator runs them: a database holding the
/// demo and an evidence file uploaded through the portal is backed up (pg_dump -Fc) and restored
/// into a fresh database, whose every table (all user tables found in the catalog, so tables added
/// later are covered without touching this test), every sequence and every large object equal the
/// original's; the portal started on the restored database signs the demo users in.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly FieldWorkFixture _source = new();
    private readonly string _backups = Path.Combine(Path.GetTempPath(), $"paritrana-test-backups-{Guid.NewGuid():N}");
    private readonly string _restored = $"restored_{Guid.NewGuid():N}";

    public Task InitializeAsync() => _source.InitializeAsync();

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_restored);
        await _source.DisposeAsync();
        if (Directory.Exists(_backups))
        {
            Directory.Delete(_backups, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_equals_the_original_table_for_table_and_the_portal_signs_in_on_it()
    {
        // The demo plus an evidence file uploaded through the upload form.
        var data = new FieldWorkTestData(_source);
        var nomination = await data.NominationAsync();
        var visit = await data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% cadangan\n");
        using (var member = await data.SignedInAsync(FieldWorkTestData.BaliMember))
        using (var upload = await FieldWorkTestData.UploadAsync(member, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}", pdf, "bukti-cadangan.pdf", "application/pdf"))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Nothing writes while the copies are compared: the source portal is stopped first.
        await _source.Factory.DisposeAsync();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Paritrana"] = TestDatabase.ConnectionStringFor(_source.Database) };

        var backup = await ScriptRunner.RunAsync("scripts/backup.sh", [_backups], environment, TimeSpan.FromMinutes(2));
        backup.ExitCode.ShouldBe(0, backup.Output);
        var file = backup.StandardOutput.Trim().Split('\n')[^1];
        Path.GetFileName(file).ShouldMatch($@"^{_source.Database}-\d{{4}}-\d\d-\d\dT\d{{6}}Z\.dump$");
        Directory.GetFiles(_backups).ShouldBe([file]);

        var restore = await ScriptRunner.RunAsync("scripts/restore.sh", [file, _restored], environment, TimeSpan.FromMinutes(2));
        restore.ExitCode.ShouldBe(0, restore.Output);
        restore.Output.ShouldContain($"==> Restored {_restored}: ");

        var original = await FingerprintAsync(_source.Database);
        var copy = await FingerprintAsync(_restored);
        copy.ShouldBe(original);
        // What the comparison covers: the demo's users, the uploaded file's row, every table of the catalog.
        // Eleven demo accounts: seven, the Semarang branch officer and three national jurors (issue 17).
        original.ShouldContain(l => l.StartsWith("table public.users: 13 rows", StringComparison.Ordinal));
        // The uploaded file and the demo's own: Kota Denpasar's answer to a coaching item (docs/decisions/050).
        original.ShouldContain(l => l.StartsWith("table public.evidence_files: 2 rows", StringComparison.Ordinal));
        original.Count(l => l.StartsWith("table ", StringComparison.Ordinal)).ShouldBe(
            (int)(await TestDatabase.ScalarAsync<long>(_source.Database, $"SELECT count(*) FROM ({UserTables}) t"))!);

        // The comparison sees a single changed value (so that its equality above means something).
        await TestDatabase.ExecuteAsync("UPDATE evidence_files SET file_name = file_name || '.x'", _restored);
        (await FingerprintAsync(_restored)).Except(original).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ShouldBe(["table public.evidence_files"]);
        await TestDatabase.ExecuteAsync("UPDATE evidence_files SET file_name = left(file_name, -2)", _restored);

        // The portal on the restored database: a demo user signs in and sees the home page.
        var sessions = await TestDatabase.ScalarAsync<long>(_restored, "SELECT count(*) FROM user_sessions");
        await using var restoredPortal = new PortalFactory(_restored);
        using var client = restoredPortal.CreatePortalClient();
        await client.SignedInAsAsync(FieldWorkTestData.BaliMember);
        var home = await client.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("#accountMenu")).ShouldContain(FieldWorkTestData.BaliMemberName);
        (await TestDatabase.ScalarAsync<long>(_restored, "SELECT count(*) FROM user_sessions")).ShouldBe(sessions + 1);
    }

    /// <summary>Every ordinary or partitioned table outside PostgreSQL's own schemas.</summary>
    private const string UserTables = """
        SELECT format('%I.%I', n.nspname, c.relname) AS name, n.nspname || '.' || c.relname AS label
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        """;

    /// <summary>
    /// One line per table (row count and the md5 of all its rows as text, in text order), per
    /// sequence (its value) and for the large objects (count and md5 of their pages), sorted.
    /// </summary>
    private static async Task<List<string>> FingerprintAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        var tables = new List<(string Name, string Label)>();
        await using (var command = new NpgsqlCommand(UserTables, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var lines = new List<string>();
        foreach (var (name, label) in tables)
        {
            lines.Add($"table {label}: " + await TextAsync(connection, $"SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM {name} t"));
        }

        await using (var command = new NpgsqlCommand("SELECT 'sequence ' || schemaname || '.' || sequencename || ': ' || coalesce(last_value::text, 'not used') FROM pg_sequences", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Add("large objects: " + await TextAsync(connection,
            "SELECT count(DISTINCT loid) || ' objects ' || coalesce(md5(string_agg(loid || ':' || pageno || ':' || encode(data, 'hex'), '|' ORDER BY loid, pageno)), '-') FROM pg_largeobject"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<string> TextAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
