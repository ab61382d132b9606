using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Npgsql;
using Xunit.Abstractions;

namespace Paritrana.Web.Tests.Faults;

/// <summary>
/// PostgreSQL is stopped (<c>pg_ctl stop -m fast</c>) for ten seconds while signed-in users work in
/// the real portal process: committee members record coaching items, one edits a draft
/// nomination's figures, others read pages. While it is away /health says 503 and every page the
/// clear Indonesian 503 page, quickly; when it is back the portal recovers by itself (same
/// process, same sign-in cookies), and every write a user was told succeeded is stored, whole,
/// while no write that failed left anything behind. scripts/faults/postgres-stop.sh runs this
/// test alone and shows its summary.
/// </summary>
public sealed class PostgresStopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Member = "anggota.bali@paritrana.demo";
    private const string Chair = "ketua.bali@paritrana.demo";
    private const string Officer = "cabang.denpasar@paritrana.demo";
    private const string Password = "Demo-Paritrana-2026";
    private const string OutageTitle = "Layanan sedang tidak tersedia";
    private const string OutageLead = "Basis data portal sedang tidak dapat dihubungi. Data Anda aman; coba lagi dalam beberapa saat.";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest answer allowed while the database is away. A refused connection is known at once; a
    /// hang would last at least Npgsql's 15-second connect timeout. 10 s keeps that difference and
    /// leaves room for a loaded two-core CI machine, where 5 s was missed now and then.
    /// </summary>
    private static readonly TimeSpan QuickAnswer = TimeSpan.FromSeconds(10);

    /// <summary>Longest time from the database's restart to health 200 again, with the same room for a loaded machine.</summary>
    private const double RecoverySeconds = 20;

    private PrivatePortal? _portal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Exchange> _log = new();

    public async Task InitializeAsync() => _portal = await PrivatePortal.StartAsync();

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }

    /// <summary>One request as a client saw it. Times are seconds since the test began.</summary>
    private sealed record Exchange(string Client, string Method, string Path, double Start, double End, int Status, string Title, string Lead, bool LeaksDetail, string? Marker)
    {
        public double Seconds => End - Start;
    }

    /// <summary>A write as the client saw it: acknowledged (redirect after POST) or not.</summary>
    private sealed record Write(string Client, string Kind, string Marker, bool Acknowledged, double At);

    [Fact]
    public async Task Postgres_stopped_for_ten_seconds_the_portal_answers_503_quickly_recovers_by_itself_and_loses_no_acknowledged_write()
    {
        var portal = _portal!;
        var pid = portal.PortalProcessId;
        var (coachingNomination, draftNomination) = await TargetsAsync(portal);

        var clients = new List<(string Name, string Email, HttpClient Http)>
        {
            ("anggota-1", Member, NewClient(portal)),
            ("anggota-2", Member, NewClient(portal)),
            ("ketua", Chair, NewClient(portal)),
            ("anggota-draf", Member, NewClient(portal)),
            ("cabang-baca", Officer, NewClient(portal)),
            ("anggota-baca", Member, NewClient(portal)),
        };
        foreach (var (_, email, http) in clients)
        {
            await SignInAsync(http, email);
        }

        var writes = new ConcurrentQueue<Write>();
        using var stop = new CancellationTokenSource();
        var workers = new List<Task>();
        foreach (var (name, _, http) in clients)
        {
            workers.Add(name switch
            {
                "anggota-draf" => Task.Run(() => DraftEditorAsync(name, http, draftNomination, writes, stop.Token)),
                "cabang-baca" => Task.Run(() => ReaderAsync(name, http, ["/", "/Employers", "/Nominations"], stop.Token)),
                "anggota-baca" => Task.Run(() => ReaderAsync(name, http, ["/", "/Nominations", $"/Nominations/Details/{coachingNomination}"], stop.Token)),
                _ => Task.Run(() => CoachingWriterAsync(name, http, coachingNomination, writes, stop.Token)),
            });
        }

        using var health = NewClient(portal);
        var healthLog = new ConcurrentQueue<(double At, int Status, string Body, double Seconds)>();
        workers.Add(Task.Run(() => HealthPollerAsync(health, "/health", healthLog, stop.Token)));
        // Liveness (the process answers) must not depend on the database at all.
        using var live = NewClient(portal);
        var liveLog = new ConcurrentQueue<(double At, int Status, string Body, double Seconds)>();
        workers.Add(Task.Run(() => HealthPollerAsync(live, "/health/live", liveLog, stop.Token)));

        // Work for a while, stop the database for ten seconds, start it again.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var stopping = Now;
        await portal.StopDatabaseAsync();
        var down = Now;
        await Task.Delay(Outage);
        var restarting = Now;
        await portal.StartDatabaseAsync();
        var up = Now;

        // Recovery: health back at 200 and every writer acknowledged again, without touching the portal.
        var recoveryDeadline = up + 30;
        while (Now < recoveryDeadline && !(healthLog.Any(h => h.At > up && h.Status == 200)
            && clients.Where(c => c.Name is not ("cabang-baca" or "anggota-baca")).All(c => writes.Any(w => w.Client == c.Name && w.Acknowledged && w.At > up + 0.5))))
        {
            await Task.Delay(250);
        }

        var recovered = healthLog.Where(h => h.At > up && h.Status == 200).Select(h => h.At).DefaultIfEmpty(double.NaN).Min();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        // The same process served throughout, and every session cookie still works.
        portal.PortalHasExited.ShouldBeFalse(portal.PortalLog);
        portal.PortalProcessId.ShouldBe(pid);
        var afterwards = new List<string>();
        foreach (var (name, _, http) in clients)
        {
            using var home = await http.GetAsync(new Uri("/Nominations", UriKind.Relative));
            afterwards.Add($"{name} {(int)home.StatusCode} {(await home.Content.ReadAsStringAsync()).Contains("id=\"accountMenu\"", StringComparison.Ordinal)}");
        }

        foreach (var (_, _, http) in clients)
        {
            http.Dispose();
        }

        var exchanges = _log.ToList();
        var outage = exchanges.Where(e => e.Start >= down && e.End <= restarting).ToList();
        var healthDuring = healthLog.Where(h => h.At >= down && h.At + h.Seconds <= restarting).ToList();
        var stored = await StoredAsync(portal, coachingNomination, draftNomination);
        var summary = Summary(exchanges, healthLog.ToList(), writes.ToList(), stored, stopping, down, restarting, up, recovered, afterwards);
        output.WriteLine(summary);

        // While the database is away: health 503, the clear page everywhere, quickly.
        healthDuring.Count.ShouldBeGreaterThanOrEqualTo(5, summary);
        healthDuring.Select(h => $"{h.Status} {h.Body}").Distinct().ShouldBe(["503 Unhealthy"], summary);
        liveLog.Count(h => h.At >= down && h.At + h.Seconds <= restarting).ShouldBeGreaterThanOrEqualTo(5, summary);
        liveLog.Select(h => $"{h.Status} {h.Body}").Distinct().ShouldBe(["200 Healthy"], summary);
        liveLog.Max(h => h.Seconds).ShouldBeLessThan(QuickAnswer.TotalSeconds, summary);
        outage.Count.ShouldBeGreaterThanOrEqualTo(20, summary);
        outage.Where(e => e.Status != 503 || e.Title != OutageTitle || e.Lead != OutageLead)
            .Select(e => $"{e.Client} {e.Method} {e.Path} {e.Status} {e.Title}").ShouldBeEmpty(summary);
        outage.Count(e => e.Method == "POST").ShouldBeGreaterThanOrEqualTo(4, summary);
        outage.Max(e => e.Seconds).ShouldBeLessThan(QuickAnswer.TotalSeconds, summary);

        // At every moment, stopping and starting included: no error page other than the clear 503, no detail, no hang.
        exchanges.Where(e => e.Status is not (200 or 302 or 503) || (e.Status == 503 && e.Title != OutageTitle))
            .Select(e => $"{e.Client} {e.Method} {e.Path} at {e.Start:0.0}s: {e.Status} {e.Title}").ShouldBeEmpty(summary);
        exchanges.Where(e => e.LeaksDetail).Select(e => $"{e.Client} {e.Path} {e.Status}").ShouldBeEmpty(summary);
        // (From the stop on: the first requests of the cold process before it are not what is measured.)
        exchanges.Where(e => e.End >= stopping).Max(e => e.Seconds).ShouldBeLessThan(QuickAnswer.TotalSeconds, summary);

        // Recovery by itself, sessions kept.
        double.IsNaN(recovered).ShouldBeFalse(summary);
        (recovered - up).ShouldBeLessThan(RecoverySeconds, summary);
        afterwards.ShouldBe(clients.Select(c => $"{c.Name} 200 True"), summary);

        // Nothing lost, nothing half-saved.
        var all = writes.ToList();
        all.Count(w => w.Acknowledged && w.At < stopping).ShouldBeGreaterThan(0, summary);
        all.Count(w => !w.Acknowledged).ShouldBeGreaterThan(0, summary);
        var acknowledged = all.Where(w => w.Acknowledged).Select(w => w.Marker).ToHashSet();
        acknowledged.Except(stored.Markers).ShouldBeEmpty(summary);
        stored.Markers.Except(all.Select(w => w.Marker)).ShouldBeEmpty(summary);
        stored.HalfSaved.ShouldBeEmpty(summary);
        // A failed write may only be stored if its commit raced the stop (the answer was lost): whole, and at most one per writer.
        var unacknowledgedStored = stored.Markers.Except(acknowledged).ToList();
        unacknowledgedStored.Count.ShouldBeLessThanOrEqualTo(4, summary);
        var lastDraft = all.Where(w => w.Kind == "draft" && w.Acknowledged).MaxBy(w => w.At)!;
        var laterDraftAttempts = all.Where(w => w.Kind == "draft" && w.At > lastDraft.At).Select(w => w.Marker).ToList();
        (stored.DraftWorkers == lastDraft.Marker || laterDraftAttempts.Contains(stored.DraftWorkers)).ShouldBeTrue(summary);
    }

    private double Now => _clock.Elapsed.TotalSeconds;

    private static HttpClient NewClient(PrivatePortal portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = portal.BaseAddress,
            // Far above the limit asserted, so that a hang is measured rather than cut short.
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Signs in through the login form (with its antiforgery token); the client keeps the cookie.</summary>
    private static async Task SignInAsync(HttpClient http, string email)
    {
        var client = new PortalClient(http);
        using var response = await client.SignInAsync(email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email}");
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(string client, HttpClient http, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form = null, string? marker = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(WebUtility.HtmlDecode(path), UriKind.Relative));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var start = Now;
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var end = Now;
        var title = "";
        var lead = "";
        if (body.Length > 0 && (response.Content.Headers.ContentType?.MediaType ?? "") == "text/html")
        {
            var doc = await PortalClient.ParseAsync(body);
            title = PortalClient.Text(doc.QuerySelector("main h1"));
            lead = PortalClient.Text(doc.QuerySelector("main .lead"));
        }

        var leaks = body.Contains("Npgsql", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal);
        _log.Enqueue(new Exchange(client, method.Method, path.Split('?')[0], start, end, (int)response.StatusCode, title, lead, leaks, marker));
        return (response, body);
    }

    private async Task<IHtmlDocument?> PageAsync(string client, HttpClient http, string path)
    {
        var (response, body) = await SendAsync(client, http, HttpMethod.Get, path);
        using (response)
        {
            return response.StatusCode == HttpStatusCode.OK ? await PortalClient.ParseAsync(body) : null;
        }
    }

    /// <summary>Records coaching items, each with a finding that names it, one after the other.</summary>
    private async Task CoachingWriterAsync(string client, HttpClient http, int nomination, ConcurrentQueue<Write> writes, CancellationToken ct)
    {
        var url = $"/FieldWork/Coaching/Create?nomination={nomination}";
        IHtmlFormElement? last = null;
        for (var n = 1; !ct.IsCancellationRequested; n++)
        {
            // When the page does not load, the form loaded before is sent, as a user whose page was open would.
            var page = await PageAsync(client, http, url);
            if ((page?.QuerySelector<IHtmlFormElement>("#create-item-form") ?? last) is not { } form)
            {
                await Pause(ct);
                continue;
            }

            last = form;

            var marker = $"gangguan {client} {n}";
            var fields = PortalClient.ReadForm(form).Where(f => f.Key is not ("Input.Finding" or "Input.Recommendation" or "Input.DueDate")).ToList();
            fields.Add(new("Input.Finding", marker));
            fields.Add(new("Input.Recommendation", "Daftarkan pekerja ke BPJS Ketenagakerjaan"));
            fields.Add(new("Input.DueDate", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            var at = Now;
            var (response, _) = await SendAsync(client, http, HttpMethod.Post, form.GetAttribute("action") is { Length: > 0 } a ? a : url, fields, marker);
            using (response)
            {
                var acknowledged = response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.OriginalString.StartsWith("/FieldWork/Coaching/Item/", StringComparison.Ordinal) == true;
                writes.Enqueue(new Write(client, "coaching", marker, acknowledged, at));
            }

            await Pause(ct);
        }
    }

    /// <summary>Saves the draft nomination's worker count, a new value each time, from a freshly loaded form.</summary>
    private async Task DraftEditorAsync(string client, HttpClient http, int nomination, ConcurrentQueue<Write> writes, CancellationToken ct)
    {
        var url = $"/Nominations/Edit/{nomination}";
        IHtmlFormElement? last = null;
        for (var n = 1; !ct.IsCancellationRequested; n++)
        {
            var page = await PageAsync(client, http, url);
            if ((page?.QuerySelector<IHtmlFormElement>("#figures-form") ?? last) is not { } form)
            {
                await Pause(ct);
                continue;
            }

            last = form;

            var workers = (5000 + n).ToString(CultureInfo.InvariantCulture);
            var fields = PortalClient.ReadForm(form).Where(f => f.Key != "Input.Workers").Append(new("Input.Workers", workers)).ToList();
            var at = Now;
            var (response, _) = await SendAsync(client, http, HttpMethod.Post, form.GetAttribute("action") is { Length: > 0 } a ? a : url, fields, workers);
            using (response)
            {
                var acknowledged = response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.OriginalString == $"/Nominations/Details/{nomination}";
                writes.Enqueue(new Write(client, "draft", workers, acknowledged, at));
            }

            await Pause(ct);
        }
    }

    private async Task ReaderAsync(string client, HttpClient http, string[] paths, CancellationToken ct)
    {
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            var (response, _) = await SendAsync(client, http, HttpMethod.Get, paths[n % paths.Length]);
            response.Dispose();
            await Pause(ct);
        }
    }

    private async Task HealthPollerAsync(HttpClient http, string path, ConcurrentQueue<(double, int, string, double)> log, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var start = Now;
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            log.Enqueue((start, (int)response.StatusCode, body, Now - start));
            await Pause(ct);
        }
    }

    private static async Task Pause(CancellationToken ct)
    {
        try
        {
            await Task.Delay(200, ct);
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    /// <summary>A Bali nomination that takes coaching items and a Bali employer nomination (draft or returned) whose figures a member may edit, from the demo data.</summary>
    private static async Task<(int Coaching, int Draft)> TargetsAsync(PrivatePortal portal)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        async Task<int> First(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (int)(await command.ExecuteScalarAsync())!;
        }

        var open = "FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id WHERE n.province_code = '51' AND n.regency_code IS NOT NULL AND NOT c.is_closed";
        return (await First($"SELECT min(n.id) {open} AND n.status = 5"), await First($"SELECT min(n.id) {open} AND n.status IN (1, 4) AND n.workers IS NOT NULL"));
    }

    private sealed record Stored(HashSet<string> Markers, List<string> HalfSaved, string DraftWorkers);

    /// <summary>What the database holds of the test's writes, and any write that is there only in part.</summary>
    private static async Task<Stored> StoredAsync(PrivatePortal portal, int coachingNomination, int draftNomination)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        var markers = new HashSet<string>();
        var half = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.finding, (SELECT count(*) FROM audit_events a WHERE a.action = 'coaching.created' AND a.entity_id = i.id::text)
            FROM coaching_items i WHERE i.nomination_id = @n AND i.finding LIKE 'gangguan %'
            """, connection))
        {
            command.Parameters.AddWithValue("n", coachingNomination);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!markers.Add(reader.GetString(0)))
                {
                    half.Add($"{reader.GetString(0)} stored twice");
                }

                if (reader.GetInt64(1) != 1)
                {
                    half.Add($"{reader.GetString(0)} with {reader.GetInt64(1)} audit events");
                }
            }
        }

        string workers;
        await using (var command = new NpgsqlCommand("SELECT coalesce(workers::text, '') FROM nominations WHERE id = @n", connection))
        {
            command.Parameters.AddWithValue("n", draftNomination);
            workers = (string)(await command.ExecuteScalarAsync())!;
        }

        // Every stored worker count came with its audit event in the same transaction.
        await using (var command = new NpgsqlCommand(
            $"SELECT count(*) FROM audit_events WHERE action = 'nomination.updated' AND entity_id = @n AND {AuditSql.Text("details")} LIKE '%' || @w || '%'", connection))
        {
            command.Parameters.AddWithValue("n", draftNomination.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("w", workers);
            if ((long)(await command.ExecuteScalarAsync())! == 0 && workers.StartsWith('5'))
            {
                half.Add($"draft {draftNomination} stores {workers} without its audit event");
            }
        }

        foreach (var m in await DraftValuesAsync(connection, draftNomination))
        {
            markers.Add(m);
        }

        return new Stored(markers, half, workers);
    }

    /// <summary>The worker counts the draft was saved with, from its audit trail (new values of the test's range).</summary>
    private static async Task<List<string>> DraftValuesAsync(NpgsqlConnection connection, int draftNomination)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT (regexp_match({AuditSql.Text("details")}, '-> (50[0-9][0-9])'))[1] FROM audit_events WHERE action = 'nomination.updated' AND entity_id = @n ORDER BY id", connection);
        command.Parameters.AddWithValue("n", draftNomination.ToString(CultureInfo.InvariantCulture));
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                values.Add(reader.GetString(0));
            }
        }

        return values;
    }

    private static string Summary(List<Exchange> exchanges, List<(double At, int Status, string Body, double Seconds)> health, List<Write> writes, Stored stored,
        double stopping, double down, double restarting, double up, double recovered, List<string> afterwards)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"== Fault: PostgreSQL stopped for {Outage.TotalSeconds:0} s while {writes.Select(w => w.Client).Distinct().Count()} writers and 2 readers work ==");
        s.AppendLine(c, $"pg_ctl stop at {stopping:0.0} s (down at {down:0.0} s), start at {restarting:0.0} s (up at {up:0.0} s); /health 200 again at {recovered:0.0} s ({recovered - up:0.0} s after start)");
        foreach (var (name, from, to) in new[] { ("before", 0, stopping), ("stopping", stopping, down), ("outage", down, restarting), ("restart+after", restarting, double.MaxValue) })
        {
            var part = exchanges.Where(e => e.Start >= from && e.Start < to).ToList();
            var statuses = string.Join(", ", part.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            var h = health.Where(x => x.At >= from && x.At < to).ToList();
            s.AppendLine(c, $"  {name,-14} requests {part.Count,4} (POST {part.Count(e => e.Method == "POST"),3}) [{statuses}] slowest {(part.Count == 0 ? 0 : part.Max(e => e.Seconds)):0.00} s; /health [{string.Join(", ", h.GroupBy(x => x.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}]");
        }

        var wrong = exchanges.Where(e => e.Status is not (200 or 302 or 503) || (e.Status == 503 && e.Title != OutageTitle) || e.LeaksDetail).ToList();
        s.AppendLine(c, $"  answers other than 200/302/clear 503, or with detail: {wrong.Count}");
        foreach (var e in wrong.Take(10))
        {
            s.AppendLine(c, $"    {e.Client} {e.Method} {e.Path} at {e.Start:0.00} s: {e.Status} '{e.Title}' leaks={e.LeaksDetail}");
        }

        foreach (var e in exchanges.Where(e => e.Status == 503 && (e.End < stopping || e.Start > up)))
        {
            s.AppendLine(c, $"  503 outside the outage: {e.Client} {e.Method} {e.Path} {e.Start:0.00}–{e.End:0.00} s");
        }

        var acknowledged = writes.Where(w => w.Acknowledged).Select(w => w.Marker).ToHashSet();
        s.AppendLine(c, $"  writes attempted {writes.Count}, acknowledged {acknowledged.Count}, failed {writes.Count(w => !w.Acknowledged)}");
        s.AppendLine(c, $"  acknowledged and stored {acknowledged.Count(stored.Markers.Contains)}/{acknowledged.Count}; failed but stored whole (commit raced the stop) {stored.Markers.Except(acknowledged).Count()}; half-saved {stored.HalfSaved.Count}");
        s.AppendLine(c, $"  draft workers stored {stored.DraftWorkers}, last acknowledged {writes.Where(w => w.Kind == "draft" && w.Acknowledged).MaxBy(w => w.At)?.Marker}");
        s.AppendLine(c, $"  sessions after recovery: {string.Join("; ", afterwards)}");
        return s.ToString();
    }
}
