using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The built portal as a real process, its stdout read line by line: JSON when Logging:Format=json,
/// text otherwise; either way timestamps in UTC ISO 8601 and figures in the invariant culture,
/// although the machine says Indonesian (LANG=id_ID.UTF-8) and Jakarta time (TZ=Asia/Jakarta,
/// UTC+7) and the portal sets id-ID on every request. One line per request with its request id,
/// the user id once signed in, the route template (never the query string) and its duration.
/// </summary>
public sealed partial class LogFormatTests : IAsyncLifetime
{
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string Secret = "Budi-Rahasia-9021";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private string _database = "";
    private Process? _portal;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Signal)> _waiters = [];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("logs");

    public async Task DisposeAsync()
    {
        if (_portal is { HasExited: false })
        {
            _portal.Kill(entireProcessTree: true);
            await _portal.WaitForExitAsync();
        }

        _portal?.Dispose();
        await TestDatabase.DropAsync(_database);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$")]
    private static partial Regex IsoUtc();

    [Fact]
    public async Task Json_format_writes_one_object_per_line_with_invariant_UTC_times_and_the_request_fields()
    {
        using var client = await StartAndSignInAsync(json: true);
        var userId = await TestDatabase.ScalarAsync<Guid>(_database, "SELECT id FROM users WHERE email = @e", ("e", Chair));
        var signedIn = await WaitForLineAsync(l => l.Contains("\"RequestMethod\":\"POST\"", StringComparison.Ordinal));

        var nomination = await TestDatabase.ScalarAsync<int>(_database, "SELECT min(id) FROM nominations WHERE province_code = '51'");
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var line = WaitForLineAsync(l => l.Contains($"\"@tr\":\"{traceId}\"", StringComparison.Ordinal) && l.Contains("RequestMethod", StringComparison.Ordinal));
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/Nominations/Details/{nomination}?q={Secret}", UriKind.Relative)))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-0123456789abcdef-01");
            using var response = await client.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var entry = JsonDocument.Parse(await line);
        var e = entry.RootElement;
        e.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["@t", "@l", "@mt", "@m", "@tr", "@sp", "RequestId", "UserId", "RequestMethod", "RequestPath", "StatusCode", "Elapsed", "SourceContext", "ConnectionId"],
            ignoreOrder: true);
        var time = e.GetProperty("@t").GetString() ?? "";
        time.ShouldMatch(IsoUtc().ToString());
        (DateTimeOffset.ParseExact(time, "O", CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(2), "UTC, not Jakarta time");
        e.GetProperty("@l").GetString().ShouldBe("Information");
        e.GetProperty("@mt").GetString().ShouldBe("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms");
        e.GetProperty("RequestMethod").GetString().ShouldBe("GET");
        e.GetProperty("RequestPath").GetString().ShouldBe("/Nominations/Details/{id:int}", "the route template, not the record's id");
        e.GetProperty("StatusCode").GetInt32().ShouldBe(200);
        var elapsed = e.GetProperty("Elapsed").GetDouble();
        elapsed.ShouldBeGreaterThan(0);
        e.GetProperty("@m").GetString().ShouldBe($"HTTP GET /Nominations/Details/{{id:int}} responded 200 in {elapsed.ToString("0.0000", CultureInfo.InvariantCulture)} ms");
        e.GetProperty("UserId").GetString().ShouldBe(userId.ToString());
        e.GetProperty("RequestId").GetString()!.ShouldMatch("^[0-9A-Z]+:[0-9A-F]{8}$");
        e.GetProperty("SourceContext").GetString().ShouldBe("Serilog.AspNetCore.RequestLoggingMiddleware");

        // A record that does not exist: the error page answers 404 under /Error, and the line keeps
        // the route the request was made to.
        var missing = WaitForLineAsync(l => l.Contains("\"StatusCode\":404", StringComparison.Ordinal));
        using (var response = await client.GetAsync("/Nominations/Details/987654"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var notFound = JsonDocument.Parse(await missing))
        {
            notFound.RootElement.GetProperty("RequestPath").GetString().ShouldBe("/Nominations/Details/{id:int}");
        }

        // The login form: no user yet. The sign-in itself: the user it signed in, nothing of what was typed.
        using var form = JsonDocument.Parse(Lines().First(l => l.Contains("\"RequestPath\":\"/Account/Login\"", StringComparison.Ordinal)));
        form.RootElement.GetProperty("RequestMethod").GetString().ShouldBe("GET");
        form.RootElement.TryGetProperty("UserId", out _).ShouldBeFalse();
        using var post = JsonDocument.Parse(signedIn);
        post.RootElement.GetProperty("RequestPath").GetString().ShouldBe("/Account/Login");
        post.RootElement.GetProperty("StatusCode").GetInt32().ShouldBe(302);
        post.RootElement.GetProperty("UserId").GetString().ShouldBe(userId.ToString());

        // Every line of the whole run is one JSON object with a UTC timestamp; none holds personal data.
        var all = Lines();
        all.Count.ShouldBeGreaterThan(5);
        foreach (var l in all)
        {
            using var each = JsonDocument.Parse(l);
            each.RootElement.GetProperty("@t").GetString()!.ShouldMatch(IsoUtc().ToString(), l);
            l.ShouldNotContain(Chair);
            l.ShouldNotContain(PortalClient.DemoPassword);
            l.ShouldNotContain(Secret);
        }
    }

    [Fact]
    public async Task Text_format_writes_readable_lines_with_invariant_UTC_times()
    {
        using var client = await StartAndSignInAsync(json: false);
        var line = WaitForLineAsync(l => l.Contains("HTTP GET /Employers responded", StringComparison.Ordinal));
        using (var response = await client.GetAsync($"/Employers?q={Secret}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var text = await line;
        var match = Regex.Match(text, @"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) INF Serilog\.AspNetCore\.RequestLoggingMiddleware: HTTP GET /Employers responded 200 in \d+\.\d{4} ms$");
        match.Success.ShouldBeTrue(text);
        var time = DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        (time - DateTimeOffset.UtcNow).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(2), "UTC, not Jakarta time");
        foreach (var l in Lines())
        {
            l.ShouldNotStartWith("{");
            l.ShouldNotContain(Chair);
            l.ShouldNotContain(Secret);
        }

        Lines().ShouldContain(l => Regex.IsMatch(l, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z INF Microsoft\.Hosting\.Lifetime: Now listening on: http://127\.0\.0\.1:\d+$"));
    }

    private List<string> Lines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    private Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((match, signal));
        }

        return signal.Task.WaitAsync(Patience);
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(line);
            }
        }
    }

    /// <summary>Starts the built portal with an Indonesian, UTC+7 environment and signs the chair in.</summary>
    private async Task<PortalClient> StartAndSignInAsync(bool json)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var web = Path.Combine(Faults.PrivatePortal.RepositoryRoot, "src", "Paritrana.Web");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(web, "bin", configuration, "net10.0", "Paritrana.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ConnectionStrings__Paritrana"] = TestDatabase.ConnectionStringFor(_database);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Security__RequireHttps"] = "false";
        info.Environment["LANG"] = "id_ID.UTF-8";
        info.Environment["LC_ALL"] = "id_ID.UTF-8";
        info.Environment["TZ"] = "Asia/Jakarta";
        info.Environment.Remove("Logging__Format");
        if (json)
        {
            info.Environment["Logging__Format"] = "json";
        }

        _portal = Process.Start(info)!;
        _portal.OutputDataReceived += (_, e) => Take(e.Data);
        _portal.ErrorDataReceived += (_, e) => Take(e.Data);
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();

        var started = WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal));
        var exited = _portal.WaitForExitAsync();
        if (await Task.WhenAny(started, exited) == exited)
        {
            throw new InvalidOperationException($"The portal exited at start-up:\n{string.Join('\n', Lines())}");
        }

        await started;
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        return await new PortalClient(http).SignedInAsAsync(Chair);
    }
}
