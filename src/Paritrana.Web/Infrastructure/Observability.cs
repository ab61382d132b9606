using System.Reflection;
using System.Security.Claims;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Templates;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// What operators see of a running portal (docs/decisions/017, docs/operations.md): one structured
/// log line per request on stdout (JSON when <c>Logging:Format=json</c>, readable text otherwise),
/// timestamps in UTC ISO 8601 whatever the culture of the request or the machine, and OpenTelemetry
/// traces and metrics sent by OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class Observability
{
    public const string ServiceName = "paritrana";

    /// <summary>Setting that chooses the log format: <c>json</c>, anything else (or nothing) is text.</summary>
    public const string FormatSetting = "Logging:Format";

    /// <summary>The standard OpenTelemetry variable; without it no tracer, meter or exporter is set up.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// One JSON object per line, in the field names of Serilog's compact format (CLEF): <c>@t</c> the
    /// UTC time, <c>@l</c> the level, <c>@mt</c> the message template, <c>@m</c> the message,
    /// <c>@x</c> the exception, <c>@tr</c>/<c>@sp</c> the W3C trace and span ids, then the properties.
    /// </summary>
    public static readonly ITextFormatter JsonFormat = new ExpressionTemplate(
        "{ {@t: UtcDateTime(@t), @l, @mt, @m, @x, @tr, @sp, ..@p} }\n",
        formatProvider: CultureInfo.InvariantCulture);

    /// <summary>
    /// One line per event: <c>2026-12-04T07:26:52.123Z INF Source: message</c>, the exception (if
    /// any) on the lines after it.
    /// </summary>
    public static readonly ITextFormatter TextFormat = new ExpressionTemplate(
        "{UtcDateTime(@t):yyyy-MM-ddTHH:mm:ss.fffZ} {@l:u3} {SourceContext}: {@m}\n{#if IsDefined(@x)}{@x}\n{#end}",
        formatProvider: CultureInfo.InvariantCulture);

    /// <summary>Serilog as the only logger (stdout), then the OpenTelemetry exporters when configured.</summary>
    public static void AddPortalObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Logging.ClearProviders();
        // preserveStaticLogger: several portals in one process (the tests) each keep their own logger;
        // nothing in the portal writes to the static Log.
        builder.Services.AddSerilog((_, logger) => ConfigureLogger(logger, configuration), preserveStaticLogger: true);
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            AddTelemetry(builder.Services);
        }
    }

    public static LoggerConfiguration ConfigureLogger(LoggerConfiguration logger, IConfiguration configuration)
    {
        LogLevels.Apply(logger.MinimumLevel, configuration.GetSection("Logging:LogLevel"));
        var json = string.Equals(configuration[FormatSetting], "json", StringComparison.OrdinalIgnoreCase);
        return logger
            .Enrich.FromLogContext()
            .WriteTo.Console(json ? JsonFormat : TextFormat);
    }

    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, Npgsql) and metrics (ASP.NET Core, HttpClient, Npgsql,
    /// .NET runtime) exported by OTLP; the exporter reads the standard <c>OTEL_EXPORTER_OTLP_*</c>
    /// variables (endpoint, protocol, headers) itself.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services)
    {
        var version = typeof(Observability).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: version, serviceInstanceId: InstanceId))
            .WithTracing(t => t
                // The balancer's health polls would be most of the traces; their timings are in the metrics.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthRequest(context))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter());
    }

    /// <summary>Host name and process id: tells the instances behind a balancer apart, and a restart from its predecessor.</summary>
    public static string InstanceId { get; } = $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    internal static bool IsHealthRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static readonly object RouteKey = new();

    /// <summary>
    /// One event per request, when it completes: method, route template, status, duration in ms,
    /// request id and, when signed in, the user id (a GUID; never the e-mail address). First in the
    /// pipeline, so it logs the status the client received, after the error pages.
    /// </summary>
    public static void UsePortalRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = logger;
            o.GetLevel = RequestLevel;
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RequestId", context.TraceIdentifier);
                if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId)
                {
                    diagnostics.Set("UserId", userId);
                }
            };
            o.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RouteOf(context) ?? path)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
    }

    /// <summary>
    /// Notes the route template the request matched, before an error page re-executes it under
    /// /Error. Goes right after UseRouting.
    /// </summary>
    public static void UseRequestRouteCapture(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Items.TryAdd(RouteKey, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "");
            return next(context);
        });

    /// <summary>
    /// The route template ("/Nominations/Details/{id:int}"), never the query string. A request that
    /// matched no route (a static file, a 404) gives null, and the path without its query is logged.
    /// </summary>
    internal static string? RouteOf(HttpContext context)
    {
        var template = context.Items.TryGetValue(RouteKey, out var captured)
            ? captured as string
            : (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText; // short-circuited endpoints (health)
        return string.IsNullOrEmpty(template) ? null : "/" + template.TrimStart('/');
    }

    /// <summary>Errors at Error; health polls at Debug (Warning when not healthy); everything else at Information.</summary>
    internal static LogEventLevel RequestLevel(HttpContext context, double elapsed, Exception? error)
    {
        var status = context.Response.StatusCode;
        if (IsHealthRequest(context))
        {
            return status == StatusCodes.Status200OK ? LogEventLevel.Debug : LogEventLevel.Warning;
        }

        return error is not null || status >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
    }
}
