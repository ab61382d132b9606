using System.Diagnostics;
using Npgsql;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// PostgreSQL's own client, as an operator runs it: restores the pg_dump fixtures and applies the
/// deployment script (docs/decisions/016). The one of the server that scripts/test.sh started
/// (Debian's /usr/lib/postgresql/N/bin), else psql on the PATH.
/// </summary>
public static class Psql
{
    private static string Executable =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "psql"))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault() ?? "psql"
            : "psql";

    /// <summary>Runs a SQL file against a database of the test server, stopping at the first error; returns what psql printed.</summary>
    public static async Task<string> RunFileAsync(string database, string file)
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!, "-d", database, "-f", file })
        {
            info.ArgumentList.Add(a);
        }

        if (!string.IsNullOrEmpty(server.Password))
        {
            info.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var printed = await output + await error;
        return process.ExitCode == 0
            ? printed
            : throw new InvalidOperationException($"psql -f {file} on {database} exited with {process.ExitCode}:\n{printed}");
    }
}
