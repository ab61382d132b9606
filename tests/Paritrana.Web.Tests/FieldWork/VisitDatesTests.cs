using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// A visit goes by the day it was done once recorded; a planned visit whose time has passed is
/// flagged "Belum dicatat" wherever it is listed; a planned day outside the field-assessment period
/// (or the cycle's year) is questioned beside the field and saved only when confirmed (decisions/036).
/// </summary>
public class VisitDatesTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private readonly FieldWorkTestData _data = new(fixture);

    /// <summary>An instant as the pages show it in Bali (WITA, UTC+8): "4 Des 2026 10.00 WITA", worked out here.</summary>
    private static string Wita(DateTimeOffset instant)
    {
        var local = instant.ToUniversalTime().AddHours(8);
        return $"{local.Day} {Months[local.Month - 1]} {local.Year} {local.Hour:00}.{local.Minute:00} WITA";
    }

    private static string Day(DateOnly d) => $"{d.Day} {Months[d.Month - 1]} {d.Year}";

    // The current minute, from one reading of the clock (two readings could straddle a minute).
    private static DateTimeOffset Now
    {
        get
        {
            var ticks = DateTimeOffset.UtcNow.UtcTicks;
            return new(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_visit_done_before_its_planned_day_is_titled_listed_and_sorted_by_the_day_it_was_done()
    {
        var nomination = await _data.NominationAsync();
        var now = Now;
        var early = await _data.VisitAsync(nomination, now.AddDays(6), VisitStatus.Done, place: "Dilaksanakan lebih awal");
        var doneAt = now.AddDays(-1);
        await _data.ExecuteAsync($"UPDATE visits SET done_at = '{doneAt.ToString("O", CultureInfo.InvariantCulture)}' WHERE id = {early}");
        var later = await _data.VisitAsync(nomination, now.AddHours(-12), VisitStatus.Done, place: "Sesuai rencana");
        using var member = await _data.SignedInAsync(BaliMember);

        var details = await member.GetPageAsync($"/FieldWork/Visits/Details/{early}");
        PortalClient.Text(details.QuerySelector("h1")).ShouldBe($"Kunjungan {Wita(doneAt)}");
        PortalClient.Text(details.QuerySelector("[data-testid=done-at]")).ShouldBe(Wita(doneAt));
        PortalClient.Text(details.QuerySelector("[data-testid=planned-at]")).ShouldBe(Wita(now.AddDays(6)));

        // Past, by the day done: the visit done 12 hours ago first, then the one done yesterday (planned in six days).
        var past = await member.GetPageAsync("/FieldWork/Index?when=past");
        Rows(past, early, later).ShouldBe([$"{later}|{Wita(now.AddHours(-12))}", $"{early}|{Wita(doneAt)}"]);
        Rows(await member.GetPageAsync("/FieldWork/Index"), early, later).ShouldBeEmpty();

        var fieldWork = await member.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        fieldWork.QuerySelectorAll("[data-testid=visit] td:first-child").Select(PortalClient.Text).ShouldBe([Wita(now.AddHours(-12)), Wita(doneAt)]);
    }

    [Fact]
    public async Task A_planned_visit_whose_time_has_passed_is_flagged_not_recorded_where_it_is_listed_and_shown()
    {
        var nomination = await _data.NominationAsync();
        var now = Now;
        var passed = await _data.VisitAsync(nomination, now.AddHours(-2));
        var ahead = await _data.VisitAsync(nomination, now.AddHours(2));
        using var member = await _data.SignedInAsync(BaliMember);

        PortalClient.Text((await member.GetPageAsync($"/FieldWork/Visits/Details/{passed}")).QuerySelector("[data-testid=unrecorded]")).ShouldBe("Belum dicatat");
        (await member.GetPageAsync($"/FieldWork/Visits/Details/{ahead}")).QuerySelector("[data-testid=unrecorded]").ShouldBeNull();

        var fieldWork = await member.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        fieldWork.QuerySelectorAll("[data-testid=visit]").Select(r => PortalClient.Text(r.QuerySelector("td:nth-child(3)"))).ShouldBe(["Direncanakan", "Direncanakan Belum dicatat"]);

        var past = await member.GetPageAsync("/FieldWork/Index?when=past");
        PortalClient.Text(past.QuerySelector($"[data-visit-id='{passed}'] [data-testid=unrecorded]")).ShouldBe("Belum dicatat");
        var unrecorded = await member.GetPageAsync("/FieldWork/Index?when=unrecorded");
        unrecorded.QuerySelector($"[data-visit-id='{passed}']").ShouldNotBeNull();
        unrecorded.QuerySelector($"[data-visit-id='{ahead}']").ShouldBeNull();
    }

    [Fact]
    public async Task A_planned_day_outside_the_cycle_s_year_or_its_field_assessment_stage_is_questioned_beside_the_field_and_saved_once_confirmed()
    {
        var nomination = await _data.NominationAsync();
        var (cycleId, year) = await CycleOfAsync(nomination.Id);
        using var member = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Plan?nomination={nomination.Id}";
        var visitsBefore = await VisitsAsync(nomination.Id);

        // No stage dates: the cycle's year is the period; January of another year is questioned.
        var outsideYear = new DateOnly(year + 1, 1, 15);
        var form = await member.GetPageAsync(url);
        form.QuerySelector("[data-testid=outside-period]").ShouldBeNull();
        using (var asked = await Plan(member, form, url, outsideYear, confirm: false))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(asked);
            FieldError(page, "Input.PlannedAt").ShouldBe(
                $"Tanggal {Day(outsideYear)} di luar tahun siklus {year} (masa penilaian lapangan belum dijadwalkan). Periksa tanggalnya; bila kunjungan memang di luar tahun itu, centang konfirmasi lalu simpan lagi.");
            page.QuerySelector("[data-testid=outside-period] input[type=checkbox]").ShouldNotBeNull();
            (await VisitsAsync(nomination.Id)).ShouldBe(visitsBefore);

            using var confirmed = await Plan(member, page, url, outsideYear, confirm: true);
            confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await VisitsAsync(nomination.Id)).ShouldBe(visitsBefore + 1);
        }

        using (var inYear = await Plan(member, form, url, new DateOnly(year, 3, 10), confirm: false))
        {
            inYear.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // With the field-assessment stage scheduled, its dates are the period.
        await _data.ExecuteAsync($"INSERT INTO cycle_stages (cycle_id, stage, starts_on, ends_on) VALUES ({cycleId}, 3, '{year}-08-01', '{year}-12-31')");
        // Written by SQL, not through SaveChanges: the instance's copy of the stage dates is dropped by hand (decisions/032).
        fixture.Factory.Services.GetRequiredService<Paritrana.Web.Infrastructure.ReferenceData>().Drop();
        using (var beforeStage = await Plan(member, form, url, new DateOnly(year, 7, 31), confirm: false))
        {
            beforeStage.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError(await PortalClient.ParseAsync(beforeStage), "Input.PlannedAt").ShouldBe(
                $"Tanggal 31 Jul {year} di luar masa penilaian lapangan (1 Agu {year} – 31 Des {year}). Periksa tanggalnya; bila kunjungan memang di luar masa itu, centang konfirmasi lalu simpan lagi.");
        }

        using (var inStage = await Plan(member, form, url, new DateOnly(year, 8, 1), confirm: false))
        {
            inStage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await VisitsAsync(nomination.Id)).ShouldBe(visitsBefore + 3);
    }

    [Fact]
    public async Task A_nomination_without_visits_or_items_says_what_fills_each_list()
    {
        var nomination = await _data.NominationAsync();
        using var member = await _data.SignedInAsync(BaliMember);
        var page = await member.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        page.QuerySelectorAll("[data-testid=empty-hint]").Select(PortalClient.Text).ShouldBe(
        [
            "Kunjungan direncanakan oleh tim panitia selama penilaian lapangan; rencanakan dengan tombol \"Rencanakan kunjungan\".",
            "Butir pembinaan dicatat dari temuan kunjungan; selama ada yang terbuka, nominasi belum dapat ditandai siap dinilai.",
        ]);
        // No item at all: nothing holds it back, and the step is offered beside that statement.
        PortalClient.Text(page.QuerySelector("[data-testid=gate]")).ShouldBe("Tidak ada butir pembinaan yang terbuka.");
        page.QuerySelector("#mark-ready-form").ShouldNotBeNull();
    }

    private static async Task<HttpResponseMessage> Plan(PortalClient client, IHtmlDocument form, string url, DateOnly day, bool confirm)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.PlannedAt"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:30",
            ["Input.Place"] = "Kantor pusat",
            ["Input.Purpose"] = "Memeriksa kepesertaan",
        };
        if (confirm)
        {
            values["Input.OutsidePeriodConfirmed"] = "true";
        }

        return await client.SubmitFormAsync(form, url, "#plan-visit-form", values);
    }

    private async Task<(int CycleId, int Year)> CycleOfAsync(int nominationId) =>
        (await _data.ScalarAsync<int>("SELECT cycle_id FROM nominations WHERE id = @id", ("id", nominationId)),
         await _data.ScalarAsync<int>("SELECT c.year FROM award_cycles c JOIN nominations n ON n.cycle_id = c.id WHERE n.id = @id", ("id", nominationId)));

    private async Task<long> VisitsAsync(int nominationId) =>
        await _data.CountAsync("SELECT count(*) FROM visits WHERE nomination_id = @id", ("id", nominationId));

    private static List<string> Rows(IHtmlDocument agenda, params int[] ids) =>
        agenda.QuerySelectorAll("[data-testid=visit]")
            .Where(r => ids.Contains(int.Parse(r.GetAttribute("data-visit-id")!, CultureInfo.InvariantCulture)))
            .Select(r => r.GetAttribute("data-visit-id") + "|" + PortalClient.Text(r.QuerySelector("td:first-child")))
            .ToList();
}
