using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Data;

/// <summary>
/// What the demo's scoring (the 2021 history and the 2025 round in progress) shares: the criteria
/// from the templates, cards as the card page stores them, and each card's score history and audit
/// event as <see cref="ScorecardService"/> writes them.
/// </summary>
public sealed partial class DemoAwardSeeder
{
    /// <summary>A demo account that scores or decides (DemoSeeder.Accounts).</summary>
    private sealed record DemoUser(Guid Id, string FullName, string Email);

    private async Task<Dictionary<string, DemoUser>> LoadUsersAsync(CancellationToken ct)
    {
        var emails = DemoSeeder.Accounts.Select(a => a.Email).ToList();
        var found = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!)).Select(u => new DemoUser(u.Id, u.FullName, u.Email!)).ToListAsync(ct);
        return found.ToDictionary(u => u.Email, StringComparer.Ordinal);
    }

    /// <summary>Saves the cards, then their score history and audit events (which need the new ids).</summary>
    private async Task SaveCardsAsync(List<(Scorecard Card, DemoUser Scorer)> cards, Dictionary<int, CriteriaSet> sets, CancellationToken ct)
    {
        db.Scorecards.AddRange(cards.Select(c => c.Card));
        await db.SaveChangesAsync(ct);
        var codes = sets.Values.SelectMany(s => s.Aspects).SelectMany(a => a.Indicators).ToDictionary(i => i.Id, i => i.Code);
        foreach (var (card, scorer) in cards)
        {
            await CardTrailAsync(card, scorer, codes);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The current criteria set of each category: the template, created (at <paramref name="createdAt"/>) where missing.</summary>
    private async Task<Dictionary<int, CriteriaSet>> TemplateCriteriaAsync(int cycleId, List<Category> categories, DateTimeOffset createdAt, CancellationToken ct)
    {
        var ids = categories.Select(c => c.Id).ToList();
        var sets = await db.CriteriaSets.Include(s => s.Aspects).ThenInclude(a => a.Indicators).AsSplitQuery()
            .Where(s => ids.Contains(s.CategoryId) && s.IsCurrent)
            .ToDictionaryAsync(s => s.CategoryId, ct);
        foreach (var category in categories.Where(c => !sets.ContainsKey(c.Id)))
        {
            var set = CriteriaTemplates.Build(cycleId, category.Id, category.Kind, createdAt);
            db.CriteriaSets.Add(set);
            sets[category.Id] = set;
        }

        await db.SaveChangesAsync(ct);
        return sets;
    }

    /// <summary>
    /// Bali's default rounds in a cycle (<see cref="CriteriaTemplates.DefaultRounds"/>), each opened and
    /// closed when <paramref name="when"/> says (null: not yet): draft, open or closed accordingly.
    /// </summary>
    private static List<ScoringRound> DefaultRounds(int cycleId, Func<RoundKind, (DateTimeOffset? Opened, DateTimeOffset? Closed)> when)
    {
        var order = 0;
        return CriteriaTemplates.DefaultRounds.Select(r =>
        {
            var (opened, closed) = when(r.Kind);
            return new ScoringRound
            {
                CycleId = cycleId,
                ProvinceCode = HistoryProvince,
                Name = r.Name,
                Kind = r.Kind,
                Weight = r.Weight,
                SortOrder = ++order,
                Status = closed is not null ? RoundStatus.Closed : opened is not null ? RoundStatus.Open : RoundStatus.Draft,
                OpenedAt = opened,
                ClosedAt = closed,
                Aspects = r.AspectCodes.Select(c => new RoundAspect { AspectCode = c }).ToList(),
            };
        }).ToList();
    }

    /// <summary>
    /// The trail of a card saved or submitted in one step, as <see cref="ScorecardService"/> writes
    /// it: a history row per score (every one new), and for a submitted card one for its total; and
    /// the audit event "saved" or "submitted" with the same details, for the scorer at the card's time.
    /// </summary>
    private async Task CardTrailAsync(Scorecard card, DemoUser scorer, Dictionary<int, string> indicatorCodes)
    {
        var submitted = card.Status == ScorecardStatus.Submitted;
        var at = submitted ? card.SubmittedAt!.Value : card.UpdatedAt;
        var scoreEvent = submitted ? ScoreEvents.Submitted : ScoreEvents.Saved;
        await AuditAsync(submitted ? AuditActions.ScorecardSubmitted : AuditActions.ScorecardSaved, "nomination", Key(card.NominationId), card.ProvinceCode,
            ScorecardService.AuditDetails(
                card.RoundId,
                card.Id,
                card.Scores.Select(s => (indicatorCodes[s.IndicatorId], (ScorecardService.ScoreValue?)null, (ScorecardService.ScoreValue?)new ScorecardService.ScoreValue(s.Value, s.Comment))),
                card.Total),
            scorer.Email,
            at);
        foreach (var score in card.Scores)
        {
            db.ScoreChanges.Add(new ScoreChange
            {
                ScorecardId = card.Id, IndicatorId = score.IndicatorId, NewValue = score.Value, NewComment = score.Comment,
                CardStatus = card.Status, Event = scoreEvent, UserId = scorer.Id, At = at,
            });
        }

        if (submitted)
        {
            db.ScoreChanges.Add(new ScoreChange
            {
                ScorecardId = card.Id, NewValue = ScoringMath.Round2(card.Total!.Value), CardStatus = ScorecardStatus.Submitted,
                Event = ScoreEvents.Submitted, UserId = scorer.Id, At = at,
            });
        }
    }

    /// <summary>
    /// A card of the round's indicators with the given scores and comments, as the card page stores
    /// it: submitted (every indicator scored, with its total as the card page computes and keeps it)
    /// or a draft (the indicators given so far, no total).
    /// </summary>
    private static Scorecard CardOf(
        ScoringRound round, Nomination nomination, CriteriaSet set, Guid scorerId, Dictionary<string, decimal> values,
        IReadOnlyCollection<(string Code, string Text)> comments, string? strengths, bool submitted, DateTimeOffset at)
    {
        var codes = round.Aspects.Select(a => a.AspectCode).ToHashSet(StringComparer.Ordinal);
        // In the order of the card page (ScorecardService), which is also the order of its audit details.
        var aspects = set.Aspects.Where(a => codes.Contains(a.Code)).OrderBy(a => a.SortOrder).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        var card = new Scorecard
        {
            RoundId = round.Id,
            NominationId = nomination.Id,
            ScorerId = scorerId,
            CriteriaSetId = set.Id,
            ProvinceCode = nomination.ProvinceCode,
            RegencyCode = nomination.RegencyCode,
            Status = submitted ? ScorecardStatus.Submitted : ScorecardStatus.Draft,
            Strengths = strengths,
            SubmittedAt = submitted ? at : null,
            UpdatedAt = at,
        };
        foreach (var indicator in aspects.SelectMany(a => a.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal)))
        {
            if (!values.TryGetValue(indicator.Code, out var value))
            {
                if (submitted)
                {
                    throw new InvalidOperationException($"Demo card of nomination {nomination.Id}, round {round.Name}: no score for {indicator.Code}.");
                }

                continue; // a draft may leave indicators unscored
            }

            if (!CriteriaRules.IsValidScore(indicator.Scale, value))
            {
                throw new InvalidOperationException($"Demo card of nomination {nomination.Id}: {value} does not fit the scale of {indicator.Code}.");
            }

            card.Scores.Add(new Score { IndicatorId = indicator.Id, Value = value, Comment = comments.FirstOrDefault(c => c.Code == indicator.Code).Text });
        }

        if (submitted)
        {
            var weightings = aspects.SelectMany(a => a.Indicators.Select(i => new IndicatorWeighting(i.Id, a.Id, a.Weight, i.Weight, i.Scale))).ToList();
            var raw = card.Scores.ToDictionary(s => s.IndicatorId, s => s.Value!.Value);
            card.Total = decimal.Round(ScoringMath.CardTotalOf(weightings, raw)!.Value, 4, MidpointRounding.AwayFromZero);
        }

        return card;
    }

    /// <summary>
    /// The indicators both scorers read off the nomination's figures: coverage of PU workers in the
    /// BPS workforce, of BPU workers among those without PU, and of non-ASN staff (governments);
    /// workers registered, JMO users, validated NIK and the programmes level (companies).
    /// </summary>
    private static IEnumerable<(string Code, decimal Value)> FromFigures(Nomination n)
    {
        if (n.WorkforceBps is long workforce)
        {
            yield return ("KIN1", Percent(n.ProtectedPu ?? 0, workforce));
            yield return ("KIN2", Percent(n.ProtectedBpu ?? 0, workforce - (n.ProtectedPu ?? 0)));
            yield return ("KIN3", Percent(n.NonAsnCovered ?? 0, n.NonAsnWorkers ?? 0));
            yield break;
        }

        var workers = n.Workers ?? 0;
        yield return ("KEP1", Percent(Math.Min(workers, (n.ParticipantsPu ?? 0) + (n.ParticipantsBpu ?? 0)), workers));
        // The rubric of KEP2: one programme 1, JKK and JKM 2, with JHT 3, with JP 4, all five 5.
        yield return ("KEP2", Math.Max(1, new[] { Programs.Jkk, Programs.Jkm, Programs.Jht, Programs.Jp, Programs.Jkp }.Count(p => n.Programs.HasFlag(p))));
        yield return ("DIG2", Percent(n.JmoUsers ?? 0, workers));
        yield return ("DIG3", n.NikValidatedPercent ?? 0m);
    }

    private static decimal Percent(long part, long whole) =>
        whole <= 0 ? 0m : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
}
