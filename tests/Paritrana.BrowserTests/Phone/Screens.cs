using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Paritrana.BrowserTests.Phone;

/// <summary>The screens the sweep uses and what it checks on each page: sideways scrolling and axe-core.</summary>
public static class Screens
{
    /// <summary>A phone: 390 × 844, touch.</summary>
    public static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };

    /// <summary>The common office laptop: 1366 × 768.</summary>
    public static BrowserNewContextOptions Laptop() => new()
    {
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
    };

    /// <summary>The WCAG 2.2 A and AA rules of axe-core (with the 2.0 and 2.1 ones they include).</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>
    /// Null when the page does not scroll sideways; otherwise why. Against the screen's own width too: a
    /// mobile browser may widen its layout viewport to what overflows, and then clientWidth grows with
    /// the page (seen: an unbreakable 300-character line passed a clientWidth-only check).
    /// </summary>
    public static async Task<string?> SidewaysScrollingAsync(IPage page, int screenWidth)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
        {
            return $"scrolls sideways: scrollWidth {widths[0]} > clientWidth {widths[1]}";
        }

        return widths[0] > screenWidth ? $"is wider than the screen: scrollWidth {widths[0]} > {screenWidth}" : null;
    }

    public static async Task NoSidewaysScrollingAsync(IPage page, int screenWidth = 390)
    {
        var problem = await SidewaysScrollingAsync(page, screenWidth);
        problem.ShouldBeNull($"{page.Url} {problem}");
    }

    /// <summary>The serious and critical WCAG 2.2 A/AA violations of the page: "rule (impact): help — target, target".</summary>
    public static async Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}{(v.Nodes.Length > 5 ? $" and {v.Nodes.Length - 5} more" : "")}")
            .ToList();
    }
}
