using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Regions;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Tests.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.Notifications;

/// <summary>
/// Coaching and visit reminders are settled when their work is done (docs/decisions/039): resolving
/// the item, recording the visit, withdrawing the nomination marks the open reminders settled (out
/// of the bell) and cancels their mails not yet sent. The portal here has no mail server, so the
/// reminders' mails wait in the outbox.
/// </summary>
public class ReminderSettlingTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private readonly FieldWorkTestData _data = new(fixture);

    private async Task SweepAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>The reminders of a work key: open, settled; its mails: waiting, cancelled.</summary>
    private async Task<string?> StateAsync(string work) => await _data.ScalarAsync<string>(
        """
        SELECT concat_ws('|',
          (SELECT count(*) FROM notifications WHERE work_key = @w AND read_at IS NULL AND settled_at IS NULL),
          (SELECT count(*) FROM notifications WHERE work_key = @w AND settled_at IS NOT NULL),
          (SELECT count(*) FROM outbox_mails WHERE work_key = @w AND sent_at IS NULL AND cancelled_at IS NULL),
          (SELECT count(*) FROM outbox_mails WHERE work_key = @w AND cancelled_at IS NOT NULL))
        """, ("w", work));

    /// <summary>The Bali chairs (each told of every Bali coaching item) and those of them who get mail at once.</summary>
    private async Task<(long Chairs, long Mailed)> ChairsAsync()
    {
        const string chairs = "FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name = 'CommitteeChair' AND u.province_code = '51' AND NOT u.is_disabled";
        return (await _data.CountAsync("SELECT count(*) " + chairs),
            await _data.CountAsync("SELECT count(*) " + chairs + " AND coalesce((SELECT mail FROM user_preferences p WHERE p.user_id = u.id), 'Immediate') = 'Immediate'"));
    }

    private static async Task<int> BellAsync(PortalClient client) =>
        int.Parse((await client.GetPageAsync("/")).QuerySelector("[data-testid=bell]")!.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Resolving_a_coaching_item_settles_its_reminders_and_cancels_their_unsent_mails_and_no_other()
    {
        var (chairs, mailed) = await ChairsAsync();
        chairs.ShouldBeGreaterThan(0);
        var nomination = await _data.NominationAsync();
        var overdue = await _data.ItemAsync(nomination, BaliToday.AddDays(-2));
        var tomorrow = await _data.ItemAsync(nomination, BaliToday.AddDays(1));
        await SweepAsync();
        var overdueWork = Notifier.CoachingWork(overdue);
        var tomorrowWork = Notifier.CoachingWork(tomorrow);
        (await StateAsync(overdueWork)).ShouldBe($"{chairs}|0|{mailed}|0");
        (await StateAsync(tomorrowWork)).ShouldBe($"{chairs}|0|{mailed}|0");
        using var chair = await _data.SignedInAsync(BaliChair);
        var bellBefore = await BellAsync(chair);

        using var member = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Item/{overdue}";
        using (var resolved = await member.SubmitFormAsync(url, "#resolve-form", new Dictionary<string, string> { ["Input.ResolutionNote"] = "Sudah didaftarkan semua." }))
        {
            resolved.Headers.Location!.OriginalString.ShouldBe(url);
        }

        (await StateAsync(overdueWork)).ShouldBe($"0|{chairs}|0|{mailed}");
        (await StateAsync(tomorrowWork)).ShouldBe($"{chairs}|0|{mailed}|0");
        (await BellAsync(chair)).ShouldBe(bellBefore - 1);

        // The sweep does not remind of it again.
        await SweepAsync();
        (await StateAsync(overdueWork)).ShouldBe($"0|{chairs}|0|{mailed}");
    }

    [Fact]
    public async Task Recording_a_visit_as_done_settles_its_reminder_and_cancels_its_unsent_mail()
    {
        var nomination = await _data.NominationAsync();
        var today = BaliToday;
        var tomorrowAt = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        var visit = await _data.VisitAsync(nomination, tomorrowAt);
        var other = await _data.VisitAsync(nomination, tomorrowAt.AddHours(2));
        await SweepAsync();
        var work = Notifier.VisitWork(visit);
        var mailed = await _data.CountAsync(
            "SELECT count(*) FROM users u WHERE u.email = @e AND coalesce((SELECT mail FROM user_preferences p WHERE p.user_id = u.id), 'Immediate') = 'Immediate'", ("e", BaliChair));
        (await StateAsync(work)).ShouldBe($"1|0|{mailed}|0");
        (await StateAsync(Notifier.VisitWork(other))).ShouldBe($"1|0|{mailed}|0");

        using var member = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Record/{visit}";
        var doneAt = ProvinceTime.Today(DateTimeOffset.UtcNow, "51") == today
            ? DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-5)
            : throw new InvalidOperationException("Bali's day turned during the test.");
        using (var recorded = await member.SubmitFormAsync(url, "#record-visit-form", new Dictionary<string, string>
               {
                   ["Input.DoneAt"] = doneAt.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
                   ["Input.Findings"] = "Dikunjungi lebih awal atas permintaan perusahaan.",
               }))
        {
            recorded.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{visit}");
        }

        (await StateAsync(work)).ShouldBe($"0|1|0|{mailed}");
        (await StateAsync(Notifier.VisitWork(other))).ShouldBe($"1|0|{mailed}|0");
    }

    [Fact]
    public async Task Withdrawing_the_nomination_settles_the_reminders_of_its_items_and_visits()
    {
        var (chairs, mailed) = await ChairsAsync();
        var nomination = await _data.NominationAsync();
        var item = await _data.ItemAsync(nomination, BaliToday.AddDays(-1));
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(BaliToday.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        var elsewhere = await _data.NominationAsync();
        var otherItem = await _data.ItemAsync(elsewhere, BaliToday.AddDays(-1));
        await SweepAsync();
        var chairMailed = await _data.CountAsync(
            "SELECT count(*) FROM users u WHERE u.email = @e AND coalesce((SELECT mail FROM user_preferences p WHERE p.user_id = u.id), 'Immediate') = 'Immediate'", ("e", BaliChair));
        (await StateAsync(Notifier.CoachingWork(item))).ShouldBe($"{chairs}|0|{mailed}|0");
        (await StateAsync(Notifier.VisitWork(visit))).ShouldBe($"1|0|{chairMailed}|0");

        using var chair = await _data.SignedInAsync(BaliChair);
        var url = $"/Nominations/Details/{nomination.Id}";
        var page = await chair.GetPageAsync(url);
        using (var withdrawn = await chair.SubmitFormAsync(page, url, "#action-Withdraw", new Dictionary<string, string> { ["reason"] = "Perusahaan mengundurkan diri." }))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", nomination.Id))).ShouldBe((int)NominationStatus.Withdrawn);
        (await StateAsync(Notifier.CoachingWork(item))).ShouldBe($"0|{chairs}|0|{mailed}");
        (await StateAsync(Notifier.VisitWork(visit))).ShouldBe($"0|1|0|{chairMailed}");
        (await StateAsync(Notifier.CoachingWork(otherItem))).ShouldBe($"{chairs}|0|{mailed}|0");
    }
}
