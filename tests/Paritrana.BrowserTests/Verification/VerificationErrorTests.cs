using Paritrana.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Verification;

/// <summary>
/// A refused step in the verification queue comes back to the queue's own address (post, redirect,
/// get), never to <c>?id=..&amp;handler=Return</c>, with the error inside the nomination's card,
/// beside the reason field it concerns.
/// </summary>
public class VerificationErrorTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_return_without_a_reason_shows_the_error_in_its_card_and_keeps_the_queue_s_address() => await Ui.RunAsync(portal, output, async ui =>
    {
        var officer = await ui.SignInAsync("cabang.denpasar@paritrana.demo");
        await officer.GotoAsync("/Verification");
        var first = officer.GetByTestId("queue-item").First;
        var id = await first.GetAttributeAsync("data-id");
        id.ShouldNotBeNull();

        var item = officer.Locator($"[data-testid=queue-item][data-id='{id}']");
        await item.GetByLabel("Alasan pengembalian").FillAsync("   ");
        await item.GetByRole(AriaRole.Button, new() { Name = "Kembalikan" }).ClickAsync();

        var error = item.Locator($"#return-{id} [data-testid=transition-error]");
        await Expect(error).ToHaveTextAsync("Alasan wajib diisi untuk langkah ini.");
        await Expect(officer.GetByTestId("transition-error")).ToHaveCountAsync(1);
        await Expect(item.GetByLabel("Alasan pengembalian")).ToHaveAttributeAsync("aria-describedby", $"reason-{id}-error");
        officer.Url.ShouldBe(new Uri(portal.BaseUrl, $"/Verification#item-{id}").ToString());

        // Reloading shows the queue without the old error: it was shown once.
        await officer.ReloadAsync();
        await Expect(officer.GetByTestId("transition-error")).ToHaveCountAsync(0);
    });
}
