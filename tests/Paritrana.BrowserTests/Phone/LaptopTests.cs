using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Paritrana.BrowserTests.Phone;

/// <summary>
/// The wide lists on the common office laptop (1366 × 768): no column clipped (no table box that must
/// be scrolled), every button of a row inside the screen, and names on at most two lines.
/// </summary>
public class LaptopTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    /// <summary>What is clipped or squeezed on the page: "table box employers scrolls: 1400 &gt; 1318", …</summary>
    private const string Clipped = """
        () => {
          const problems = [];
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
          for (const box of document.querySelectorAll('main .table-responsive')) {
            const table = box.querySelector('table');
            const name = table ? (table.id || table.dataset.testid || 'table') : 'box';
            if (box.scrollWidth > box.clientWidth + 1) problems.push(`table box ${name} scrolls: ${box.scrollWidth} > ${box.clientWidth}`);
          }
          for (const button of document.querySelectorAll('main table .btn')) {
            const r = button.getBoundingClientRect();
            const box = button.closest('.table-responsive') || document.documentElement;
            const edge = Math.min(width, box.getBoundingClientRect().right);
            if (r.right > edge + 1) problems.push(`button "${button.textContent.trim()}" ends at ${Math.round(r.right)} beyond ${Math.round(edge)}`);
          }
          for (const table of document.querySelectorAll('main table')) {
            const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
            const column = headers.findIndex(h => h === 'Nama' || h === 'Name');
            if (column < 0) continue;
            for (const row of table.querySelectorAll('tbody > tr')) {
              const cell = row.children[column];
              if (!cell) continue;
              const range = document.createRange();
              range.selectNodeContents(cell);
              const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
              if (lines > 2) problems.push(`name "${cell.textContent.trim()}" wraps over ${lines} lines`);
            }
          }
          return problems;
        }
        """;

    [Theory]
    [InlineData("ketua.bali@paritrana.demo", "/Employers")]
    [InlineData("ketua.bali@paritrana.demo", "/Employers?urut=cakupan")]
    [InlineData("ketua.bali@paritrana.demo", "/Shortlist?cycle=2021")] // the demo's current cycle has no scores yet; 2021 has forwarded finalists
    [InlineData("ketua.bali@paritrana.demo", "/Nominations")]
    [InlineData("cabang.denpasar@paritrana.demo", "/Employers")]
    public async Task The_lists_fit_a_1366_screen_without_a_clipped_column_or_button(string account, string path) => await Ui.RunAsync(portal, output, async ui =>
    {
        var page = await ui.SignInAsync(account, Screens.Laptop());
        await page.GotoAsync(path);
        (await page.Locator("main table tbody tr").CountAsync()).ShouldBeGreaterThan(0, $"{path} lists nothing to measure");

        var problems = await page.EvaluateAsync<string[]>(Clipped);
        problems.ShouldBeEmpty($"{path} at 1366 × 768:\n{string.Join("\n", problems)}\n");
    });
}
