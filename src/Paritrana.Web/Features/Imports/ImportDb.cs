using Npgsql;
using Paritrana.Web.Data.Configuration;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// The few SQL helpers of the import. The import writes with Npgsql directly rather than through
/// the DbContext: its work is set-based SQL and binary COPY anyway, and the command-line verb then
/// starts without building Entity Framework's model (seconds on a busy two-core machine).
/// </summary>
internal static class ImportDb
{
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// An audit event of an import batch, in the caller's transaction (see Infrastructure/AuditTrail);
    /// its details one text without a name (docs/decisions/027).
    /// </summary>
    public static async Task AuditAsync(NpgsqlConnection connection, string action, long batchId, Guid? userId, string? email, string? province, string details, DateTimeOffset at, string? ipAddress, CancellationToken ct) =>
        await ExecuteAsync(connection,
            """
            INSERT INTO audit_events (at, user_id, user_email, action, entity_type, entity_id, province_code, details, ip_address)
            VALUES (@at, @user, @email, @action, 'import-batch', @entity, @province, @details::jsonb, @ip)
            """, ct,
            ("at", at), ("user", userId), ("email", email), ("action", action),
            ("entity", batchId.ToString(CultureInfo.InvariantCulture)), ("province", province), ("details", AuditDetailsJson.Write(AuditDetails.Text(details))), ("ip", ipAddress));

    /// <summary>
    /// Marks a batch Completed with its counts and writes its audit event, in the run's transaction
    /// (<see cref="ImportRunner"/>).
    /// </summary>
    public static async Task CompleteBatchAsync(NpgsqlConnection connection, ImportBatchRun batch, int read, int skipped, ImportRunner.Counts counts, string details, DateTimeOffset now, CancellationToken ct)
    {
        await ExecuteAsync(connection,
            """
            UPDATE import_batches SET
                status = 3, processed_rows = @read, valid_rows = @valid, invalid_rows = @invalid,
                employers_inserted = @ei, employers_updated = @eu, figures_inserted = @fi, figures_updated = @fu,
                unchanged = @unchanged, error = NULL, completed_at = @now
            WHERE id = @id
            """, ct,
            ("id", batch.Id), ("read", read), ("valid", counts.Imported), ("invalid", skipped),
            ("ei", counts.EmployersInserted), ("eu", counts.EmployersUpdated), ("fi", counts.FiguresInserted), ("fu", counts.FiguresUpdated),
            ("unchanged", counts.Unchanged), ("now", now));
        await AuditAsync(connection, AuditActions.ImportCompleted, batch.Id, batch.UserId, batch.UserEmail, batch.ProvinceCode, details, now, null, ct);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        // No timeout: a national file's upsert may take longer than the default 30 s on a slow server.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
