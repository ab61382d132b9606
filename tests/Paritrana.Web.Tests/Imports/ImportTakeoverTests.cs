using System.Globalization;
using Npgsql;
using Paritrana.Web.Features.Imports;
using static Paritrana.Web.Tests.Imports.ImportTestKit;

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// An instance that died in the middle of an import (docs/decisions/018): its job's lease has run
/// out and its transaction, holding the batch's lock, is still open in PostgreSQL. The job is taken
/// over, waits while that transaction lives, and once PostgreSQL ends it (as it does when the dead
/// process's connection closes) imports the batch: every row once.
/// </summary>
public class ImportTakeoverTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private const string DenpasarOfficer = "cabang.denpasar@paritrana.demo";

    // EmployerImporter's advisory lock class ("IMPT").
    private const int AdvisoryLockClass = 0x494D5054;

    private string Db => portal.Database;

    private static string Row(string tag, int n) =>
        string.Join(',', string.Create(CultureInfo.InvariantCulture, $"{tag}{n:0000}"), $"PT Ambil Alih {n}", "51.71", "Denpasar", "Kecil", "Jasa", "20", "18", "0", "JKK|JKM", "0", "2025-12-31");

    [Fact]
    public async Task A_job_whose_instance_died_mid_import_is_taken_over_and_imports_every_row_once()
    {
        var tag = Tag();
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(DenpasarOfficer);
        var id = await UploadAcceptedAsync(client, Csv(Enumerable.Range(1, 500).Select(n => Row(tag, n)).ToArray()), "ambil-alih.csv");

        // The dead instance: it had claimed the job (lease long expired) and its import transaction,
        // holding the batch's lock and some rows, is still open.
        await using var dead = new NpgsqlConnection(TestDatabase.ConnectionStringFor(Db));
        await dead.OpenAsync();
        await using (var transaction = await dead.BeginTransactionAsync())
        {
            await using (var lockIt = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {id})", dead))
            {
                await lockIt.ExecuteNonQueryAsync();
            }

            await using (var start = new NpgsqlCommand(
                $$"""
                UPDATE import_batches SET status = 2, processed_rows = 0 WHERE id = {{id}};
                INSERT INTO jobs (kind, payload, status, run_after, attempts, lease_owner, lease_expires_at, created_at)
                VALUES ('{{ImportJob.Kind}}', '{"BatchId": {{id}}}', 'running', now(), 1, 'dead-instance', now() - interval '1 minute', now());
                """, dead))
            {
                await start.ExecuteNonQueryAsync();
            }

            // Commit the claim as the dead instance did, in a transaction of its own...
            await transaction.CommitAsync();
        }

        // ...and its import transaction, open with the lock, as at the moment it was killed.
        await using var importTransaction = await dead.BeginTransactionAsync();
        await using (var lockIt = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {id})", dead))
        {
            await lockIt.ExecuteNonQueryAsync();
        }

        await using (var notify = new NpgsqlCommand("SELECT pg_notify('paritrana_jobs', 'import.run')", new NpgsqlConnection(TestDatabase.ConnectionStringFor(Db))))
        {
            await notify.Connection!.OpenAsync();
            await notify.ExecuteNonQueryAsync();
            await notify.Connection.DisposeAsync();
        }

        // The live instance takes the job over, finds the batch locked and backs off.
        await WaitUntilAsync($"SELECT last_error LIKE 'import batch {id} is locked%' AND lease_owner IS NULL FROM jobs WHERE kind = '{ImportJob.Kind}' AND (payload ->> 'BatchId')::bigint = {id}");
        (await TestDatabase.ScalarAsync<int>(Db, $"SELECT status FROM import_batches WHERE id = {id}")).ShouldBe(2);
        (await TestDatabase.ScalarAsync<long>(Db, $"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L);

        // PostgreSQL ends the dead instance's session: its transaction is rolled back, its lock freed.
        await TestDatabase.ExecuteAsync($"SELECT pg_terminate_backend({dead.ProcessID}, 10000)");

        (await WaitUntilDoneAsync(Db, id)).ShouldBe(3);
        (await TestDatabase.ScalarAsync<long>(Db, $"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(500L);
        (await TestDatabase.ScalarAsync<long>(Db, $"SELECT count(DISTINCT npp) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(500L);
        (await TestDatabase.ScalarAsync<long>(Db, $"SELECT count(*) FROM coverage_figures WHERE import_batch_id = {id}")).ShouldBe(500L);
        (await TestDatabase.ScalarAsync<string>(Db, $"SELECT concat_ws('|', employers_inserted, processed_rows) FROM import_batches WHERE id = {id}")).ShouldBe("500|500");
        await WaitUntilAsync($"SELECT status = 'done' AND lease_owner IS NULL FROM jobs WHERE kind = '{ImportJob.Kind}' AND (payload ->> 'BatchId')::bigint = {id}");
    }

    private async Task WaitUntilAsync(string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await TestDatabase.ScalarAsync<bool?>(Db, condition) != true)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(condition);
            }

            await Task.Delay(50);
        }
    }
}
