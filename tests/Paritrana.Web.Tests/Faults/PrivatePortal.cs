using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace Paritrana.Web.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of its own (so that stopping it harms no other test) and the built portal
/// as a real process on it, started the way operators start it (<c>--urls</c>), with the demo data.
/// The cluster is made and driven by scripts/postgres.sh, as the postgres system user.
/// </summary>
public sealed class PrivatePortal : IAsyncDisposable
{
    private Process? _portal;
    private readonly StringWriter _portalLog = new(CultureInfo.InvariantCulture);

    private PrivatePortal(string clusterDirectory, int databasePort, int webPort)
    {
        ClusterDirectory = clusterDirectory;
        DatabasePort = databasePort;
        WebPort = webPort;
    }

    public string ClusterDirectory { get; }

    public int DatabasePort { get; }

    public int WebPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{WebPort}");

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={DatabasePort};Username=postgres;Database=paritrana;Pooling=false";

    /// <summary>What the portal wrote to its console (for a failure's message).</summary>
    public string PortalLog
    {
        get
        {
            lock (_portalLog)
            {
                return _portalLog.ToString();
            }
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Paritrana.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Paritrana.sln not found above the test binaries.");
        }
    }

    /// <summary>Starts a fresh cluster and the portal on it; waits until /health/ready answers 200.</summary>
    public static async Task<PrivatePortal> StartAsync()
    {
        var portal = new PrivatePortal(
            Path.Combine(Path.GetTempPath(), $"paritrana-fault-pg-{Guid.NewGuid():N}"),
            FreePort(),
            FreePort());
        try
        {
            await portal.ClusterAsync("pg_private_start \"$1\" \"$2\"");
            await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={portal.DatabasePort};Username=postgres;Database=postgres;Pooling=false"))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE DATABASE paritrana", connection);
                await create.ExecuteNonQueryAsync();
            }

            portal.StartPortal();
            // A fresh database: migrations and the whole demo first, slow on a loaded machine (the setup, not what is tested).
            await portal.WaitForHealthAsync(TimeSpan.FromSeconds(300));
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>pg_ctl stop -m fast</c>: running queries are cancelled and every connection closed.</summary>
    public Task StopDatabaseAsync() => ClusterAsync("as_postgres \"$PG_BIN/pg_ctl\" -D \"$1\" -m fast -w -t 60 stop >/dev/null");

    public Task StartDatabaseAsync() => ClusterAsync("pg_private_start \"$1\" \"$2\"");

    public bool PortalHasExited => _portal?.HasExited ?? true;

    public int? PortalProcessId => _portal?.Id;

    /// <summary>Runs a command of scripts/postgres.sh with the cluster directory and port as $1 and $2.</summary>
    private async Task ClusterAsync(string command)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"set -e; source scripts/postgres.sh; pg_ensure_installed; {command}");
        info.ArgumentList.Add("cluster");
        info.ArgumentList.Add(ClusterDirectory);
        info.ArgumentList.Add(DatabasePort.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private void StartPortal()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var web = Path.Combine(RepositoryRoot, "src", "Paritrana.Web");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(web, "bin", configuration, "net10.0", "Paritrana.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        // The operator's connection string, without test tuning: Npgsql's own pool and timeouts.
        info.Environment["ConnectionStrings__Paritrana"] = $"Host=127.0.0.1;Port={DatabasePort};Username=postgres;Database=paritrana";
        // Not Development (no developer pages); demo accounts need a non-Production environment.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Security__RequireHttps"] = "false";
        info.Environment["Security__SignInAttemptsPerMinute"] = "1000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        _portal = Process.Start(info)!;
        _portal.OutputDataReceived += (_, e) => Append(e.Data);
        _portal.ErrorDataReceived += (_, e) => Append(e.Data);
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_portalLog)
        {
            _portalLog.WriteLine(line);
        }
    }

    private async Task WaitForHealthAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (PortalHasExited)
            {
                throw new InvalidOperationException($"The portal exited at start-up:\n{PortalLog}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The portal did not become healthy within {limit}:\n{PortalLog}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            if (!_portal.HasExited)
            {
                _portal.Kill(entireProcessTree: true);
                await _portal.WaitForExitAsync();
            }

            _portal.Dispose();
        }

        try
        {
            await ClusterAsync("as_postgres \"$PG_BIN/pg_ctl\" -D \"$1\" -m immediate -w stop >/dev/null 2>&1 || true; as_root rm -rf \"$1\" \"$1-keys\"");
        }
        catch (InvalidOperationException)
        {
            // Best effort: a cluster left in /tmp does not affect the next run (each uses a new directory).
        }

        _portalLog.Dispose();
    }
}
