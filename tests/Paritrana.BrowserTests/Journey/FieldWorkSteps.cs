using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Journey;

/// <summary>Steps of field work that several journeys take the same way, on the nomination's field-work page.</summary>
public static class FieldWorkSteps
{
    /// <summary>
    /// From the nomination's field-work page: a visit planned for <paramref name="day"/> 09:00 with
    /// <paramref name="member"/> in the team, then recorded as done at 11:00 with its finding; ends on the visit's page.
    /// </summary>
    public static async Task PlanAndRecordVisitAsync(IPage page, string organisation, string day, string place, string purpose, string member, string finding)
    {
        await page.GetByTestId("plan-link").ClickAsync();
        await page.GetByLabel("Tanggal dan jam kunjungan").FillAsync($"{day}T09:00");
        await page.GetByLabel("Tempat", new() { Exact = true }).FillAsync(place);
        await page.GetByLabel("Tujuan kunjungan").FillAsync(purpose);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = member }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan rencana kunjungan" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync($"Kunjungan ke {organisation} pada");
        await page.GetByTestId("record-link").ClickAsync();
        await page.GetByLabel("Waktu pelaksanaan").FillAsync($"{day}T11:00");
        await page.GetByLabel("Temuan", new() { Exact = true }).FillAsync(finding);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan hasil kunjungan" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("Hasil kunjungan telah dicatat.");
    }
}
