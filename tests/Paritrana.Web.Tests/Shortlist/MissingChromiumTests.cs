using System.Diagnostics;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>Without Chromium the PDF handler answers at once with the renderer's message, on the preview page.</summary>
public sealed class MissingChromiumTests : IAsyncLifetime
{
    private PortalFactory? _factory;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("nochromium");
        _factory = new PortalFactory(database, settings: new Dictionary<string, string?> { ["Reports:ChromiumPath"] = "/nonexistent" });
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }
    }

    [Fact]
    public async Task The_pdf_handler_shows_the_clear_message_and_never_hangs()
    {
        var cycle = await new ShortlistTestData(_factory!.Database).CycleAsync();
        using var chair = await _factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var started = Stopwatch.StartNew();
        var response = await chair.GetAsync($"/Reports/Finalists?cycle={cycle.YearText}&handler=Pdf");
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        var page = await PortalClient.ParseAsync(response);
        PortalClient.Text(page.QuerySelector("[data-testid=pdf-error]"))
            .ShouldBe("Pembuat PDF (Chromium) tidak terpasang di server. Hubungi administrator; pratinjau cetak di peramban tetap dapat dipakai.");
    }
}
