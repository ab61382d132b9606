using Paritrana.Web.Data.Demo;
using Paritrana.Web.Features.National;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Data;

/// <summary>
/// The national stage of the 2021 history (Data/Demo/scoring.json, "national"; docs/decisions/043):
/// the national criteria of the pool's categories from the template, set by the administrator (the
/// national secretariat); the two default national rounds, opened and closed at their times with the
/// round page's audit events; each juror assigned by the administrator through
/// <see cref="AssignmentService"/> (which refuses a juror of the candidate's home province, so data
/// that breaks the jury's conflict rule stops the seeding); and every card saved by its juror through
/// <see cref="ScorecardService"/>, as on the card page. Seeded only while the cycle has no national
/// round and its pool is not empty.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    private Task<bool> HistoryClosedAsync(int historyId, CancellationToken ct) =>
        db.AwardCycles.AnyAsync(c => c.Id == historyId && c.IsClosed, ct);

    private async Task SeedNationalAsync(int cycleId, DemoScoring plan, CancellationToken ct)
    {
        var pool = await NationalPool.Of(db, cycleId).AsNoTracking().Include(n => n.Organisation).ToListAsync(ct);
        // A history closed by an earlier start (before the national stage was in the data) stays as it was.
        if (pool.Count == 0 || await HistoryClosedAsync(cycleId, ct)
            || await db.ScoringRounds.AnyAsync(r => r.CycleId == cycleId && r.ProvinceCode == NationalStage.Code, ct))
        {
            return;
        }

        var national = plan with { Province = NationalStage.Code };
        var cards = national.Cards.Select(c => (Card: c, Nomination: pool.SingleOrDefault(n => IsOf(n.Organisation!, c))
            ?? throw new InvalidOperationException($"Demo national card of {c.GovernmentOf ?? c.Npp}: not in the national pool ({string.Join(", ", pool.Select(n => n.Organisation!.Name))}).")))
            .ToList();
        var categoryIds = pool.Select(n => n.CategoryId).ToHashSet();
        var categories = await db.Categories.Where(c => categoryIds.Contains(c.Id)).OrderBy(c => c.SortOrder).ToListAsync(ct);
        await TemplateCriteriaAsync(cycleId, categories, _calendar.Wib(national.CriteriaSet), ct, ScoringStage.National);

        var planned = national.Rounds.ToDictionary(r => r.Kind);
        var rounds = DefaultRounds(cycleId, NationalStage.Code, CriteriaTemplates.NationalRounds, kind => planned.TryGetValue(kind, out var r) ? _calendar.Wib(r.Opened) : null);
        db.ScoringRounds.AddRange(rounds);
        await db.SaveChangesAsync(ct);
        foreach (var round in rounds.Where(r => r.OpenedAt is not null))
        {
            await AuditAsync(AuditActions.RoundOpened, "scoring-round", Key(round.Id), NationalStage.Code, AuditDetails.Text($"'{round.Name}'"), national.Chair, round.OpenedAt!.Value);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var users = await UserIdsAsync(ct);
        foreach (var (card, nomination) in cards.DistinctBy(c => (c.Card.Round, c.Nomination.Id, c.Card.By)))
        {
            var round = rounds.Single(r => r.Kind == card.Round);
            var act = await actor.AsAsync(national.Chair, round.OpenedAt!.Value.AddHours(1));
            var outcome = await act.Assignments.AssignOneAsync(
                new AssignmentService.RoundRef(round.Id, cycleId, NationalStage.Code, round.Name, RoundStatus.Open), nomination.Id, users[card.By], users[national.Chair], ct);
            if (!outcome.Done)
            {
                throw new InvalidOperationException($"Demo national assignment of {card.By} to nomination {nomination.Id} in {round.Name} is refused: {outcome.Message}");
            }

            db.ChangeTracker.Clear();
        }

        foreach (var (card, nomination) in cards.OrderBy(c => _calendar.Wib(c.Card.At)))
        {
            await SaveCardAsync(rounds.Single(r => r.Kind == card.Round).Id, nomination, card, ct);
        }

        await CloseRoundsAsync(national, rounds, ct);
    }
}
