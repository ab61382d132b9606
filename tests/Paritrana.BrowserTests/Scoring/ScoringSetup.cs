using Microsoft.EntityFrameworkCore;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;

namespace Paritrana.BrowserTests.Scoring;

/// <summary>What the scorecard tests write straight into their database (the journey test makes it through the pages).</summary>
public static class ScoringSetup
{
    public const string Member = "anggota.bali@paritrana.demo";

    /// <summary>The demo's criteria of the 2025 large companies (the template), an open interview round of Bali, and the demo's Bank BPD Bali ready for scoring and assigned to the member.</summary>
    public static async Task<(int Round, int Nomination)> InterviewRoundWithBankBpdBaliAsync(BrowserPortal portal)
    {
        await using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>().UseNpgsql(TestDatabase.ConnectionStringFor(portal.Database)).Options);
        var now = DateTimeOffset.UtcNow;
        var cycle = await db.AwardCycles.Where(c => c.IsCurrent).Select(c => c.Id).SingleAsync();
        var nomination = await db.Nominations.SingleAsync(n => n.Organisation!.Npp == DemoAwardSeeder.BankBpdBaliNpp && n.CycleId == cycle);
        nomination.Status = NominationStatus.ReadyForScoring;
        var round = new ScoringRound
        {
            CycleId = nomination.CycleId, ProvinceCode = "51", Name = "Wawancara uji papan ketik", Kind = RoundKind.Interview, Weight = 100m, SortOrder = 1,
            Status = RoundStatus.Open, OpenedAt = now, Aspects = [new RoundAspect { AspectCode = "WAW" }],
        };
        db.ScoringRounds.Add(round);
        await db.SaveChangesAsync();
        var member = await db.Users.Where(u => u.Email == ScoringSetup.Member).Select(u => u.Id).SingleAsync();
        db.Assignments.Add(new Assignment { RoundId = round.Id, NominationId = nomination.Id, ScorerId = member, AssignedBy = member, AssignedAt = now });
        await db.SaveChangesAsync();
        return (round.Id, nomination.Id);
    }

    /// <summary>The demo's draft card of the member on a government (the current cycle's open documents round): its round and nomination.</summary>
    public static async Task<(int Round, int Nomination)> DemoGovernmentDraftAsync(BrowserPortal portal)
    {
        await using var db = new ParitranaDbContext(new DbContextOptionsBuilder<ParitranaDbContext>().UseNpgsql(TestDatabase.ConnectionStringFor(portal.Database)).Options);
        var member = await db.Users.Where(u => u.Email == Member).Select(u => u.Id).SingleAsync();
        var card = await (
                from a in db.Assignments
                where a.ScorerId == member
                join r in db.ScoringRounds on a.RoundId equals r.Id
                where r.Status == RoundStatus.Open
                join n in db.Nominations on a.NominationId equals n.Id
                where n.WorkforceBps != null
                orderby n.RegencyCode == null descending, n.Id
                select new { a.RoundId, a.NominationId })
            .FirstAsync();
        return (card.RoundId, card.NominationId);
    }
}
