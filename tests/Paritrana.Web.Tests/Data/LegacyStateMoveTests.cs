using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The one-time move of a database made before docs/decisions/018: import files and previews kept
/// in the former directory go into the database, a batch left Running gets a job; a second run
/// moves nothing.
/// </summary>
public class LegacyStateMoveTests : IAsyncLifetime
{
    private string _database = "";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "paritrana-legacy-move", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("legacymove");

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_database);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Files_and_previews_on_disk_move_into_the_database_once_and_running_batches_get_a_job()
    {
        var imports = Path.Combine(_root, "imports");
        Directory.CreateDirectory(imports);
        var content = Encoding.UTF8.GetBytes("npp,nama\n" + new string('x', 3 * 1024 * 1024) + "\n");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await File.WriteAllBytesAsync(Path.Combine(imports, sha + ".csv"), content);
        var done = await InsertBatchAsync(sha, content.Length, status: 3);
        var running = await InsertBatchAsync(sha, content.Length, status: 2);
        await File.WriteAllTextAsync(Path.Combine(imports, $"batch-{done}.preview.json"), $$"""{"sha256":"{{sha}}","errorCount":0,"errors":[],"sample":[]}""");

        var move = new LegacyStateMove(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ImportsDirectory"] = imports,
                ["Storage:EvidenceDirectory"] = Path.Combine(_root, "evidence-none"),
            }).Build(),
            new HostingEnvironment { ContentRootPath = _root },
            NullLogger<LegacyStateMove>.Instance);

        (await move.RunAsync(TestDatabase.ConnectionStringFor(_database), default)).ShouldBe(new LegacyStateMove.Moved(0, 1, 1, 1));

        var id = new Guid(Convert.FromHexString(sha[..32]));
        (await StoredFileRows.BytesAsync(_database, id)).ShouldBe(content);
        (await TestDatabase.ScalarAsync<string>(_database, $"SELECT concat_ws('|', size, sha256) FROM stored_files WHERE id = '{id}'")).ShouldBe($"{content.Length}|{sha}");
        (await TestDatabase.ScalarAsync<long>(_database, $"SELECT count(*) FROM stored_file_chunks WHERE file_id = '{id}'")).ShouldBe(4L);
        (await TestDatabase.ScalarAsync<string>(_database, $"SELECT details ->> 'sha256' FROM import_previews WHERE batch_id = {done}")).ShouldBe(sha);
        (await TestDatabase.ScalarAsync<string>(_database, "SELECT string_agg(concat_ws('|', kind, payload ->> 'BatchId', status), ',') FROM jobs WHERE kind = 'import.run'"))
            .ShouldBe($"import.run|{running}|queued");

        // Again: nothing is moved or queued twice (the demo's regional sample file is stored beside it).
        var chunks = await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM stored_file_chunks");
        (await move.RunAsync(TestDatabase.ConnectionStringFor(_database), default)).ShouldBe(new LegacyStateMove.Moved(0, 0, 0, 0));
        (await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM stored_file_chunks")).ShouldBe(chunks);
        (await TestDatabase.ScalarAsync<long>(_database, $"SELECT count(*) FROM stored_file_chunks WHERE file_id <> '{id}'")).ShouldBe(chunks - 4);
        (await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM jobs WHERE kind = 'import.run'")).ShouldBe(1L);
    }

    private async Task<long> InsertBatchAsync(string sha, long size, int status) =>
        await TestDatabase.ScalarAsync<long>(_database,
            """
            INSERT INTO import_batches (file_name, file_size, file_sha256, status, valid_rows_only, total_rows, valid_rows, invalid_rows, processed_rows,
                employers_inserted, employers_updated, figures_inserted, figures_updated, unchanged, created_at)
            VALUES ('lama.csv', @size, @sha, @status, false, 1, 1, 0, 0, 0, 0, 0, 0, 0, now()) RETURNING id
            """, ("size", size), ("sha", sha), ("status", status));
}
