using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Tests.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.Work;

/// <summary>
/// The administrator's home page (issue 14, decisions/029): per province the current stage, the
/// nominations of the current cycle per status, and what is late, each count a link to the list of
/// exactly those records. The class's cycle is made the current one with stage dates around today
/// (WIB); the demo's open field work is settled first.
/// </summary>
public class AdminOverviewTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>, IAsyncLifetime
{
    private readonly FieldWorkTestData _data = new(fixture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await _data.ExecuteAsync("UPDATE coaching_items SET status = 3 WHERE status IN (1, 2);");
        var (cycle, _) = await _data.CycleAsync();
        var t = Today;
        await _data.ExecuteAsync(
            $"UPDATE award_cycles SET is_current = false; UPDATE award_cycles SET is_current = true WHERE id = {cycle}; " +
            $"DELETE FROM cycle_stages WHERE cycle_id = {cycle}; " +
            $"INSERT INTO cycle_stages (cycle_id, stage, starts_on, ends_on) VALUES " +
            $"({cycle}, 1, '{Iso(t.AddDays(-60))}', '{Iso(t.AddDays(-31))}'), ({cycle}, 2, '{Iso(t.AddDays(-40))}', '{Iso(t.AddDays(-20))}'), " +
            $"({cycle}, 3, '{Iso(t.AddDays(-20))}', '{Iso(t.AddDays(10))}'), ({cycle}, 4, '{Iso(t.AddDays(11))}', '{Iso(t.AddDays(30))}');");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_province_shows_its_stage_its_statuses_and_what_is_late_and_every_count_lists_exactly_its_records()
    {
        var t = Today;
        var (cycle, _) = await _data.CycleAsync();
        var year = await _data.ScalarAsync<int>("SELECT year FROM award_cycles WHERE id = @c", ("c", cycle));
        var s1 = await _data.NominationAsync("51.71", NominationStatus.Submitted);
        var s2 = await _data.NominationAsync("51.08", NominationStatus.Submitted);
        var s3 = await _data.NominationAsync("51.71", NominationStatus.Submitted);
        var d1 = await _data.NominationAsync("51.71", NominationStatus.Draft);
        var r1 = await _data.NominationAsync("51.71", NominationStatus.Returned);
        var f1 = await _data.NominationAsync("51.71", NominationStatus.InFieldAssessment);
        var f2 = await _data.NominationAsync("51.04", NominationStatus.InFieldAssessment);
        var v1 = await _data.NominationAsync("33.74", NominationStatus.Verified);
        // Submitted eight WIB days ago (late: more than seven days), and exactly seven days ago at 00:00 WIB (not yet late).
        var eightDaysAgo = new DateTimeOffset(t.AddDays(-8).ToDateTime(new TimeOnly(23, 0)), TimeSpan.FromHours(7));
        var sevenDaysAgo = new DateTimeOffset(t.AddDays(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        await _data.ExecuteAsync(
            $"UPDATE nominations SET updated_at = '{eightDaysAgo:O}' WHERE id IN ({s1.Id}, {s2.Id}); UPDATE nominations SET updated_at = '{sevenDaysAgo:O}' WHERE id = {s3.Id};");
        var i1 = await _data.ItemAsync(f1, t.AddDays(-3));
        await _data.ItemAsync(f1, t);                                       // due today: not overdue
        var i3 = await _data.ItemAsync(f2, t.AddDays(-1), CoachingStatus.InProgress);
        await _data.ItemAsync(f2, t.AddDays(-9), CoachingStatus.Resolved);
        var j1 = await _data.ItemAsync(v1, t.AddDays(-5));

        using var admin = await _data.SignedInAsync(FieldWorkTestData.Admin);
        var home = await admin.GetPageAsync("/");
        home.QuerySelector("[data-testid=no-work]").ShouldBeNull();
        var bali = home.QuerySelector("[data-testid=province][data-province='51']")!;
        PortalClient.Text(bali.QuerySelector("[data-testid=province-stage]")).ShouldBe(
            $"Tahap Penilaian lapangan dan pembinaan: 10 hari lagi (sampai {t.AddDays(10).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))})");
        Counts(bali).ShouldBe([("Draft", 1), ("Submitted", 3), ("Returned", 1), ("InFieldAssessment", 2)]);
        Late(bali).ShouldBe([("late-verification", 2), ("late-stage", 5), ("late-coaching", 2)]);

        var jateng = home.QuerySelector("[data-testid=province][data-province='33']")!;
        Counts(jateng).ShouldBe([("Verified", 1)]);
        Late(jateng).ShouldBe([("late-coaching", 1)]);
        var aceh = home.QuerySelector("[data-testid=province][data-province='11']")!;
        Counts(aceh).ShouldBeEmpty();
        aceh.QuerySelector("[data-testid=late]").ShouldBeNull();

        // Every count opens the list of exactly those records.
        foreach (var link in bali.QuerySelectorAll("[data-testid=status-count]"))
        {
            var listed = Ids(await admin.GetPageAsync(link.GetAttribute("href")!), "nomination-row");
            listed.Count.ShouldBe(CountOf(link), link.GetAttribute("href"));
        }

        Ids(await admin.GetPageAsync(Href(bali, "status-count[data-status=Submitted]")), "nomination-row").ShouldBe([s1.Id, s2.Id, s3.Id], ignoreOrder: true);
        Ids(await admin.GetPageAsync(Href(bali, "late-verification")), "nomination-row").ShouldBe([s1.Id, s2.Id], ignoreOrder: true);
        Ids(await admin.GetPageAsync(Href(bali, "late-stage")), "nomination-row").ShouldBe([s1.Id, s2.Id, s3.Id, d1.Id, r1.Id], ignoreOrder: true);
        Ids(await admin.GetPageAsync(Href(bali, "late-coaching")), "item", "data-item-id").ShouldBe([i1, i3], ignoreOrder: true);
        Ids(await admin.GetPageAsync(Href(jateng, "late-coaching")), "item", "data-item-id").ShouldBe([j1]);
        Href(bali, "late-verification").ShouldBe($"/Nominations?cycle={year}&province=51&late=verification");
        Href(bali, "late-coaching").ShouldBe("/FieldWork/Coaching?province=51&overdue=true");
    }

    private static string Href(IElement province, string testId) =>
        province.QuerySelector(testId.Contains('[') ? $"[data-testid={testId[..testId.IndexOf('[')]}]{testId[testId.IndexOf('[')..]}" : $"[data-testid={testId}]")!.GetAttribute("href")!;

    private static int CountOf(IElement link) =>
        int.Parse(PortalClient.Text(link).Split(' ')[^1].Replace(".", ""), CultureInfo.InvariantCulture);

    private static List<(string, int)> Counts(IElement province) =>
        province.QuerySelectorAll("[data-testid=status-count]").Select(a => (a.GetAttribute("data-status")!, CountOf(a))).ToList();

    private static List<(string, int)> Late(IElement province) =>
        province.QuerySelectorAll("[data-testid=late] a").Select(a => (a.GetAttribute("data-testid")!,
            int.Parse(PortalClient.Text(a).Split(' ')[0].Replace(".", ""), CultureInfo.InvariantCulture))).ToList();

    private static List<int> Ids(IHtmlDocument page, string testId, string attribute = "data-id") =>
        page.QuerySelectorAll($"[data-testid={testId}]").Select(e => int.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture)).ToList();
}
