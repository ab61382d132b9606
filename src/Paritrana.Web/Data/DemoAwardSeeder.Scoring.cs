using Paritrana.Web.Data.Demo;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Data;

/// <summary>
/// Bali's scoring of a cycle (Data/Demo/scoring.json): the template criteria, set by the
/// administrator; the three default rounds, opened (and, for the history, closed) by the chair as
/// the round page does it, with its audit events; the scorers assigned; and every card saved or
/// submitted by its scorer through <see cref="ScorecardService"/>, at the card's time: the card
/// page's validation, total, criteria lock, score history and audit event are the portal's, and a
/// card the portal would refuse stops the seeding. In the current cycle the chair's cards are
/// submitted and the member's still drafts, so the rule of who sees whose scores (docs/decisions/010)
/// can be watched. Cards are seeded only on nominations ready for scoring, and only while Bali has
/// neither rounds nor a plenary in the cycle.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    public const string HistoryProvince = "51";

    public static string ChairProvinceStrengths => CurrentChairCard("51").Strengths!;

    public static string ChairBadungStrengths => CurrentChairCard("51.03").Strengths!;

    private static DemoCard CurrentChairCard(string region) => DemoData.Scoring.Current.Cards.Single(c => c.Submitted && c.GovernmentOf == region);

    /// <param name="everyCategory">Criteria for every active category of the cycle (else only for the categories scored).</param>
    private async Task SeedScoringAsync(int cycleId, DemoScoring plan, bool everyCategory, CancellationToken ct)
    {
        var province = plan.Province;
        var nominations = await db.Nominations.AsNoTracking().Include(n => n.Organisation)
            .Where(n => n.CycleId == cycleId && n.ProvinceCode == province)
            .ToListAsync(ct);
        var cards = plan.Cards
            .Select(c => (Card: c, Nomination: nominations.SingleOrDefault(n => IsOf(n.Organisation!, c))))
            .Where(c => c.Nomination is { Status: NominationStatus.ReadyForScoring })
            .Select(c => (c.Card, Nomination: c.Nomination!))
            .ToList();
        var categoryIds = cards.Select(c => c.Nomination.CategoryId).ToHashSet();
        var categories = await db.Categories.Where(c => c.CycleId == cycleId && c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        await TemplateCriteriaAsync(cycleId, everyCategory ? categories : categories.Where(c => categoryIds.Contains(c.Id)).ToList(), _calendar.Wib(plan.CriteriaSet), ct);
        if (cards.Count == 0
            || await db.ScoringRounds.AnyAsync(r => r.CycleId == cycleId && r.ProvinceCode == province, ct)
            || await db.Plenaries.AnyAsync(p => p.CycleId == cycleId && p.ProvinceCode == province, ct))
        {
            return;
        }

        var users = await UserIdsAsync(ct);
        var planned = plan.Rounds.ToDictionary(r => r.Kind);
        var rounds = DefaultRounds(cycleId, province, CriteriaTemplates.DefaultRounds, kind => planned.TryGetValue(kind, out var r) ? _calendar.Wib(r.Opened) : null);
        db.ScoringRounds.AddRange(rounds);
        await db.SaveChangesAsync(ct);
        foreach (var round in rounds.Where(r => r.OpenedAt is not null))
        {
            await AuditAsync(AuditActions.RoundOpened, "scoring-round", Key(round.Id), province, AuditDetails.Text($"'{round.Name}'"), plan.Chair, round.OpenedAt!.Value);
        }

        // The chair assigns each scorer of a card to it, an hour after the round opened.
        foreach (var (card, nomination) in cards.DistinctBy(c => (c.Card.Round, c.Nomination.Id, c.Card.By)))
        {
            var round = rounds.Single(r => r.Kind == card.Round);
            db.Assignments.Add(new Assignment
            {
                RoundId = round.Id, NominationId = nomination.Id, ScorerId = users[card.By], AssignedBy = users[plan.Chair], AssignedAt = round.OpenedAt!.Value.AddHours(1),
            });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var (card, nomination) in cards.OrderBy(c => _calendar.Wib(c.Card.At)))
        {
            await SaveCardAsync(rounds.Single(r => r.Kind == card.Round).Id, nomination, card, ct);
        }

        await CloseRoundsAsync(plan, rounds, ct);
    }

    /// <summary>The rounds of the plan that were closed, closed at their time with the round page's audit event.</summary>
    private async Task CloseRoundsAsync(DemoScoring plan, List<ScoringRound> rounds, CancellationToken ct)
    {
        foreach (var round in plan.Rounds.Where(r => r.Closed is not null))
        {
            var id = rounds.Single(r => r.Kind == round.Kind).Id;
            var closedAt = _calendar.Wib(round.Closed!);
            await db.ScoringRounds.Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Closed).SetProperty(r => r.ClosedAt, closedAt), ct);
            await AuditAsync(AuditActions.RoundClosed, "scoring-round", Key(id), plan.Province, AuditDetails.Text($"'{rounds.Single(r => r.Id == id).Name}'"), plan.Chair, closedAt);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>One card, loaded and saved (a draft) or submitted by its scorer at its time, as the card page does.</summary>
    private async Task SaveCardAsync(int roundId, Nomination nomination, DemoCard card, CancellationToken ct)
    {
        var act = await actor.AsAsync(card.By, _calendar.Wib(card.At));
        var context = await act.Cards.LoadAsync(roundId, nomination.Id, act.User.Id!.Value, await act.User.GetScopeAsync(ct), ct, forSave: true)
            ?? throw new InvalidOperationException($"Demo card of nomination {nomination.Id} by {card.By}: the card page would not open (not assigned, or out of scope).");
        var indicators = context.Indicators.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal);
        var comments = card.Comments ?? new Dictionary<string, string>();
        if (card.Scores.Keys.Concat(comments.Keys).FirstOrDefault(code => !indicators.ContainsKey(code)) is { } unknown)
        {
            throw new InvalidOperationException($"Demo card of nomination {nomination.Id}, round {context.RoundName}: {unknown} is not an indicator of the round.");
        }

        var values = new Dictionary<string, decimal>(card.Scores, StringComparer.Ordinal);
        foreach (var (code, value) in card.FromFigures ? FromFigures(nomination) : [])
        {
            if (indicators.ContainsKey(code))
            {
                values[code] = value;
            }
        }

        var entries = indicators
            .Where(i => values.ContainsKey(i.Key) || comments.ContainsKey(i.Key))
            .Select(i => new ScorecardService.ScoreEntry(i.Value, values.TryGetValue(i.Key, out var v) ? ScoreText.ForInput(v) : null, comments.GetValueOrDefault(i.Key)))
            .ToList();
        var result = await act.Cards.SaveAsync(context, new ScorecardService.CardInput(0, context.CriteriaSetId, card.Strengths, entries), card.Submitted, ct);
        if (result.Status != (card.Submitted ? ScorecardService.SaveStatus.Submitted : ScorecardService.SaveStatus.Saved))
        {
            throw new InvalidOperationException(
                $"Demo card of nomination {nomination.Id}, round {context.RoundName}, by {card.By} is refused ({result.Status}): {result.Message} "
                + string.Join("; ", result.IndicatorErrors?.Values ?? []));
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>The demo accounts' ids by e-mail (DemoSeeder.Accounts).</summary>
    private async Task<Dictionary<string, Guid>> UserIdsAsync(CancellationToken ct)
    {
        var emails = DemoSeeder.Accounts.Select(a => a.Email).ToList();
        return await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.Ordinal, ct);
    }

    /// <summary>The current criteria set of each category for the stage: the template, created (at <paramref name="createdAt"/>) where missing.</summary>
    private async Task TemplateCriteriaAsync(int cycleId, List<Category> categories, DateTimeOffset createdAt, CancellationToken ct, ScoringStage stage = ScoringStage.Provincial)
    {
        var ids = categories.Select(c => c.Id).ToList();
        var existing = await db.CriteriaSets.Where(s => ids.Contains(s.CategoryId) && s.Stage == stage && s.IsCurrent).Select(s => s.CategoryId).ToListAsync(ct);
        foreach (var category in categories.Where(c => !existing.Contains(c.Id)))
        {
            var set = CriteriaTemplates.Build(cycleId, category.Id, category.Kind, createdAt);
            set.Stage = stage;
            db.CriteriaSets.Add(set);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A province's default rounds in a cycle (<see cref="CriteriaTemplates.DefaultRounds"/>), or the
    /// national jury's (<see cref="CriteriaTemplates.NationalRounds"/>), open from the time
    /// <paramref name="opened"/> gives, else drafts; closing comes after their cards.
    /// </summary>
    private static List<ScoringRound> DefaultRounds(
        int cycleId, string scopeValue, IReadOnlyList<(string Name, RoundKind Kind, decimal Weight, string[] AspectCodes)> templates, Func<RoundKind, DateTimeOffset?> opened)
    {
        var order = 0;
        return templates.Select(r => new ScoringRound
        {
            CycleId = cycleId,
            ProvinceCode = scopeValue,
            Name = r.Name,
            Kind = r.Kind,
            Weight = r.Weight,
            SortOrder = ++order,
            Status = opened(r.Kind) is null ? RoundStatus.Draft : RoundStatus.Open,
            OpenedAt = opened(r.Kind),
            Aspects = r.AspectCodes.Select(c => new RoundAspect { AspectCode = c }).ToList(),
        }).ToList();
    }

    /// <summary>
    /// The indicators a scorer reads off the nomination's figures: coverage of PU workers in the
    /// BPS workforce, of BPU workers among those without PU, and of non-ASN staff (governments);
    /// workers registered, JMO users, validated NIK and the programmes level (companies).
    /// </summary>
    private static IEnumerable<(string Code, decimal Value)> FromFigures(Nomination n)
    {
        if (n.WorkforceBps is not null)
        {
            // As the scorecard computes them (ComputedIndicators, docs/decisions/035).
            foreach (var (code, value) in ComputedIndicators.Of(n))
            {
                yield return (code, value);
            }

            yield break;
        }

        var workers = n.Workers ?? 0;
        yield return ("KEP1", Percent(Math.Min(workers, (n.ParticipantsPu ?? 0) + (n.ParticipantsBpu ?? 0)), workers));
        // The rubric of KEP2: one programme 1, JKK and JKM 2, with JHT 3, with JP 4, all five 5.
        yield return ("KEP2", Math.Max(1, new[] { Programs.Jkk, Programs.Jkm, Programs.Jht, Programs.Jp, Programs.Jkp }.Count(p => n.Programs.HasFlag(p))));
        yield return ("DIG2", Percent(n.JmoUsers ?? 0, workers));
        yield return ("DIG3", n.NikValidatedPercent ?? 0m);
    }

    private static decimal Percent(long part, long whole) => Coverage.Percentage(part, whole) ?? 0m;
}
