using Npgsql;
using Paritrana.Web.Features.Imports;
using Paritrana.Web.Infrastructure.Files;
using Paritrana.Web.Infrastructure.Jobs;

namespace Paritrana.Web.Data;

/// <summary>
/// The one-time move of a database made before docs/decisions/018: evidence and import files kept
/// on disk (the former <c>Storage:EvidenceDirectory</c> and <c>Storage:ImportsDirectory</c>, read
/// here only, default <c>App_Data/evidence</c> and <c>App_Data/imports</c> under the content root)
/// go into PostgreSQL with the previews; batches left Running by the former in-process runner get a
/// job. Runs after the migrations under the set-up lock (<see cref="DatabaseSetup"/>); each file is
/// moved in a transaction of its own and only when it is not in the database yet, so running it
/// again moves nothing twice and an interrupted move carries on. The files on disk are left for
/// the operator to delete once the log says they were moved.
/// </summary>
public sealed class LegacyStateMove(IConfiguration configuration, IHostEnvironment environment, ILogger<LegacyStateMove> logger)
{
    public sealed record Moved(int EvidenceFiles, int ImportFiles, int Previews, int Jobs);

    public async Task<Moved> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var evidence = await MoveEvidenceAsync(connection, DirectoryOf("Storage:EvidenceDirectory", "evidence"), ct);
        var (files, previews) = await MoveImportsAsync(connection, DirectoryOf("Storage:ImportsDirectory", "imports"), ct);
        var jobs = await QueueRunningBatchesAsync(connection, ct);
        var moved = new Moved(evidence, files, previews, jobs);
        if (moved != new Moved(0, 0, 0, 0))
        {
            logger.LogInformation(
                "Moved into the database: {EvidenceFiles} evidence files, {ImportFiles} import files, {Previews} import previews; {Jobs} interrupted imports queued as jobs. The old file directories can be deleted.",
                evidence, files, previews, jobs);
        }

        return moved;
    }

    private string DirectoryOf(string key, string name) =>
        configuration[key] is { Length: > 0 } dir
            ? Path.GetFullPath(dir, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, "App_Data", name);

    private static async Task<int> MoveEvidenceAsync(NpgsqlConnection connection, string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var missing = new List<(Guid Id, string StorageName, long Size, string Sha256)>();
        await using (var command = new NpgsqlCommand(
            "SELECT id, storage_name, size, sha256 FROM evidence_files e WHERE NOT is_removed AND NOT EXISTS (SELECT 1 FROM stored_files s WHERE s.id = e.id)", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                missing.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        var moved = 0;
        foreach (var file in missing)
        {
            var path = Path.Combine(directory, file.StorageName);
            if (file.StorageName.All(char.IsAsciiHexDigitLower) && File.Exists(path)
                && await MoveAsync(connection, file.Id, path, file.Size, file.Sha256, ct))
            {
                moved++;
            }
        }

        return moved;
    }

    private static async Task<(int Files, int Previews)> MoveImportsAsync(NpgsqlConnection connection, string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            return (0, 0);
        }

        var batches = new List<(long Id, string Sha256, long Size)>();
        await using (var command = new NpgsqlCommand(
            "SELECT id, file_sha256, file_size FROM import_batches WHERE file_sha256 IS NOT NULL ORDER BY id", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                batches.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        int files = 0, previews = 0;
        foreach (var batch in batches.Where(b => b.Sha256.Length == 64 && b.Sha256.All(char.IsAsciiHexDigitLower)))
        {
            var path = Path.Combine(directory, batch.Sha256 + ".csv");
            if (File.Exists(path) && await MoveAsync(connection, StoredFiles.IdOfContent(batch.Sha256), path, batch.Size, batch.Sha256, ct))
            {
                files++;
            }

            var preview = Path.Combine(directory, $"batch-{batch.Id}.preview.json");
            if (File.Exists(preview))
            {
                await using var command = new NpgsqlCommand(
                    "INSERT INTO import_previews (batch_id, details) VALUES (@id, @details::jsonb) ON CONFLICT (batch_id) DO NOTHING", connection);
                command.Parameters.AddWithValue("id", batch.Id);
                command.Parameters.AddWithValue("details", await File.ReadAllTextAsync(preview, ct));
                previews += await command.ExecuteNonQueryAsync(ct);
            }
        }

        return (files, previews);
    }

    private static async Task<bool> MoveAsync(NpgsqlConnection connection, Guid id, string path, long size, string sha256, CancellationToken ct)
    {
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (source.Length != size)
        {
            return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var saved = await StoredFiles.SaveAsync(connection, transaction, id, source, size, sha256, ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    private static async Task<int> QueueRunningBatchesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var orphans = new List<long>();
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT b.id FROM import_batches b
            WHERE b.status = @running
              AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = @kind AND (j.payload ->> 'BatchId')::bigint = b.id)
            ORDER BY b.id
            """, connection))
        {
            command.Parameters.AddWithValue("running", (int)ImportStatus.Running);
            command.Parameters.AddWithValue("kind", ImportJob.Kind);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                orphans.Add(reader.GetInt64(0));
            }
        }

        foreach (var id in orphans)
        {
            await JobTable.EnqueueAsync(connection, null, ImportJob.Kind, new ImportJob.Payload(id), ct);
        }

        return orphans.Count;
    }
}
