using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The breakdown the ranking page shows under each nomination on screen: per round, each aspect's
/// score and each indicator's spread across scorers (<see cref="ScoringMath.SpreadOf"/>), from the
/// submitted cards' raw scores. Only nominations the viewer may see are read (docs/decisions/010).
/// </summary>
public sealed class ScoreBreakdown(ParitranaDbContext db)
{
    public sealed record AspectCell(string Code, string Name, decimal? Score, int Cards);

    public sealed record IndicatorSpread(string Code, string Name, int Scorers, Spread Spread);

    public sealed record RoundBreakdown(int RoundId, IReadOnlyList<AspectCell> Aspects, IReadOnlyList<IndicatorSpread> Indicators)
    {
        public int Disagreements => Indicators.Count(i => i.Spread.Disagreement);
    }

    /// <summary>One submitted, not conflicted card with its raw scores (indicator ids and values side by side).</summary>
    private sealed record CardScores(int RoundId, int NominationId, int CriteriaSetId, int[] IndicatorIds, decimal[] Values);

    /// <summary>
    /// For the given nominations (those on screen): per round, each aspect's score (the mean or
    /// median over the submitted cards of the aspect's weighted indicator scores) and each
    /// indicator's spread across scorers, flagged above the cycle's threshold. Conflicted cards are
    /// left out. Indicators and aspects are matched by code, so cards of different criteria
    /// versions combine. Nominations hidden from the viewer of <paramref name="ranking"/> are not read.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<RoundBreakdown>>> BreakdownAsync(ShortlistData ranking, IReadOnlyCollection<int> nominationIds, CancellationToken ct)
    {
        var ids = nominationIds.Distinct().Where(id => ranking.Visibility.Nomination(id) == HiddenReason.None).ToArray();
        var roundIds = ranking.Rounds.Select(r => r.Id).ToArray();
        if (ids.Length == 0 || roundIds.Length == 0)
        {
            return new Dictionary<int, IReadOnlyList<RoundBreakdown>>();
        }

        // One row per card with its scores as two parallel arrays; the lateral subquery makes the
        // planner read each card's scores through the primary key (a join of the whole scores table
        // would be hashed instead: 20 times slower, measured).
        var cards = await db.Database.SqlQuery<CardScores>($"""
            SELECT c.round_id AS "RoundId", c.nomination_id AS "NominationId", c.criteria_set_id AS "CriteriaSetId", x.ids AS "IndicatorIds", x.vals AS "Values"
            FROM scorecards c
            CROSS JOIN LATERAL (SELECT array_agg(s.indicator_id) AS ids, array_agg(s.value) AS vals FROM scores s WHERE s.scorecard_id = c.id AND s.value IS NOT NULL) x
            WHERE c.nomination_id = ANY({ids}) AND c.round_id = ANY({roundIds}) AND c.status = {(int)ScorecardStatus.Submitted} AND x.ids IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.nomination_id = c.nomination_id AND d.scorer_id = c.scorer_id)
            """).ToListAsync(ct);
        if (cards.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<RoundBreakdown>>();
        }

        var setIds = cards.Select(c => c.CriteriaSetId).Distinct().ToList();
        var indicatorRows = await (
                from i in db.Indicators.AsNoTracking()
                join a in db.Aspects on i.AspectId equals a.Id
                where setIds.Contains(a.CriteriaSetId)
                select new IndicatorRow(a.CriteriaSetId, i.Id, i.Code, i.Name, i.Weight, i.Scale, i.SortOrder, a.Id, a.Code, a.Name, a.Weight, a.SortOrder))
            .ToListAsync(ct);
        var bySet = indicatorRows.GroupBy(i => i.SetId).ToDictionary(g => g.Key, g => g.ToList());

        var result = new Dictionary<int, IReadOnlyList<RoundBreakdown>>();
        foreach (var nomination in cards.GroupBy(c => c.NominationId))
        {
            var perRound = new List<RoundBreakdown>();
            foreach (var round in ranking.Rounds)
            {
                var roundCards = nomination.Where(c => c.RoundId == round.Id).ToList();
                if (roundCards.Count == 0)
                {
                    continue;
                }

                var codes = round.AspectCodes.ToHashSet(StringComparer.Ordinal);
                var aspectScores = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
                var normalised = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
                foreach (var card in roundCards)
                {
                    var raw = new Dictionary<int, decimal>(card.IndicatorIds.Length);
                    for (var k = 0; k < card.IndicatorIds.Length; k++)
                    {
                        raw[card.IndicatorIds[k]] = card.Values[k];
                    }

                    var cardIndicators = (bySet.GetValueOrDefault(card.CriteriaSetId) ?? []).Where(i => codes.Contains(i.AspectCode)).ToList();
                    foreach (var aspect in cardIndicators.GroupBy(i => i.AspectCode))
                    {
                        var score = ScoringMath.AspectScoreOf(aspect.Select(i => new IndicatorWeighting(i.Id, i.AspectId, i.AspectWeight, i.Weight, i.Scale)), raw);
                        if (score is decimal value)
                        {
                            Add(aspectScores, aspect.Key, value);
                        }
                    }

                    foreach (var i in cardIndicators.Where(i => raw.ContainsKey(i.Id)))
                    {
                        Add(normalised, i.Code, ScoringMath.Normalise(i.Scale, raw[i.Id]));
                    }
                }

                // Names and order from the newest criteria version among the cards.
                var layout = indicatorRows.Where(i => codes.Contains(i.AspectCode))
                    .OrderByDescending(i => i.SetId)
                    .DistinctBy(i => i.Code)
                    .OrderBy(i => i.AspectSort).ThenBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal)
                    .ToList();
                var aspects = layout.DistinctBy(i => i.AspectCode)
                    .Select(i => new AspectCell(
                        i.AspectCode,
                        i.AspectName,
                        aspectScores.TryGetValue(i.AspectCode, out var list) ? Aggregate(list, ranking.Aggregation) : null,
                        list?.Count ?? 0))
                    .ToList();
                var spreads = layout.Where(i => normalised.ContainsKey(i.Code))
                    .Select(i => new IndicatorSpread(i.Code, i.Name, normalised[i.Code].Count, ScoringMath.SpreadOf(normalised[i.Code], ranking.DisagreementThreshold)))
                    .ToList();
                perRound.Add(new RoundBreakdown(round.Id, aspects, spreads));
            }

            result[nomination.Key] = perRound;
        }

        return result;
    }

    private sealed record IndicatorRow(
        int SetId, int Id, string Code, string Name, decimal Weight, ScaleKind Scale, int SortOrder, int AspectId, string AspectCode, string AspectName, decimal AspectWeight, int AspectSort);

    private static decimal? Aggregate(List<decimal> values, RoundAggregation aggregation) =>
        aggregation == RoundAggregation.Median ? ScoringMath.Median(values) : ScoringMath.Mean(values);

    private static void Add(Dictionary<string, List<decimal>> lists, string key, decimal value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists[key] = list;
        }

        list.Add(value);
    }
}
