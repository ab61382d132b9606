using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Notifications;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Tests.Mail;
using Paritrana.Web.Tests.Nominations;

namespace Paritrana.Web.Tests.Notifications;

/// <summary>
/// The reminder sweep (docs/decisions/030): coaching items due tomorrow or overdue and visits
/// tomorrow, each reminded once to the people of its province, however many sweeps run at once.
/// </summary>
public class ReminderSweepTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly NominationTestData _data = new(portal);

    private async Task<int> FieldNominationAsync(string regency) =>
        await _data.NominationAsync(await _data.SharedCycleAsync(), await _data.EmployerAsync(regency), NominationStatus.InFieldAssessment);

    private async Task<int> CoachingAsync(int nomination, string province, DateOnly due, Guid createdBy)
    {
        await using var db = _data.NewContext();
        var item = new CoachingItem
        {
            NominationId = nomination, ProvinceCode = province, Finding = "Temuan", Recommendation = "Saran", DueDate = due,
            CreatedBy = createdBy, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.CoachingItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private async Task<int> VisitAsync(int nomination, string province, DateTimeOffset at, params Guid[] members)
    {
        await using var db = _data.NewContext();
        var visit = new Visit
        {
            NominationId = nomination, ProvinceCode = province, PlannedAt = at.ToUniversalTime(), Place = "Kantor", Purpose = "Kunjungan",
            CreatedBy = members[0], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Members = members.Select(m => new VisitMember { UserId = m }).ToList(),
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    private async Task<ReminderSweep.Report> SweepAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
    }

    private Task<long> BaliChairsAsync() => _data.CountAsync(
        "SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name = 'CommitteeChair' AND u.province_code = '51' AND NOT u.is_disabled");

    [Fact]
    public async Task Three_sweeps_at_once_queue_each_reminder_once_to_the_province_s_people_only()
    {
        await SweepAsync(); // what the demo data has due now, out of the way
        var chairs = await BaliChairsAsync();
        var jatengChair = await _data.ScalarAsync<Guid>("SELECT id FROM users WHERE email = 'ketua.jateng@paritrana.demo'");
        for (var round = 0; round < 5; round++)
        {
            var member = await MailTestKit.MemberAsync(portal.Factory, $"Anggota Pengingat {round}");
            var bali = await FieldNominationAsync("51.71");
            var now = DateTimeOffset.UtcNow;
            var today = ProvinceTime.Today(now, "51");
            var tomorrowItem = await CoachingAsync(bali, "51", today.AddDays(1), member.Id);
            var overdueItem = await CoachingAsync(bali, "51", today.AddDays(-2), member.Id);
            await CoachingAsync(bali, "51", today, member.Id);                 // due today: neither
            await CoachingAsync(bali, "51", today.AddDays(5), member.Id);      // later: nothing yet
            // Tomorrow at 10:00 in Bali (WITA), and the day after: only the first.
            var tomorrowAt = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
            var visit = await VisitAsync(bali, "51", tomorrowAt, member.Id);
            await VisitAsync(bali, "51", tomorrowAt.AddDays(1), member.Id);
            // A Jawa Tengah item created (oddly) by the Bali member: only Jawa Tengah's chair hears of it.
            var jateng = await FieldNominationAsync("33.74");
            var jatengItem = await CoachingAsync(jateng, "33", ProvinceTime.Today(now, "33").AddDays(1), member.Id);

            using var start = new Barrier(3);
            var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await SweepAsync();
            })).ToList();
            var reports = await Task.WhenAll(runs);

            // Creator and chairs for each Bali item, the member for the visit, Jawa Tengah's chair(s) for theirs.
            var jatengChairs = await _data.CountAsync("SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name = 'CommitteeChair' AND u.province_code = '33' AND NOT u.is_disabled");
            var expected = (int)(2 * (chairs + 1) + 1 + jatengChairs);
            reports.Sum(r => r.Total).ShouldBe(expected, $"round {round}");
            reports.Sum(r => r.Notifications.GetValueOrDefault(NotificationKind.CoachingDueTomorrow)).ShouldBe((int)(chairs + 1 + jatengChairs));
            reports.Sum(r => r.Notifications.GetValueOrDefault(NotificationKind.CoachingOverdue)).ShouldBe((int)(chairs + 1));
            reports.Sum(r => r.Notifications.GetValueOrDefault(NotificationKind.VisitTomorrow)).ShouldBe(1);

            (await _data.ScalarAsync<string>(
                "SELECT string_agg(kind || ' ' || link, ',' ORDER BY kind, link) FROM notifications WHERE user_id = @u", ("u", member.Id)))
                .ShouldBe($"CoachingDueTomorrow /FieldWork/Coaching/Item/{tomorrowItem},CoachingOverdue /FieldWork/Coaching/Item/{overdueItem},VisitTomorrow /FieldWork/Visits/Details/{visit}");
            (await _data.CountAsync("SELECT count(*) FROM notifications WHERE link = @l", ("l", $"/FieldWork/Coaching/Item/{jatengItem}"))).ShouldBe(jatengChairs);
            (await _data.CountAsync("SELECT count(*) FROM notifications WHERE link = @l AND user_id = @j", ("l", $"/FieldWork/Coaching/Item/{jatengItem}"), ("j", jatengChair))).ShouldBe(1);
            // One mail per reminder of the member (immediate by default): three, whatever the three sweeps did.
            (await MailTestKit.OutboxAsync(portal.Factory, member.Email)).Select(m => m.Subject).Order(StringComparer.Ordinal).ShouldBe(
            [
                $"Butir pembinaan {await NameAsync(bali)} jatuh tempo besok",
                $"Butir pembinaan {await NameAsync(bali)} sudah lewat jatuh tempo",
                $"Kunjungan ke {await NameAsync(bali)} besok",
            ]);

            // Run again: nothing new.
            (await SweepAsync()).Total.ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_round_closing_in_three_days_reminds_its_scorers_with_cards_still_to_send()
    {
        await SweepAsync();
        var waiting = await MailTestKit.MemberAsync(portal.Factory, "Penilai Belum Kirim");
        var done = await MailTestKit.MemberAsync(portal.Factory, "Penilai Sudah Kirim");
        var cycle = await _data.SharedCycleAsync();
        var nomination = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71"), NominationStatus.ReadyForScoring);
        var today = ProvinceTime.Today(DateTimeOffset.UtcNow, "51");
        int closing, later;
        await using (var db = _data.NewContext())
        {
            var soon = new ScoringRound { CycleId = cycle.Id, ProvinceCode = "51", Name = "Babak Tutup Segera " + Guid.NewGuid().ToString("N")[..6], Kind = RoundKind.Documents, Weight = 50m, Status = RoundStatus.Open, ClosesOn = today.AddDays(3), SortOrder = 1 };
            var after = new ScoringRound { CycleId = cycle.Id, ProvinceCode = "51", Name = "Babak Tutup Nanti", Kind = RoundKind.Documents, Weight = 50m, Status = RoundStatus.Open, ClosesOn = today.AddDays(4), SortOrder = 2 };
            db.ScoringRounds.AddRange(soon, after);
            await db.SaveChangesAsync();
            (closing, later) = (soon.Id, after.Id);
            foreach (var (round, scorer) in new[] { (closing, waiting.Id), (closing, done.Id), (later, waiting.Id) })
            {
                db.Assignments.Add(new Assignment { RoundId = round, NominationId = nomination, ScorerId = scorer, AssignedBy = scorer, AssignedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        // The second scorer's card is sent: nothing to remind them of.
        await TestDatabase.ExecuteAsync(
            $"INSERT INTO scorecards (round_id, nomination_id, scorer_id, criteria_set_id, province_code, status, updated_at) SELECT {closing}, {nomination}, '{done.Id}', (SELECT id FROM criteria_sets LIMIT 1), '51', {(int)ScorecardStatus.Submitted}, now()",
            portal.Database);

        var report = await SweepAsync();
        report.Notifications.ShouldBe(new Dictionary<NotificationKind, int> { [NotificationKind.RoundClosingSoon] = 1 });
        (await _data.ScalarAsync<string>("SELECT kind || ' ' || subject FROM notifications WHERE user_id = @u", ("u", waiting.Id)))
            .ShouldBe($"RoundClosingSoon {await _data.ScalarAsync<string>("SELECT name FROM scoring_rounds WHERE id = @id", ("id", closing))}");
        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE user_id = @u", ("u", done.Id))).ShouldBe(0);
        (await SweepAsync()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_command_prints_what_it_queued()
    {
        await SweepAsync();
        var member = await MailTestKit.MemberAsync(portal.Factory, "Anggota Perintah");
        var bali = await FieldNominationAsync("51.71");
        var today = ProvinceTime.Today(DateTimeOffset.UtcNow, "51");
        var chairs = await BaliChairsAsync();
        await CoachingAsync(bali, "51", today.AddDays(-1), member.Id);
        var tomorrowAt = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        await VisitAsync(bali, "51", tomorrowAt, member.Id);

        var output = new StringWriter();
        (await ReminderCommand.RunAsync(portal.Factory.Services, output)).ShouldBe(0);
        // The overdue item to its creator and Bali's chairs, the visit to its member; each mailed (immediate by default).
        output.ToString().ShouldBe(
            $"CoachingOverdue: {chairs + 1}\nVisitTomorrow: 1\nReminders queued: {chairs + 2}; mails queued: {chairs + 2}.\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        (await ReminderCommand.RunAsync(portal.Factory.Services, output = new StringWriter())).ShouldBe(0);
        output.ToString().ShouldBe("Reminders queued: 0; mails queued: 0." + Environment.NewLine);
    }

    private async Task<string> NameAsync(int nomination) =>
        (await _data.ScalarAsync<string>("SELECT o.name FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE n.id = @id", ("id", nomination)))!;
}
