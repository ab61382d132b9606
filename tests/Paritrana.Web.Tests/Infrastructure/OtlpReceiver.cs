using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// A tiny OTLP/HTTP collector on loopback (Kestrel in the test process): takes the protobuf POSTs of
/// /v1/traces and /v1/metrics, decodes the parts the tests look at, and tells a waiting test when
/// what it waits for has arrived (<see cref="WhenAsync"/>), so that no test sleeps.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<OtlpSpan> _spans = [];
    private readonly List<OtlpMetric> _metrics = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The paths the exporter posted to, in order ("/v1/traces", "/v1/metrics").</summary>
    public List<string> Posts { get; } = [];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", context => receiver.TakeAsync(context, body => receiver._spans.AddRange(Otlp.Spans(body))));
        receiver._app.MapPost("/v1/metrics", context => receiver.TakeAsync(context, body => receiver._metrics.AddRange(Otlp.Metrics(body))));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    public List<OtlpSpan> Spans
    {
        get
        {
            lock (_waiters)
            {
                return [.. _spans];
            }
        }
    }

    public List<OtlpMetric> Metrics
    {
        get
        {
            lock (_waiters)
            {
                return [.. _metrics];
            }
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds for what has been received (checked after every POST).</summary>
    public Task WhenAsync(Func<OtlpReceiver, bool> condition)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((() => condition(this), signal));
        }

        return signal.Task;
    }

    private async Task TakeAsync(HttpContext context, Action<byte[]> decode)
    {
        using var buffer = new MemoryStream();
        var body = context.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        await body.CopyToAsync(buffer);
        lock (_waiters)
        {
            Posts.Add(context.Request.Path.Value!);
            decode(buffer.ToArray());
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        context.Response.ContentType = "application/x-protobuf";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record OtlpSpan(string Scope, string TraceId, string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyDictionary<string, string> Resource);

public sealed record OtlpMetric(string Scope, string Name, IReadOnlyDictionary<string, string> Resource);

/// <summary>
/// Reads just enough of the OTLP protobuf messages (opentelemetry/proto/collector/*/v1) by their
/// field numbers: ExportTraceServiceRequest → ResourceSpans(resource 1, scope_spans 2) →
/// ScopeSpans(scope 1, spans 2) → Span(trace_id 1, name 5, attributes 9); the metrics likewise
/// with Metric(name 1). KeyValue(key 1, value 2), AnyValue(string 1, bool 2, int 3, double 4).
/// </summary>
public static class Otlp
{
    public static IEnumerable<OtlpSpan> Spans(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            var resource = ResourceOf(resourceSpans.Bytes);
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var scope = ScopeName(scopeSpans.Bytes);
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(span.Bytes).ToList();
                    yield return new OtlpSpan(
                        scope,
                        Convert.ToHexStringLower(fields.First(f => f.Number == 1).Bytes),
                        Encoding.UTF8.GetString(fields.First(f => f.Number == 5).Bytes),
                        Attributes(fields.Where(f => f.Number == 9)),
                        resource);
                }
            }
        }
    }

    public static IEnumerable<OtlpMetric> Metrics(byte[] request)
    {
        foreach (var resourceMetrics in Fields(request).Where(f => f.Number == 1))
        {
            var resource = ResourceOf(resourceMetrics.Bytes);
            foreach (var scopeMetrics in Fields(resourceMetrics.Bytes).Where(f => f.Number == 2))
            {
                var scope = ScopeName(scopeMetrics.Bytes);
                foreach (var metric in Fields(scopeMetrics.Bytes).Where(f => f.Number == 2))
                {
                    yield return new OtlpMetric(scope, Encoding.UTF8.GetString(Fields(metric.Bytes).First(f => f.Number == 1).Bytes), resource);
                }
            }
        }
    }

    private static Dictionary<string, string> ResourceOf(byte[] parent) =>
        Fields(parent).FirstOrDefault(f => f.Number == 1) is { Bytes: { } resource }
            ? Attributes(Fields(resource).Where(f => f.Number == 1))
            : [];

    private static string ScopeName(byte[] parent) =>
        Fields(parent).FirstOrDefault(f => f.Number == 1) is { Bytes: { } scope } && Fields(scope).FirstOrDefault(f => f.Number == 1) is { Bytes: { } name }
            ? Encoding.UTF8.GetString(name)
            : "";

    private static Dictionary<string, string> Attributes(IEnumerable<Field> keyValues)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in keyValues)
        {
            var fields = Fields(keyValue.Bytes).ToList();
            var key = Encoding.UTF8.GetString(fields.First(f => f.Number == 1).Bytes);
            var value = fields.FirstOrDefault(f => f.Number == 2) is { Bytes: { } any } ? Fields(any).FirstOrDefault() : null;
            attributes[key] = value switch
            {
                { Number: 1 } => Encoding.UTF8.GetString(value.Bytes),
                { Number: 2 } => value.Varint != 0 ? "true" : "false",
                { Number: 3 } => ((long)value.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                { Number: 4 } => BitConverter.Int64BitsToDouble((long)value.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }

        return attributes;
    }

    /// <summary>One field of a message: its number and either its bytes (length-delimited) or its integer value.</summary>
    private sealed record Field(int Number, byte[] Bytes, ulong Varint);

    private static IEnumerable<Field> Fields(byte[] message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = ReadVarint(message, ref at);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return new Field(number, [], ReadVarint(message, ref at));
                    break;
                case 1:
                    yield return new Field(number, [], BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(at, 8)));
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref at);
                    yield return new Field(number, message[at..(at + length)], 0);
                    at += length;
                    break;
                case 5:
                    yield return new Field(number, [], BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(at, 4)));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unexpected protobuf wire type {tag & 7} at byte {at}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
