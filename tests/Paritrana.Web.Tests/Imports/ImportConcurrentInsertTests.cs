using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Web.Features.Imports;
using static Paritrana.Web.Tests.Imports.ImportTestKit;

namespace Paritrana.Web.Tests.Imports;

/// <summary>
/// The import inserts new employers and new figures with a plain INSERT (docs/decisions/033). When
/// another transaction inserts the same NPP, or figures of the same employer and date, after the
/// import's INSERT took its snapshot, the INSERT waits for that transaction and meets a unique
/// violation once it commits: the import then falls back to its ON CONFLICT upsert and still
/// completes, with the other transaction's row updated to the file's values, nothing doubled. The
/// interleaving is forced, not hoped for: the other transaction commits only once PostgreSQL shows
/// the import's backend waiting for its lock.
/// </summary>
public class ImportConcurrentInsertTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private const string DenpasarOfficer = "cabang.denpasar@paritrana.demo";

    private string Db => portal.Database;

    private static string[] Rows(string tag, string asOf, int workers) =>
    [
        string.Join(',', $"{tag}01", "PT Sanur Permai", "51.71", "Denpasar", "Menengah", "Akomodasi", workers.ToString(CultureInfo.InvariantCulture), "100", "5", "JKK|JKM", "0", asOf),
        string.Join(',', $"{tag}02", "CV Kuta Jaya", "51.03", "Denpasar", "Kecil", "Perdagangan", "40", "30", "2", "JKK", "1", asOf),
        string.Join(',', $"{tag}03", "UD Ubud Seni", "51.71", "Denpasar", "Mikro", "", "6", "3", "3", "JKK JKM", "0", asOf),
    ];

    [Fact]
    public async Task An_npp_inserted_by_another_transaction_during_the_import_is_updated_not_doubled_and_the_import_completes()
    {
        for (var round = 0; round < 3; round++)
        {
            var tag = Tag();
            using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(DenpasarOfficer);
            var id = await UploadAcceptedAsync(client, Csv(Rows(tag, "2025-12-31", 120)), "bersamaan.csv");

            await using var other = await OpenAsync();
            await using var otherTransaction = await other.BeginTransactionAsync();
            int otherId;
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO organisations (type, name, province_code, regency_code, npp, is_demo, latest_programs, created_at, updated_at) VALUES (2, 'Nama lama', '51', '51.71', @npp, true, 0, now(), now()) RETURNING id", other))
            {
                insert.Parameters.AddWithValue("npp", $"{tag}01");
                otherId = (int)(await insert.ExecuteScalarAsync())!;
            }

            var result = await RunWhileAnotherTransactionCommitsAsync(id, otherTransaction);

            result.Outcome.ShouldBe(EmployerImporter.Outcome.Completed);
            result.Counts.ShouldBe(new EmployerImporter.Counts(Imported: 3, Skipped: 0, EmployersInserted: 2, EmployersUpdated: 1, FiguresInserted: 3, FiguresUpdated: 0, Unchanged: 0));
            (await RowsAsync(Db, "SELECT npp, id = @other, name, province_code, regency_code, size_class, sector, is_demo FROM organisations WHERE npp LIKE @tag ORDER BY npp", ("tag", tag + "%"), ("other", otherId))).ShouldBe(
            [
                $"{tag}01 | True | PT Sanur Permai | 51 | 51.71 | 2 | Akomodasi | False",
                $"{tag}02 | False | CV Kuta Jaya | 51 | 51.03 | 3 | Perdagangan | False",
                $"{tag}03 | False | UD Ubud Seni | 51 | 51.71 | 4 | ∅ | False",
            ]);
            (await Figures(tag)).ShouldBe(
            [
                $"{tag}01 | 2025-12-31 | 120 | 100 | 5 | {id}",
                $"{tag}02 | 2025-12-31 | 40 | 30 | 2 | {id}",
                $"{tag}03 | 2025-12-31 | 6 | 3 | 3 | {id}",
            ]);
        }
    }

    [Fact]
    public async Task Figures_of_the_same_date_inserted_by_another_transaction_during_the_import_are_updated_not_doubled()
    {
        for (var round = 0; round < 3; round++)
        {
            var tag = Tag();
            using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(DenpasarOfficer);
            var first = await UploadAcceptedAsync(client, Csv(Rows(tag, "2025-12-31", 120)), "pertama.csv");
            (await RunAsync(first, afterStaging: null)).Outcome.ShouldBe(EmployerImporter.Outcome.Completed);
            var id = await UploadAcceptedAsync(client, Csv(Rows(tag, "2026-03-31", 125)), "kedua.csv");

            await using var other = await OpenAsync();
            await using var otherTransaction = await other.BeginTransactionAsync();
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO coverage_figures (organisation_id, as_of, workers, participants_pu, participants_bpu, programs, arrears_months, recorded_at) SELECT id, DATE '2026-03-31', 1, 1, 1, 1, 9, now() FROM organisations WHERE npp = @npp", other))
            {
                insert.Parameters.AddWithValue("npp", $"{tag}01");
                (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
            }

            var result = await RunWhileAnotherTransactionCommitsAsync(id, otherTransaction);

            result.Outcome.ShouldBe(EmployerImporter.Outcome.Completed);
            result.Counts.ShouldBe(new EmployerImporter.Counts(Imported: 3, Skipped: 0, EmployersInserted: 0, EmployersUpdated: 0, FiguresInserted: 2, FiguresUpdated: 1, Unchanged: 0));
            (await Figures(tag)).ShouldBe(
            [
                $"{tag}01 | 2025-12-31 | 120 | 100 | 5 | {first}",
                $"{tag}01 | 2026-03-31 | 125 | 100 | 5 | {id}",
                $"{tag}02 | 2025-12-31 | 40 | 30 | 2 | {first}",
                $"{tag}02 | 2026-03-31 | 40 | 30 | 2 | {id}",
                $"{tag}03 | 2025-12-31 | 6 | 3 | 3 | {first}",
                $"{tag}03 | 2026-03-31 | 6 | 3 | 3 | {id}",
            ]);
            (await RowsAsync(Db, "SELECT npp, latest_as_of, latest_workers FROM organisations WHERE npp LIKE @tag ORDER BY npp", ("tag", tag + "%"))).ShouldBe(
                [$"{tag}01 | 2026-03-31 | 125", $"{tag}02 | 2026-03-31 | 40", $"{tag}03 | 2026-03-31 | 6"]);
        }
    }

    /// <summary>
    /// Runs the batch; once its rows are staged, a watcher commits the other transaction as soon as
    /// the import's backend waits for a lock (the other transaction's uncommitted row).
    /// </summary>
    private async Task<EmployerImporter.Result> RunWhileAnotherTransactionCommitsAsync(long id, NpgsqlTransaction otherTransaction)
    {
        Task? watcher = null;
        var result = await RunAsync(id, (connection, _) =>
        {
            var pid = connection.ProcessID;
            watcher = Task.Run(async () =>
            {
                await using var monitor = await OpenAsync();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!await WaitsForLockAsync(monitor, pid))
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException("The import never waited for the other transaction's row.");
                    }

                    await Task.Delay(10);
                }

                await otherTransaction.CommitAsync();
            }, CancellationToken.None);
            return Task.CompletedTask;
        });
        await watcher!;
        return result;
    }

    private async Task<EmployerImporter.Result> RunAsync(long id, Func<NpgsqlConnection, CancellationToken, Task>? afterStaging)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ImportService>().StartAsync(id, validRowsOnly: false, default, runAsJob: false)).ShouldBeTrue();
        return await scope.ServiceProvider.GetRequiredService<EmployerImporter>().RunAsync(id, afterStaging);
    }

    private static async Task<bool> WaitsForLockAsync(NpgsqlConnection monitor, int pid)
    {
        await using var command = new NpgsqlCommand("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = @pid", monitor);
        command.Parameters.AddWithValue("pid", pid);
        return await command.ExecuteScalarAsync() is true;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(Db));
        await connection.OpenAsync();
        return connection;
    }

    private async Task<List<string>> Figures(string tag) => await RowsAsync(Db,
        """
        SELECT o.npp, f.as_of, f.workers, f.participants_pu, f.participants_bpu, f.import_batch_id
        FROM coverage_figures f JOIN organisations o ON o.id = f.organisation_id
        WHERE o.npp LIKE @tag ORDER BY o.npp, f.as_of
        """, ("tag", tag + "%"));
}
