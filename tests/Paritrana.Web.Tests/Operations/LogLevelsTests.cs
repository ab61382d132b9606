using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// The levels in Logging:LogLevel (appsettings.json, Logging__LogLevel__* variables) reach Serilog:
/// Default is the minimum, every other key a category prefix, in ASP.NET Core's level names.
/// </summary>
public class LogLevelsTests
{
    private sealed class Collect : ILogEventSink
    {
        public List<string> Seen { get; } = [];

        public void Emit(LogEvent logEvent) =>
            Seen.Add($"{((ScalarValue)logEvent.Properties["SourceContext"]).Value} {logEvent.Level}");
    }

    private static List<string> Written(Dictionary<string, string?> levels)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(levels.ToDictionary(p => $"Logging:LogLevel:{p.Key}", p => p.Value))
            .Build();
        var sink = new Collect();
        var config = new LoggerConfiguration().WriteTo.Sink(sink);
        Paritrana.Web.Infrastructure.LogLevels.Apply(config.MinimumLevel, configuration.GetSection("Logging:LogLevel"));
        using var logger = config.CreateLogger();
        foreach (var category in new[] { "Paritrana.Web.Pages.Index", "Microsoft.EntityFrameworkCore.Database.Command", "Microsoft.AspNetCore.Hosting.Diagnostics", "Noisy.Thing" })
        {
            foreach (var level in new[] { LogEventLevel.Verbose, LogEventLevel.Debug, LogEventLevel.Information, LogEventLevel.Warning, LogEventLevel.Error, LogEventLevel.Fatal })
            {
                logger.ForContext(Constants.SourceContextPropertyName, category).Write(level, "x");
            }
        }

        return sink.Seen;
    }

    [Fact]
    public void The_default_is_the_minimum_and_each_category_prefix_has_its_own_level()
    {
        Written(new()
        {
            ["Default"] = "Warning",
            ["Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Microsoft.AspNetCore"] = "Error",
            ["Noisy"] = "None",
        }).ShouldBe(
        [
            "Paritrana.Web.Pages.Index Warning", "Paritrana.Web.Pages.Index Error", "Paritrana.Web.Pages.Index Fatal",
            "Microsoft.EntityFrameworkCore.Database.Command Information", "Microsoft.EntityFrameworkCore.Database.Command Warning",
            "Microsoft.EntityFrameworkCore.Database.Command Error", "Microsoft.EntityFrameworkCore.Database.Command Fatal",
            "Microsoft.AspNetCore.Hosting.Diagnostics Error", "Microsoft.AspNetCore.Hosting.Diagnostics Fatal",
        ]);
    }

    [Fact]
    public void Trace_and_Critical_are_Verbose_and_Fatal_and_without_settings_the_minimum_is_Information()
    {
        Written(new() { ["Default"] = "Trace", ["Microsoft"] = "Critical" }).Count(l => l.StartsWith("Paritrana", StringComparison.Ordinal)).ShouldBe(6);
        Written(new() { ["Default"] = "Trace", ["Microsoft"] = "Critical" }).Where(l => l.StartsWith("Microsoft", StringComparison.Ordinal))
            .ShouldBe(["Microsoft.EntityFrameworkCore.Database.Command Fatal", "Microsoft.AspNetCore.Hosting.Diagnostics Fatal"]);
        Written([]).Where(l => l.StartsWith("Paritrana", StringComparison.Ordinal))
            .ShouldBe(["Paritrana.Web.Pages.Index Information", "Paritrana.Web.Pages.Index Warning", "Paritrana.Web.Pages.Index Error", "Paritrana.Web.Pages.Index Fatal"]);
    }
}
