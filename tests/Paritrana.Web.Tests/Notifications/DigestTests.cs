using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Notifications;
using Paritrana.Web.Data;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Tests.Mail;

namespace Paritrana.Web.Tests.Notifications;

/// <summary>The daily digest (docs/decisions/030): from 07:00 WIB, once a day, of what is open, for those who chose it.</summary>
public class DigestTests(ClockedPortalFixture portal) : IClassFixture<ClockedPortalFixture>
{
    private async Task<int> DigestAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestJob>().SendAsync(CancellationToken.None);
    }

    private async Task NotifyAsync(Guid user, NotificationKind kind, string subject, string link, bool read = false)
    {
        await using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>().UseNpgsql(portal.Factory.ConnectionString).Options);
        db.Notifications.Add(new Notification { UserId = user, Kind = kind, ProvinceCode = "51", Subject = subject, Link = link, CreatedAt = portal.Clock.GetUtcNow(), ReadAt = read ? portal.Clock.GetUtcNow() : null });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_digest_user_gets_one_mail_a_day_from_seven_WIB_listing_the_open_notifications_and_nobody_else_does()
    {
        // 06:00 WIB on the clock's day.
        var now = portal.Clock.GetUtcNow();
        var wib = now.ToOffset(TimeSpan.FromHours(7));
        portal.Clock.Advance(new DateTimeOffset(wib.Date.AddDays(1).AddHours(6), TimeSpan.FromHours(7)) - now);

        var digest = await MailTestKit.MemberAsync(portal.Factory, "Made Ringkasan");
        var immediate = await MailTestKit.MemberAsync(portal.Factory, "Nyoman Segera");
        await TestDatabase.ExecuteAsync($"INSERT INTO user_preferences (user_id, mail, language) VALUES ('{digest.Id}', 'DailyDigest', 'id')", portal.Database);
        await NotifyAsync(digest.Id, NotificationKind.NominationReturned, "PT Satu", "/Nominations/Details/1");
        await NotifyAsync(digest.Id, NotificationKind.VisitTomorrow, "PT Dua", "/FieldWork/Visits/Details/2");
        await NotifyAsync(digest.Id, NotificationKind.NominationVerified, "PT Dibaca", "/Nominations/Details/3", read: true);
        await NotifyAsync(immediate.Id, NotificationKind.NominationReturned, "PT Tiga", "/Nominations/Details/4");

        (await DigestAsync()).ShouldBe(0);                      // before 07:00 WIB
        portal.Clock.Advance(TimeSpan.FromHours(1));
        (await DigestAsync()).ShouldBe(1);
        (await DigestAsync()).ShouldBe(0);                      // once a day

        var mail = (await MailTestKit.OutboxAsync(portal.Factory, digest.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Ringkasan harian Portal Paritrana: 2 pemberitahuan terbuka");
        var text = (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT text_body FROM outbox_mails WHERE id = @id", ("id", mail.Id)))!;
        // Each line with its absolute link (Portal:PublicUrl of the test host is http://localhost).
        text.ShouldContain("• Kunjungan ke PT Dua besok — http://localhost/FieldWork/Visits/Details/2\r\n");
        text.ShouldContain("• Nominasi PT Satu dikembalikan untuk diperbaiki — http://localhost/Nominations/Details/1\r\n");
        text.ShouldNotContain("PT Dibaca");
        (await MailTestKit.OutboxAsync(portal.Factory, immediate.Email)).ShouldBeEmpty();

        // The next day, again.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        (await DigestAsync()).ShouldBe(1);
    }
}
