using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace Paritrana.BrowserTests.Infrastructure;

/// <summary>
/// What the browser tests share: timeouts, signing in, and keeping a screenshot and the HTML of
/// every open page when a test fails (the paths go to the test output and the failure message).
/// </summary>
public static class Ui
{
    public const string DemoPassword = "Demo-Paritrana-2026";

    /// <summary>Generous: the suite runs on a loaded 2-core machine beside the other test project.</summary>
    public const float Timeout = 30_000;

    /// <summary>PARITRANA_SCREENSHOTS, or bin/.../screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("PARITRANA_SCREENSHOTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Runs a test's body with a <see cref="UiSession"/>; when it throws, every page the session
    /// opened is saved (PNG and HTML) and the failure names the files.
    /// </summary>
    public static async Task RunAsync(BrowserPortal portal, ITestOutputHelper output, Func<UiSession, Task> body, [CallerMemberName] string test = "")
    {
        await using var session = new UiSession(portal);
        try
        {
            await body(session);
        }
        catch (Exception ex)
        {
            var saved = await session.SaveAllAsync(Path.Combine(ScreenshotDirectory, test));
            var where = saved.Count == 0 ? "no page was open" : string.Join("\n", saved);
            output.WriteLine($"Browser test {test} failed; pages saved:\n{where}");
            throw new BrowserTestFailedException($"{ex.Message}\nPages saved for {test}:\n{where}", ex);
        }
    }
}

/// <summary>A failed browser test, with where its screenshots are.</summary>
public sealed class BrowserTestFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>The users of one test, each in a browser context of their own.</summary>
public sealed class UiSession(BrowserPortal portal) : IAsyncDisposable
{
    private readonly List<(string Name, IBrowserContext Context, IPage Page)> _users = [];

    public BrowserPortal Portal => portal;

    /// <summary>Opens a new context and signs in through the login form, as a person would.</summary>
    public async Task<IPage> SignInAsync(string email, BrowserNewContextOptions? options = null, string password = Ui.DemoPassword)
    {
        var context = await portal.NewContextAsync(options);
        var page = await context.NewPageAsync();
        _users.Add((email, context, page));
        // Forms with data-confirm ask with window.confirm; Playwright would dismiss it. A person says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Alamat surel").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        return page;
    }

    /// <summary>Saves a full-page screenshot and the HTML of every open page; answers the file paths.</summary>
    public async Task<IReadOnlyList<string>> SaveAllAsync(string directory)
    {
        var saved = new List<string>();
        Directory.CreateDirectory(directory);
        var n = 0;
        foreach (var (name, context, _) in _users)
        {
            foreach (var page in context.Pages)
            {
                var stem = Path.Combine(directory, $"{++n}-{name.Split('@')[0]}");
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true, Timeout = 10_000 });
                    saved.Add(stem + ".png");
                    await File.WriteAllTextAsync(stem + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
                    saved.Add(stem + ".html");
                }
                catch (PlaywrightException e)
                {
                    saved.Add($"{stem}: not saved ({e.Message.Split('\n')[0]})");
                }
            }
        }

        return saved;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, context, _) in _users)
        {
            await context.DisposeAsync();
        }
    }
}
