using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Tests.Scoring;

namespace Paritrana.Web.Tests.Work;

/// <summary>
/// A province's own stage dates (issue 14, decisions/029): the chair sets them within the cycle's
/// dates (an error beside the date outside them, nothing half-saved, audited); members read them;
/// the home page shows the current stage from the effective dates; the member's cards per round
/// come with the round's closing date, most urgent first; the chair sees who has cards outstanding
/// and the plenary still to hold. The class's cycle is made the current one, with stage dates
/// around today (WIB).
/// </summary>
public class StageScheduleTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private readonly ScoringTestData _data = new(portal);

    private ScoringCycle _cycle = null!;

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly d) => d.ToString("d MMM yyyy", Id);

    public async Task InitializeAsync()
    {
        await TestDatabase.ExecuteAsync("UPDATE award_cycles SET is_closed = true; UPDATE scoring_rounds SET status = 3;", portal.Database);
        _cycle = await _data.CycleAsync();
        var (c, t) = (_cycle.Id, Today);
        await TestDatabase.ExecuteAsync(
            $"UPDATE award_cycles SET is_current = false; UPDATE award_cycles SET is_current = true, is_closed = false WHERE id = {c}; " +
            $"INSERT INTO cycle_stages (cycle_id, stage, starts_on, ends_on) VALUES " +
            $"({c}, 1, '{Iso(t.AddDays(-60))}', '{Iso(t.AddDays(-31))}'), ({c}, 2, '{Iso(t.AddDays(-40))}', '{Iso(t.AddDays(-20))}'), " +
            $"({c}, 3, '{Iso(t.AddDays(-20))}', '{Iso(t.AddDays(-1))}'), ({c}, 4, '{Iso(t)}', '{Iso(t.AddDays(20))}'), ({c}, 5, '{Iso(t.AddDays(25))}', '{Iso(t.AddDays(30))}');",
            portal.Database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<string> StageLines(IHtmlDocument home) =>
        home.QuerySelectorAll("[data-testid=stage-line]").Select(PortalClient.Text).ToList();

    [Fact]
    public async Task The_chair_sets_the_province_s_dates_within_the_cycle_s_and_the_home_page_counts_the_days_from_them()
    {
        var t = Today;
        using var chair = await _data.SignedInAsync(ScoringTestData.Chair);
        StageLines(await chair.GetPageAsync("/")).ShouldBe([$"Tahap Penilaian: 20 hari lagi (sampai {Shown(t.AddDays(20))})"]);

        // Outside the cycle's dates (scoring ends a day late; forwarding is not scheduled): errors beside the dates, nothing saved.
        var form = await chair.GetPageAsync("/Schedule");
        using (var refused = await chair.SubmitFormAsync(form, "/Schedule", "#schedule-form", new Dictionary<string, string>
        {
            ["Input.Stages[3].StartsOn"] = Iso(t), ["Input.Stages[3].EndsOn"] = Iso(t.AddDays(21)),
            ["Input.Stages[4].StartsOn"] = Iso(t.AddDays(26)), ["Input.Stages[4].EndsOn"] = Iso(t.AddDays(28)),
            ["Input.Stages[5].StartsOn"] = Iso(t.AddDays(40)), ["Input.Stages[5].EndsOn"] = Iso(t.AddDays(41)),
        }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(refused);
            ScoringTestData.Text(page, "[data-valmsg-for='Input.Stages[3].EndsOn']").ShouldBe(
                $"Tanggal selesai tahap Penilaian harus di dalam jadwal siklus ({Shown(t)} – {Shown(t.AddDays(20))}).");
            ScoringTestData.Text(page, "[data-valmsg-for='Input.Stages[5].StartsOn']").ShouldBe(
                "Tahap Pengusulan ke tingkat nasional belum dijadwalkan untuk siklus ini, sehingga provinsi belum dapat menetapkan tanggalnya sendiri.");
            ScoringTestData.Text(page, "[data-valmsg-for='Input.Stages[4].StartsOn']").ShouldBe("");
        }

        (await _data.CountAsync("SELECT count(*) FROM province_stages WHERE cycle_id = @c", ("c", _cycle.Id))).ShouldBe(0L);

        using (var saved = await chair.SubmitFormAsync("/Schedule", "#schedule-form", new Dictionary<string, string>
        {
            ["Input.Stages[3].StartsOn"] = Iso(t), ["Input.Stages[3].EndsOn"] = Iso(t.AddDays(12)),
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(saved))).ShouldBe("Jadwal tahapan provinsi Bali telah disimpan.");
        }

        (await _data.RowsAsync("SELECT province_code, stage, starts_on::text, ends_on::text FROM province_stages WHERE cycle_id = @c", ("c", _cycle.Id)))
            .ShouldBe([$"51 | 4 | {Iso(t)} | {Iso(t.AddDays(12))}"]);
        (await _data.RowsAsync("SELECT action, province_code, details->0->>'value' FROM audit_events WHERE entity_type = 'province-stages' AND entity_id = @id",
                ("id", $"{_cycle.YearText}-51")))
            .ShouldBe([$"province-stages.updated | 51 | Scoring: - -> {Iso(t)}..{Iso(t.AddDays(12))}"]);

        // Bali's home page counts from its own date; Jawa Tengah's still from the cycle's.
        StageLines(await chair.GetPageAsync("/")).ShouldBe([$"Tahap Penilaian: 12 hari lagi (sampai {Shown(t.AddDays(12))})"]);
        using var jateng = await _data.SignedInAsync(ScoringTestData.JatengChair);
        StageLines(await jateng.GetPageAsync("/")).ShouldBe([$"Tahap Penilaian: 20 hari lagi (sampai {Shown(t.AddDays(20))})"]);

        // A member reads the schedule but does not change it.
        using var member = await _data.SignedInAsync(ScoringTestData.Member);
        var read = await member.GetPageAsync("/Schedule");
        PortalClient.Text(read.QuerySelector("[data-stage=Scoring] [data-testid=effective-dates]")).ShouldBe($"Berlaku: {Shown(t)} – {Shown(t.AddDays(12))}");
        read.QuerySelector("#schedule-form button[type=submit]").ShouldBeNull();
        var token = PortalClient.ReadForm(read.QuerySelector<IHtmlFormElement>("#schedule-form")!);
        using var denied = await member.PostFieldsAsync("/Schedule", token);
        ScoringTestData.ShouldBeAccessDenied(denied);
    }

    [Fact]
    public async Task The_member_s_cards_come_with_the_round_s_closing_date_most_urgent_first_and_the_chair_sees_who_and_the_plenary()
    {
        var t = Today;
        var category = _cycle.Categories["UMK"];
        var later = await _data.RoundAsync(_cycle, "Wawancara", 40m, RoundStatus.Open, ["WAW"], order: 1);
        var overdue = await _data.RoundAsync(_cycle, "Penilaian dokumen", 30m, RoundStatus.Open, ["KEP"], order: 2);
        var undated = await _data.RoundAsync(_cycle, "Kunjungan", 30m, RoundStatus.Open, ["KEP"], order: 3);
        await TestDatabase.ExecuteAsync(
            $"UPDATE scoring_rounds SET closes_on = '{Iso(t.AddDays(5))}' WHERE id = {later}; UPDATE scoring_rounds SET closes_on = '{Iso(t.AddDays(-2))}' WHERE id = {overdue};",
            portal.Database);
        var a = await _data.NominationAsync(_cycle, category, "PT Urgen A " + Guid.NewGuid().ToString("N")[..6]);
        var b = await _data.NominationAsync(_cycle, category, "PT Urgen B " + Guid.NewGuid().ToString("N")[..6]);
        await _data.AssignAsync(later, a, ScoringTestData.Member);
        await _data.AssignAsync(overdue, a, ScoringTestData.Member, ScoringTestData.Chair);
        await _data.AssignAsync(overdue, b, ScoringTestData.Member);
        await _data.AssignAsync(undated, b, ScoringTestData.Member);
        await _data.NominationAsync(_cycle, category, "PT Pleno " + Guid.NewGuid().ToString("N")[..6], status: NominationStatus.Scored);

        using var member = await _data.SignedInAsync(ScoringTestData.Member);
        WorkLines.Of(await member.GetPageAsync("/")).Where(l => l.Group == "scoring").Select(l => (l.Id, l.Count, l.Detail, l.Late)).ShouldBe(
        [
            ($"cards-{overdue}", 2, $"ditutup {Shown(t.AddDays(-2))}, lewat 2 hari", true),
            ($"cards-{later}", 1, $"ditutup {Shown(t.AddDays(5))}, 5 hari lagi", false),
            ($"cards-{undated}", 1, null, false),
        ]);
        var list = await member.GetPageAsync("/Scoring");
        list.QuerySelectorAll("[data-testid=outstanding-row]").Select(r => PortalClient.Text(r.QuerySelector("[data-testid=closes-on]"))).ShouldBe(
            [Shown(t.AddDays(-2)), Shown(t.AddDays(-2)), Shown(t.AddDays(5)), "—"]);

        using var chair = await _data.SignedInAsync(ScoringTestData.Chair);
        var lines = WorkLines.Of(await chair.GetPageAsync("/"));
        var memberName = await _data.UserNameAsync(ScoringTestData.Member);
        var chairName = await _data.UserNameAsync(ScoringTestData.Chair);
        lines.Where(l => l.Id.StartsWith("round-", StringComparison.Ordinal)).Select(l => (l.Id, l.Count, l.Detail, l.Late)).ShouldBe(
        [
            ($"round-{overdue}", 3, $"ditutup {Shown(t.AddDays(-2))}, lewat 2 hari · {memberName} 2, {chairName} 1", true),
            ($"round-{later}", 1, $"ditutup {Shown(t.AddDays(5))}, 5 hari lagi · {memberName} 1", false),
            ($"round-{undated}", 1, $"{memberName} 1", false),
        ]);
        lines.Where(l => l.Id.StartsWith("plenary-", StringComparison.Ordinal)).Select(l => (l.Id, l.Count, l.Text, l.Href)).ShouldBe(
            [($"plenary-{_cycle.Year}", 1, $"Rapat pleno belum dicatat ({_cycle.Year})", $"/Plenary?cycle={_cycle.Year}")]);
    }
}
