using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Tests.Scoring;

namespace Paritrana.Web.Tests.Notifications;

/// <summary>
/// "Ditutup dalam 3 hari" is settled per person and round (docs/decisions/045): when the person
/// sends the last card they still had to send in that round (not before), and for everyone when the
/// chair closes the round; each time its mail not yet sent is cancelled. The portal has no mail
/// server here, so the reminders' mails wait in the outbox.
/// </summary>
public class RoundReminderSettlingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData _data = new(portal);

    private async Task SweepAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>"open | settled | mails waiting | mails cancelled" of a work key.</summary>
    private async Task<string?> StateAsync(string work) => await _data.ScalarAsync<string>(
        """
        SELECT concat_ws('|',
          (SELECT count(*) FROM notifications WHERE work_key = @w AND read_at IS NULL AND settled_at IS NULL),
          (SELECT count(*) FROM notifications WHERE work_key = @w AND settled_at IS NOT NULL),
          (SELECT count(*) FROM outbox_mails WHERE work_key = @w AND sent_at IS NULL AND cancelled_at IS NULL),
          (SELECT count(*) FROM outbox_mails WHERE work_key = @w AND cancelled_at IS NOT NULL))
        """, ("w", work));

    private async Task<long> MailedAsync(string email) => await _data.CountAsync(
        "SELECT count(*) FROM users u WHERE u.email = @e AND coalesce((SELECT mail FROM user_preferences p WHERE p.user_id = u.id), 'Immediate') = 'Immediate'", ("e", email));

    private static Dictionary<string, string> Scores() => new()
    {
        ["Input.Scores[0].Value"] = "4",
        ["Input.Scores[1].Value"] = "80",
        ["Input.Scores[2].Value"] = "4",
    };

    /// <summary>"Kirim kartu nilai", then "Ya, kirim kartu nilai" when the confirmation step is shown.</summary>
    private static async Task SubmitAsync(PortalClient client, string url)
    {
        var first = await client.SubmitFormAsync(url, "#scorecard-form", Scores(), "#submit-button");
        if (first.StatusCode == HttpStatusCode.OK && (await PortalClient.ParseAsync(await first.Content.ReadAsStringAsync())) is var page && page.QuerySelector("#confirm-form") is not null)
        {
            first.Dispose();
            first = await client.SubmitFormAsync(page, url, "#confirm-form", new Dictionary<string, string>(), "#confirm-submit");
        }

        using (first)
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            ScoringTestData.Status(await PortalClient.ParseAsync(await client.FollowAsync(first))).ShouldStartWith("Kartu nilai telah dikirim.");
        }
    }

    [Fact]
    public async Task The_reminder_is_settled_when_the_person_sends_their_last_card_of_the_round_and_for_the_others_when_it_closes()
    {
        var cycle = await _data.CycleAsync();
        await _data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await _data.RoundAsync(cycle, "Babak Tutup Segera " + Guid.NewGuid().ToString("N")[..6], 100m, RoundStatus.Open, ["KEP", "WAW"]);
        var today = ProvinceTime.Today(DateTimeOffset.UtcNow, "51");
        await TestDatabase.ExecuteAsync($"UPDATE scoring_rounds SET closes_on = '{today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}' WHERE id = {round}", portal.Database);
        var first = await _data.NominationAsync(cycle, cycle.Large, "PT Kartu Satu " + Guid.NewGuid().ToString("N")[..6]);
        var second = await _data.NominationAsync(cycle, cycle.Large, "PT Kartu Dua " + Guid.NewGuid().ToString("N")[..6]);
        var other = await _data.CommitteeMemberAsync("Penilai Lain");
        await _data.AssignAsync(round, first, ScoringTestData.Member, other);
        await _data.AssignAsync(round, second, ScoringTestData.Member);
        var memberWork = Notifier.RoundWork(round, await _data.UserIdAsync(ScoringTestData.Member));
        var otherWork = Notifier.RoundWork(round, await _data.UserIdAsync(other));
        var memberMailed = await MailedAsync(ScoringTestData.Member);

        await SweepAsync();
        (await StateAsync(memberWork)).ShouldBe($"1|0|{memberMailed}|0");
        (await StateAsync(otherWork)).ShouldBe("1|0|1|0");

        // One of the member's two cards sent: the round still asks something of them.
        using var member = await _data.SignedInAsync(ScoringTestData.Member);
        await SubmitAsync(member, ScoringTestData.Card(round, first));
        (await StateAsync(memberWork)).ShouldBe($"1|0|{memberMailed}|0");

        // The last one: settled, its mail cancelled; the other scorer's reminder stays.
        await SubmitAsync(member, ScoringTestData.Card(round, second));
        (await StateAsync(memberWork)).ShouldBe($"0|1|0|{memberMailed}");
        (await StateAsync(otherWork)).ShouldBe("1|0|1|0");

        // The chair closes the round: nothing can be sent any more, so the other's reminder is settled too.
        using var chair = await _data.SignedInAsync(ScoringTestData.Chair);
        var url = $"/Scoring/Rounds/Details/{round}";
        using (var closed = await chair.SubmitFormAsync(url, "#close-form", new Dictionary<string, string>()))
        {
            closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe((int)RoundStatus.Closed);
        (await StateAsync(otherWork)).ShouldBe("0|1|0|1");
        (await StateAsync(memberWork)).ShouldBe($"0|1|0|{memberMailed}");
    }
}
