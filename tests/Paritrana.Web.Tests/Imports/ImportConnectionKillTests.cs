using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Features.Imports;
using static Paritrana.Web.Tests.Imports.ImportTestKit;

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// An import whose database connection is killed (pg_terminate_backend) while a statement of it
/// is running: in the middle of the file (a chunk being staged or written while the next is read,
/// ImportStaging), and in the middle of the employers' write (the update of the known ones)
/// (held there by a row lock so the kill lands inside the statement). Nothing of the file is left
/// and the batch is marked failed. (EmployerImportTests also kills it between the two, through
/// the importer's test hook.)
/// </summary>
public class ImportConnectionKillTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private const string DenpasarOfficer = "cabang.denpasar@paritrana.demo";
    private const string LostMessage = "Impor terputus karena koneksi ke basis data hilang. Tidak ada data yang berubah; coba impor lagi.";

    private string Db => portal.Database;

    private static string Row(string tag, int n, string name = "PT Uji Putus") =>
        string.Join(',', string.Create(CultureInfo.InvariantCulture, $"{tag}{n:0000}"), $"{name} {n}", "51.71", "Denpasar", "Kecil", "Jasa", "20", "18", "0", "JKK|JKM", "0", "2025-12-31");

    private async Task<long> Count(string sql) => await TestDatabase.ScalarAsync<long>(Db, sql);

    /// <summary>Starts the batch and runs it (as the background runner does) on its own task.</summary>
    private async Task<(long Id, Task<EmployerImporter.Result> Run, AsyncServiceScope Scope)> StartAsync(PortalClient client, byte[] file)
    {
        var id = await UploadAcceptedAsync(client, file, "putus.csv");
        var scope = portal.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ImportService>().StartAsync(id, validRowsOnly: false, default, runAsJob: false)).ShouldBeTrue();
        var importer = scope.ServiceProvider.GetRequiredService<EmployerImporter>();
        return (id, Task.Run(() => importer.RunAsync(id)), scope);
    }

    /// <summary>Waits for the import's backend to be in the given state; returns its pid.</summary>
    private async Task<int> BackendAsync(string queryLike, string condition, Task running)
    {
        for (var i = 0; i < 600 && !running.IsCompleted; i++)
        {
            var pid = await TestDatabase.ScalarAsync<int>(Db,
                $"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE @q AND {condition} LIMIT 1",
                ("q", queryLike));
            if (pid != 0)
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"The import never ran '{queryLike}' with {condition} (finished: {running.IsCompleted}).");
    }

    [Fact]
    public async Task Killed_in_the_middle_of_the_file_it_leaves_nothing()
    {
        var tag = Tag();
        const int rows = 4000;
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(DenpasarOfficer);
        var (id, run, scope) = await StartAsync(client, Csv(Enumerable.Range(1, rows).Select(n => Row(tag, n)).ToArray()));
        await using (scope)
        {
            // The progress (committed every row from another connection) says how far the reading is;
            // every statement of the import's own connection names its staging table.
            var pid = await BackendAsync("%import_staging%", $"(SELECT processed_rows FROM import_batches WHERE id = {id}) BETWEEN 200 AND {rows - 200}", run);
            var readBefore = await TestDatabase.ScalarAsync<int>(Db, "SELECT processed_rows FROM import_batches WHERE id = @id", ("id", id));
            await TestDatabase.ExecuteAsync($"SELECT pg_terminate_backend({pid}, 10000)");
            var result = await run;

            readBefore.ShouldBeInRange(200, rows - 200);
            result.Outcome.ShouldBe(EmployerImporter.Outcome.Failed);
            result.Failure.ShouldBe(ImportFailure.DatabaseConnectionLost);
        }

        (await Count($"SELECT count(*) FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(0L);
        (await Count($"SELECT count(*) FROM coverage_figures WHERE import_batch_id = {id}")).ShouldBe(0L);
        (await RowsAsync(Db, "SELECT status, error, employers_inserted FROM import_batches WHERE id = @id", ("id", id))).ShouldBe([$"4 | {LostMessage} | 0"]);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_the_employers_upsert_it_leaves_nothing()
    {
        var tag = Tag();
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(DenpasarOfficer);

        // An employer already stored, in the middle of the next file: the import inserts the 999
        // new ones, then its update of the known ones stops at this row while this test holds it locked.
        var (first, firstRun, firstScope) = await StartAsync(client, Csv(Row(tag, 501, "PT Sudah Ada")));
        await using (firstScope)
        {
            (await firstRun).Outcome.ShouldBe(EmployerImporter.Outcome.Completed);
        }

        var before = await RowsAsync(Db, $"SELECT npp, name, xmin::text FROM organisations WHERE npp LIKE '{tag}%'");
        before.Count.ShouldBe(1);

        await using var holder = new NpgsqlConnection(TestDatabase.ConnectionStringFor(Db));
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT id FROM organisations WHERE npp = '{tag}0501' FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var (id, run, scope) = await StartAsync(client, Csv(Enumerable.Range(1, 1000).Select(n => Row(tag, n, n == 501 ? "PT Sudah Ada Berganti Nama" : "PT Uji Putus")).ToArray()));
        await using (scope)
        {
            var pid = await BackendAsync("%UPDATE organisations o SET%", "wait_event_type = 'Lock'", run);
            await TestDatabase.ExecuteAsync($"SELECT pg_terminate_backend({pid}, 10000)");
            var result = await run;
            await hold.RollbackAsync();

            result.Outcome.ShouldBe(EmployerImporter.Outcome.Failed);
            result.Failure.ShouldBe(ImportFailure.DatabaseConnectionLost);
        }

        (await RowsAsync(Db, $"SELECT npp, name, xmin::text FROM organisations WHERE npp LIKE '{tag}%'")).ShouldBe(before);
        (await Count($"SELECT count(*) FROM coverage_figures WHERE import_batch_id = {id}")).ShouldBe(0L);
        (await Count($"SELECT count(*) FROM coverage_figures WHERE import_batch_id = {first}")).ShouldBe(1L);
        (await RowsAsync(Db, "SELECT status, error, employers_inserted FROM import_batches WHERE id = @id", ("id", id))).ShouldBe([$"4 | {LostMessage} | 0"]);
    }
}
