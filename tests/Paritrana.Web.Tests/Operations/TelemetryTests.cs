using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the portal sends its traces (ASP.NET Core, Npgsql) and
/// metrics by OTLP/HTTP; without it there is no tracer, no meter and no exporter at all.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("otel");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    [Fact]
    public async Task A_signed_in_request_reaches_the_collector_as_a_trace_with_its_route_and_its_SQL_and_as_metrics()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var factory = new PortalFactory(_database, settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using var client = await factory.CreatePortalClient().SignedInAsAsync("ketua.bali@paritrana.demo");

        // The requests carry W3C trace contexts of the test's making, so their spans are told apart
        // from those of the other tests running in this process.
        var healthTrace = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/ready", UriKind.Relative)))
        {
            request.Headers.Add("traceparent", $"00-{healthTrace}-0123456789abcdef-01");
            using var response = await client.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Employers?q=rahasia", UriKind.Relative)))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{"0123456789abcdef"}-01");
            using var response = await client.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var traced = collector.WhenAsync(c => c.Spans.Any(s => s.TraceId == traceId && s.Scope == "Microsoft.AspNetCore")
                                              && c.Spans.Any(s => s.TraceId == traceId && s.Scope == "Npgsql"));
        var measured = collector.WhenAsync(c => c.Metrics.Any(m => m.Name == "http.server.request.duration"));
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush((int)Patience.TotalMilliseconds).ShouldBeTrue();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush((int)Patience.TotalMilliseconds).ShouldBeTrue();
        await traced.WaitAsync(Patience);
        await measured.WaitAsync(Patience);

        collector.Posts.ShouldContain("/v1/traces");
        collector.Posts.ShouldContain("/v1/metrics");
        var spans = collector.Spans.Where(s => s.TraceId == traceId).ToList();
        var server = spans.Single(s => s.Scope == "Microsoft.AspNetCore");
        server.Name.ShouldBe("GET Employers");
        server.Attributes["http.route"].ShouldBe("Employers");
        server.Attributes["http.response.status_code"].ShouldBe("200");
        server.Resource["service.name"].ShouldBe("paritrana");
        server.Resource["service.instance.id"].ShouldBe(Observability.InstanceId);
        var sql = spans.Where(s => s.Scope == "Npgsql").ToList();
        sql.ShouldAllBe(s => s.Attributes["db.system.name"] == "postgresql");
        // (Not every Npgsql span is a command: opening a new physical connection has none.)
        sql.ShouldContain(s => s.Attributes.GetValueOrDefault("db.query.text", "").Contains("FROM organisations", StringComparison.Ordinal));
        // The search (in the query string, then a SQL parameter) is in no span: it may be a person's name.
        spans.SelectMany(s => s.Attributes.Values).ShouldNotContain(v => v.Contains("rahasia", StringComparison.Ordinal));
        // The health poll, made before it, is not traced (its timing is in the metrics).
        collector.Spans.ShouldNotContain(s => s.TraceId == healthTrace);

        var metrics = collector.Metrics;
        metrics.Select(m => m.Name).ShouldContain("http.server.request.duration");
        metrics.ShouldContain(m => m.Scope == "System.Runtime");
        metrics.ShouldContain(m => m.Scope == "Npgsql");
        metrics.ShouldAllBe(m => m.Resource["service.name"] == "paritrana");
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_there_is_no_tracer_meter_or_exporter()
    {
        await using var factory = new PortalFactory(_database);
        _ = factory.Server;

        factory.Services.GetService<TracerProvider>().ShouldBeNull();
        factory.Services.GetService<MeterProvider>().ShouldBeNull();
        factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .Select(s => s.GetType().FullName).ShouldNotContain(n => n!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }
}
