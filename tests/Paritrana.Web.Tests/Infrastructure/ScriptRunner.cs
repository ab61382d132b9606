using System.Diagnostics;
using System.Text;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>Runs one of the repository's scripts (scripts/*.sh) with bash, as an operator or CI runs it.</summary>
public static class ScriptRunner
{
    /// <summary>What a script printed (stdout and stderr interleaved as they came) and its exit code.</summary>
    public sealed record Result(int ExitCode, string Output, string StandardOutput);

    public static async Task<Result> RunAsync(string script, IEnumerable<string> arguments, IDictionary<string, string?> environment, TimeSpan limit)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, script));
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        var all = new StringBuilder();
        var stdout = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (all)
            {
                all.AppendLine(e.Data);
                stdout.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (all)
            {
                all.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Hung: the script and everything it started go (the caller cleans up what they leave).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (all)
            {
                throw new TimeoutException($"{script} did not finish within {limit}:\n{all}");
            }
        }

        process.WaitForExit(); // drains the output events
        lock (all)
        {
            return new Result(process.ExitCode, all.ToString(), stdout.ToString());
        }
    }
}
