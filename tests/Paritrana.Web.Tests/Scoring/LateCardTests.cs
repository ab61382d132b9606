using System.Globalization;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// "Tolak kartu nilai yang dikirim setelah tanggal penutupan": when the chair marks a round so, a
/// card submitted after the closing day (in WIB) is refused with a clear message; the closing day
/// itself still counts, drafts are still saved, and a round without the mark accepts late cards.
/// The portal's clock is moved to the minutes around midnight WIB (17:00 UTC, the same UTC date).
/// </summary>
public class LateCardTests(ClockedPortalFixture portal) : IClassFixture<ClockedPortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private static Dictionary<string, string> Scores() => new()
    {
        ["Input.Scores[0].Value"] = "4",
        ["Input.Scores[1].Value"] = "80",
        ["Input.Scores[2].Value"] = "4",
    };

    /// <summary>"Kirim kartu nilai", then "Ya, kirim kartu nilai" when the confirmation step is shown.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string url)
    {
        var first = await client.SubmitFormAsync(url, "#scorecard-form", Scores(), "#submit-button");
        if (first.StatusCode != HttpStatusCode.OK)
        {
            return first;
        }

        var html = await first.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(html);
        if (page.QuerySelector("#confirm-form") is null)
        {
            first.Content = new StringContent(html);
            return first;
        }

        first.Dispose();
        return await client.SubmitFormAsync(page, url, "#confirm-form", new Dictionary<string, string>(), "#confirm-submit");
    }

    private void MoveClockTo(DateOnly wibDay, int hour, int minute)
    {
        var target = new DateTimeOffset(wibDay.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7));
        portal.Clock.Advance(target - portal.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_card_is_refused_after_the_closing_day_in_WIB_only_when_the_chair_marked_the_round()
    {
        var closes = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(10);
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var strict = await data.RoundAsync(cycle, "Penilaian Tegas", 50m, RoundStatus.Open, ["KEP", "WAW"], order: 1);
        var lenient = await data.RoundAsync(cycle, "Penilaian Longgar", 50m, RoundStatus.Open, ["KEP", "WAW"], order: 2);
        var closesIso = closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await TestDatabase.ExecuteAsync($"UPDATE scoring_rounds SET closes_on = '{closesIso}', refuse_late_cards = (id = {strict}) WHERE id IN ({strict}, {lenient})", portal.Database);
        var onTime = await data.NominationAsync(cycle, cycle.Large, "PT Tepat Waktu " + Guid.NewGuid().ToString("N")[..6]);
        var late = await data.NominationAsync(cycle, cycle.Large, "PT Terlambat " + Guid.NewGuid().ToString("N")[..6]);
        await data.AssignAsync(strict, onTime, ScoringTestData.Member);
        await data.AssignAsync(strict, late, ScoringTestData.Member);
        await data.AssignAsync(lenient, late, ScoringTestData.Member);

        // 23:59 WIB on the closing day (16:59 UTC): still on time.
        MoveClockTo(closes, 23, 59);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        using (var submitted = await SubmitAsync(member, ScoringTestData.Card(strict, onTime)))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(submitted))).ShouldStartWith("Kartu nilai telah dikirim.");
        }

        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE round_id = @r AND nomination_id = @n AND status = 2", ("r", strict), ("n", onTime))).ShouldBe(1L);

        // 00:01 WIB the next day, still the closing date in UTC: refused, and nothing is stored.
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var refused = await SubmitAsync(member, ScoringTestData.Card(strict, late)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(refused))).ShouldBe(
                $"Kartu nilai tidak dapat dikirim: babak ini ditutup untuk kartu nilai pada {closes.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))} (WIB), dan ketua menetapkan bahwa kartu yang dikirim setelahnya ditolak. Isian Anda tidak dikirim; hubungi ketua bila perlu.");
        }

        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE round_id = @r AND nomination_id = @n", ("r", strict), ("n", late))).ShouldBe(0L);

        // A draft is still saved: nothing but the submission is blocked by the date.
        using (var saved = await member.SubmitFormAsync(ScoringTestData.Card(strict, late), "#scorecard-form", Scores(), "#save-button"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The round without the mark takes the late card.
        using (var accepted = await SubmitAsync(member, ScoringTestData.Card(lenient, late)))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await data.RowsAsync("SELECT r.name, c.status FROM scorecards c JOIN scoring_rounds r ON r.id = c.round_id JOIN nominations n ON n.id = c.nomination_id WHERE r.cycle_id = @c ORDER BY r.sort_order, n.id", ("c", cycle.Id)))
            .ShouldBe(["Penilaian Tegas | 2", "Penilaian Tegas | 1", "Penilaian Longgar | 2"]);
    }
}
