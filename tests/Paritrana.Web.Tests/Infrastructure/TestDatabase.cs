using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test run (started by scripts/test.sh, address in PARITRANA_TEST_DB).
/// A template database is migrated and seeded once per run; each test class gets its own copy
/// (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
/// </summary>
public static class TestDatabase
{
    /// <summary>
    /// One template per test process, so that two test runs against the same server (two
    /// developers' sessions, or a run while another is still going) never drop each other's.
    /// </summary>
    public static readonly string TemplateName = $"paritrana_template_{Environment.ProcessId}";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PARITRANA_TEST_DB") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PARITRANA_TEST_DB is not set. Run the tests with scripts/test.sh, which starts PostgreSQL and sets it.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a fresh database with migrations, regions and demo data applied.</summary>
    public static async Task<string> CreateAsync(string prefix)
    {
        await EnsureTemplateAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return name;
    }

    /// <summary>Creates an empty database (no tables).</summary>
    public static async Task<string> CreateEmptyAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>Creates a copy of a database (no one may be connected to it meanwhile).</summary>
    public static async Task<string> CopyAsync(string source, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Called after <see cref="ExecuteAsync"/> wrote to a database (the web tests' hosts then drop the session rows they hold).</summary>
    public static Action<string>? Written { get; set; }

    public static async Task ExecuteAsync(string sql, string? database = null)
    {
        await using var connection = new NpgsqlConnection(database is null ? ServerConnectionString : ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        if (database is not null)
        {
            // As a write through a host would (docs/decisions/048): the hosts read sessions again.
            Written?.Invoke(database);
        }
    }

    public static async Task<T?> ScalarAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    private static async Task EnsureTemplateAsync()
    {
        if (_templateReady)
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            // Rebuilt once per test run, so a changed migration or seed is always picked up.
            await DropTemplatesOfEndedRunsAsync();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            await RunDatabaseSetupAsync(TemplateName, demo: true);
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Templates left by test processes that have ended (killed runs) are removed.</summary>
    private static async Task DropTemplatesOfEndedRunsAsync()
    {
        var stale = new List<string>();
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'paritrana\\_template\\_%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (int.TryParse(name["paritrana_template_".Length..], out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
                {
                    stale.Add(name);
                }
            }
        }

        foreach (var name in stale)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// Runs the portal's own start-up database work (migrations and seeding) against a database;
    /// returns its sentence about the schema ("Database created with ...", "Database is up to date at ...").
    /// With <paramref name="clock"/>, the portal's time is that clock's (the demo's first start, for one).
    /// </summary>
    public static async Task<string> RunDatabaseSetupAsync(string database, bool demo, TimeProvider? clock = null)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions
        {
            EnvironmentName = "Development",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Paritrana"] = ConnectionStringFor(database),
            ["Demo:Enabled"] = demo ? "true" : "false",
        });
        builder.AddPortalServices();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Paritrana.Web.Data.DatabaseSetup>().RunAsync();
    }
}
