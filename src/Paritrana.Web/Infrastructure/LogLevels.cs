using Serilog.Configuration;
using Serilog.Events;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// The levels stay where ASP.NET Core keeps them, <c>Logging:LogLevel</c> (appsettings.json,
/// <c>Logging__LogLevel__Default=Warning</c>...), and are handed to Serilog: <c>Default</c> is the
/// minimum level, every other key a category prefix with its own level.
/// </summary>
public static class LogLevels
{
    public static void Apply(LoggerMinimumLevelConfiguration minimum, IConfiguration levels)
    {
        minimum.Is(Parse(levels["Default"]) ?? LogEventLevel.Information);
        foreach (var entry in levels.GetChildren())
        {
            if (!string.Equals(entry.Key, "Default", StringComparison.OrdinalIgnoreCase) && Parse(entry.Value) is { } level)
            {
                minimum.Override(entry.Key, level);
            }
        }
    }

    /// <summary>Microsoft.Extensions.Logging's level names to Serilog's (None: nothing at all).</summary>
    public static LogEventLevel? Parse(string? level) =>
        Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed)
            ? parsed switch
            {
                LogLevel.Trace => LogEventLevel.Verbose,
                LogLevel.Debug => LogEventLevel.Debug,
                LogLevel.Information => LogEventLevel.Information,
                LogLevel.Warning => LogEventLevel.Warning,
                LogLevel.Error => LogEventLevel.Error,
                LogLevel.Critical => LogEventLevel.Fatal,
                _ => LevelAlias.Off,
            }
            : null;
}
