using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Paritrana.BrowserTests.Smoke;

public class SmokeTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Member_signs_in() => await Ui.RunAsync(portal, output, async ui =>
    {
        var page = await ui.SignInAsync("anggota.bali@paritrana.demo");
        await Assertions.Expect(page.Locator("#accountMenu")).ToHaveTextAsync("Ni Luh Anggota (Anggota Tim Panitia Bali)");
    });
}
