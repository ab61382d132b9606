namespace Paritrana.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium (the same binary that prints the portal's PDFs), driven by Playwright through
/// <c>ExecutablePath</c>. Playwright never downloads a browser here: its Node driver comes from the
/// NuGet package (copied into bin/.playwright by the package's build targets) and the browser is
/// the installed one.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>PARITRANA_CHROMIUM overrides the path (another distribution's binary).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("PARITRANA_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. Install Debian's package (apt-get install chromium; .ci/run does) " +
                "or set PARITRANA_CHROMIUM. The browser tests never download a browser.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            // As root Chromium needs --no-sandbox; the others keep it off the network.
            Args =
            [
                "--no-sandbox", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }
}
