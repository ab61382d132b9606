using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (the dotnet tool pinned in .config/dotnet-tools.json,
/// restored by scripts/test.sh), started once per test run on free loopback ports with an
/// in-memory store, like the tests' private PostgreSQL. What arrived is read through its REST API
/// (<c>/api/messages</c>). Tests use recipients of their own, so they never see each other's mail.
/// </summary>
public sealed class Smtp4dev
{
    private static readonly Lazy<Task<Smtp4dev>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process? _process;
    private readonly HttpClient _api;

    private Smtp4dev(Process? process, int smtpPort, Uri web)
    {
        _process = process;
        SmtpPort = smtpPort;
        _api = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The server of this test run, started on first use and stopped when the run ends.</summary>
    public static Task<Smtp4dev> SharedAsync() => Instance.Value;

    public int SmtpPort { get; }

    /// <summary>The portal's settings to send to this server (plain SMTP on loopback).</summary>
    public Dictionary<string, string?> PortalSettings(int? port = null) => new()
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = (port ?? SmtpPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:UseTls"] = "false",
        ["Email:From"] = "Portal Paritrana <portal@paritrana.test>",
        ["Portal:PublicUrl"] = "http://localhost",
    };

    private static async Task<Smtp4dev> StartAsync()
    {
        // scripts/test.sh starts one for the run and stops it at the end: "SMTP-port API-URL".
        if (Environment.GetEnvironmentVariable("PARITRANA_TEST_SMTP4DEV") is { Length: > 0 } given)
        {
            var parts = given.Split(' ', 2);
            var server = new Smtp4dev(null, int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), new Uri(parts[1]));
            await server.WaitUntilReadyAsync(() => "(started by scripts/test.sh)");
            return server;
        }

        return await StartOwnAsync();
    }

    private static async Task<Smtp4dev> StartOwnAsync()
    {
        var smtpPort = FreePort();
        var webPort = FreePort();
        var data = Directory.CreateTempSubdirectory("smtp4dev-test-");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "smtp4dev", $"--urls=http://127.0.0.1:{webPort}", $"--smtpport={smtpPort}", "--imapport=0", "--pop3port=0",
                     "--db=", "--nousersettings", "--messagestokeep=100000", "--sessionstokeep=100", $"--baseappdatapath={data.FullName}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
                data.Delete(recursive: true);
            }
            catch (Exception)
            {
                // Already gone.
            }
        };

        var server = new Smtp4dev(process, smtpPort, new Uri($"http://127.0.0.1:{webPort}/"));
        await server.WaitUntilReadyAsync(() => { lock (output) { return output.ToString(); } });
        return server;
    }

    /// <summary>Waits (at most 90 s) until both the API and the SMTP port answer.</summary>
    private async Task WaitUntilReadyAsync(Func<string> log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"smtp4dev exited with {_process.ExitCode}:\n{log()}");
            }

            try
            {
                using var response = await _api.GetAsync(new Uri("api/messages", UriKind.Relative));
                if (response.IsSuccessStatusCode && await SmtpAnswersAsync(SmtpPort))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"smtp4dev did not answer within 90 s:\n{log()}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<bool> SmtpAnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A mail as the server received it.</summary>
    public sealed record ReceivedMail(string Id, IReadOnlyList<string> To, string From, string Subject, string MessageId, string Text, string Html);

    /// <summary>Every mail delivered to <paramref name="recipient"/> so far (case-insensitive), oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsToAsync(string recipient)
    {
        var summaries = await SummariesAsync();
        var mails = new List<ReceivedMail>();
        foreach (var summary in summaries.Where(s => s.To.Any(t => t.Equals(recipient, StringComparison.OrdinalIgnoreCase))))
        {
            mails.Add(await ReadAsync(summary.Id));
        }

        return mails;
    }

    /// <summary>How many mails were delivered to each recipient so far.</summary>
    public async Task<Dictionary<string, int>> CountsAsync() =>
        (await SummariesAsync()).SelectMany(s => s.To).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits until <paramref name="recipient"/> has received <paramref name="count"/> mails (polling the
    /// mailbox, at most <paramref name="timeout"/>, default 30 s) and returns them.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var mails = await MailsToAsync(recipient);
            if (mails.Count >= count)
            {
                return mails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{recipient} received {mails.Count} mail(s), expected {count}.");
            }

            await Task.Delay(100);
        }
    }

    private sealed record Summary(string Id, IReadOnlyList<string> To);

    private async Task<List<Summary>> SummariesAsync()
    {
        using var document = JsonDocument.Parse(await _api.GetStringAsync(new Uri("api/messages?page=1&pageSize=1000000", UriKind.Relative)));
        return document.RootElement.GetProperty("results").EnumerateArray()
            .Select(m => new Summary(
                m.GetProperty("id").GetString()!,
                m.GetProperty("to").EnumerateArray().Select(t => Address(t.GetString()!)).ToList()))
            .ToList();
    }

    private async Task<ReceivedMail> ReadAsync(string id)
    {
        using var document = JsonDocument.Parse(await _api.GetStringAsync(new Uri($"api/messages/{id}", UriKind.Relative)));
        var root = document.RootElement;
        var headers = root.GetProperty("headers").EnumerateArray()
            .GroupBy(h => h.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString() ?? "", StringComparer.OrdinalIgnoreCase);
        var text = await _api.GetStringAsync(new Uri($"api/messages/{id}/plaintext", UriKind.Relative));
        var html = await _api.GetStringAsync(new Uri($"api/messages/{id}/html", UriKind.Relative));
        return new ReceivedMail(
            id,
            root.GetProperty("to").EnumerateArray().Select(t => Address(t.GetString()!)).ToList(),
            Address(root.GetProperty("from").GetString()!),
            root.GetProperty("subject").GetString()!,
            headers.TryGetValue("Message-ID", out var messageId) ? messageId.Trim('<', '>') : "",
            text,
            html);
    }

    /// <summary>"Name" &lt;a@b&gt; or a@b: the address.</summary>
    private static string Address(string to)
    {
        var open = to.LastIndexOf('<');
        return open >= 0 ? to[(open + 1)..].TrimEnd('>').Trim() : to.Trim();
    }
}
