using System.Globalization;
using AngleSharp.Html.Dom;
using Paritrana.Domain.FieldWork;
using Paritrana.Web.Tests.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.Work;

/// <summary>
/// "Tugas saya" for field work (issue 14): open coaching items with the overdue ones, a member's
/// visits of the next 14 days and those passed but not recorded; the chair sees the whole
/// committee's. The demo's field work of this class's database is settled first, so that only the
/// data made here is open.
/// </summary>
public class FieldWorkLinesTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>, IAsyncLifetime
{
    private readonly FieldWorkTestData _data = new(fixture);

    public async Task InitializeAsync() =>
        await _data.ExecuteAsync("UPDATE coaching_items SET status = 3 WHERE status IN (1, 2); UPDATE visits SET status = 3 WHERE status = 1;");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Members_see_open_coaching_items_and_their_own_visits_and_the_chair_sees_the_committee_s()
    {
        var bali = await _data.NominationAsync("51.71");
        var jateng = await _data.NominationAsync("33.74");
        var today = BaliToday;
        await _data.ItemAsync(bali, today.AddDays(-5));
        await _data.ItemAsync(bali, today.AddDays(-1), CoachingStatus.InProgress);
        await _data.ItemAsync(bali, today.AddDays(3));
        await _data.ItemAsync(bali, today.AddDays(-9), CoachingStatus.Resolved);
        await _data.ItemAsync(jateng, today.AddDays(-7));

        var now = DateTimeOffset.UtcNow;
        var soon = await _data.VisitAsync(bali, now.AddDays(2), members: [BaliMember]);
        await _data.VisitAsync(bali, now.AddDays(20), members: [BaliMember]);                               // beyond 14 days
        var unrecorded = await _data.VisitAsync(bali, now.AddDays(-2), members: [BaliMember]);
        await _data.VisitAsync(bali, now.AddDays(-1), VisitStatus.Done, members: [BaliMember]);
        var chairOnly = await _data.VisitAsync(bali, now.AddDays(3), members: [BaliChair]);
        await _data.VisitAsync(jateng, now.AddDays(1), members: [JatengMember]);
        var memberId = await _data.UserIdAsync(BaliMember);

        using var member = await _data.SignedInAsync(BaliMember);
        var lines = WorkLines.Of(await member.GetPageAsync("/")).Where(l => l.Group == "field-work").ToList();
        lines.Select(l => (l.Id, l.Count, l.Text, l.Detail, l.Href, l.Late)).ShouldBe(
        [
            ("coaching", 3, "Butir pembinaan terbuka", "2 terlambat, paling lama 5 hari", "/FieldWork/Coaching", true),
            ("visits-unrecorded", 1, "Kunjungan yang sudah lewat tetapi belum dicatat", null, $"/FieldWork?when=unrecorded&member={memberId}", true),
            ("visits-upcoming", 1, "Kunjungan dalam 14 hari ke depan", null, $"/FieldWork?member={memberId}&days=14", false),
        ]);

        // What each link opens lists what was counted.
        var coaching = await member.GetPageAsync("/FieldWork/Coaching");
        coaching.QuerySelectorAll("[data-testid=group]").Select(g => g.GetAttribute("data-nomination-id")).ShouldBe([bali.Id.ToString(CultureInfo.InvariantCulture)]);
        PortalClient.Text(coaching.QuerySelector("[data-testid=group-counts]")).ShouldBe("3 terbuka, 2 terlambat");
        VisitIds(await member.GetPageAsync(lines[1].Href)).ShouldBe([unrecorded]);
        VisitIds(await member.GetPageAsync(lines[2].Href)).ShouldBe([soon]);

        using var chair = await _data.SignedInAsync(BaliChair);
        var chairs = WorkLines.Of(await chair.GetPageAsync("/")).Where(l => l.Group == "field-work").ToList();
        chairs.Select(l => (l.Id, l.Count, l.Href)).ShouldBe(
        [
            ("coaching", 3, "/FieldWork/Coaching"),
            ("visits-unrecorded", 1, "/FieldWork?when=unrecorded"),
            ("visits-upcoming", 2, "/FieldWork?days=14"),
        ]);
        VisitIds(await chair.GetPageAsync(chairs[2].Href)).ShouldBe([soon, chairOnly]);

        // Recording the visit takes it off the list.
        await _data.ExecuteAsync($"UPDATE visits SET status = 2, done_at = planned_at, findings = 'Temuan' WHERE id = {unrecorded}");
        WorkLines.Of(await member.GetPageAsync("/")).Select(l => l.Id).ShouldNotContain("visits-unrecorded");
    }

    private static List<int> VisitIds(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=visit]").Select(e => int.Parse(e.GetAttribute("data-visit-id")!, CultureInfo.InvariantCulture)).ToList();
}
