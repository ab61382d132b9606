using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The ranking of one category in one province: round scores, totals, ranks, and for the
/// nominations on screen the breakdown per aspect and the disagreement per indicator. It reads
/// small projections in a fixed number of set-based queries (never one per nomination) and does
/// all arithmetic with <see cref="ScoringMath"/> in memory (docs/decisions/007).
/// </summary>
public sealed class RankingQuery(ParitranaDbContext db)
{
    public sealed record RoundColumn(int Id, string Name, RoundKind Kind, decimal Weight, RoundStatus Status, IReadOnlyList<string> AspectCodes);

    /// <summary>A nomination's score in one round: from how many submitted cards (conflicted ones excluded), and z-adjusted when asked.</summary>
    public sealed record RoundCell(decimal? Score, int Cards, decimal? ZScore);

    public sealed record Row(
        int NominationId,
        string Name,
        string? RegencyName,
        NominationStatus Status,
        decimal? CoveragePercentage,
        int Rank,
        decimal? Total,
        bool IsComplete,
        bool Tied,
        TieBreak BrokenBy,
        bool IsDefaultFinalist,
        IReadOnlyDictionary<int, RoundCell> Rounds,
        decimal? ZTotal,
        bool Hidden);

    public sealed record Result(
        IReadOnlyList<RoundColumn> Rounds,
        IReadOnlyList<Row> Rows,
        ScoringSettings Settings,
        int FinalistCount,
        int CategoryId,
        string ProvinceCode);

    public sealed record AspectCell(string Code, string Name, decimal? Score, int Cards);

    public sealed record IndicatorSpread(string Code, string Name, int Scorers, Spread Spread);

    public sealed record RoundBreakdown(int RoundId, IReadOnlyList<AspectCell> Aspects, IReadOnlyList<IndicatorSpread> Indicators)
    {
        public int Disagreements => Indicators.Count(i => i.Spread.Disagreement);
    }

    /// <summary>The submitted cards of one round as parallel arrays (one SQL row per round).</summary>
    private sealed record RoundTotals(int RoundId, int[] Nominations, Guid[] Scorers, decimal[] Totals);

    /// <summary>One submitted, not conflicted card with its raw scores (indicator ids and values side by side).</summary>
    private sealed record CardScores(int RoundId, int NominationId, int CriteriaSetId, int[] IndicatorIds, decimal[] Values);

    /// <summary>
    /// Ranks the nominations of a category. When the cycle hides scores until one has submitted,
    /// a viewer other than the chair does not see the figures of nominations they still have to
    /// score (their rows are marked hidden).
    /// </summary>
    public async Task<Result> RankAsync(int cycleId, string provinceCode, int categoryId, Guid viewerId, bool viewerIsChair, CancellationToken ct)
    {
        var settings = await ScoringScope.SettingsAsync(db, cycleId, ct);
        var finalistCount = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.FinalistCount).FirstAsync(ct);

        var roundRows = await db.ScoringRounds.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ProvinceCode == provinceCode)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Kind, r.Weight, r.Status, Codes = r.Aspects.Select(a => a.AspectCode).ToList() })
            .ToListAsync(ct);
        var rounds = roundRows.Select(r => new RoundColumn(r.Id, r.Name, r.Kind, r.Weight, r.Status, r.Codes.Order(StringComparer.Ordinal).ToList())).ToList();
        var roundIds = rounds.Select(r => r.Id).ToArray();

        var ranked = ScoringEligibility.Ranked.ToList();
        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycleId && n.ProvinceCode == provinceCode && n.CategoryId == categoryId && ranked.Contains(n.Status))
            .Select(n => new
            {
                n.Id,
                Name = n.Organisation!.Name,
                RegencyName = db.RegenciesAndCities.Where(r => r.Code == n.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                n.Status,
                n.WorkforceBps,
                n.ProtectedPu,
                n.ProtectedBpu,
                n.Workers,
                n.ParticipantsPu,
                n.ParticipantsBpu,
            })
            .ToListAsync(ct);

        // The submitted cards' totals, one row per round with the cards as parallel arrays
        // (nomination, scorer, total; aggregates of one query level see the rows in the same
        // order). Reading three rows of arrays is much cheaper than materialising a row per card,
        // and grouping by round needs no sort in SQL (measured, docs/benchmarks.md). No
        // arithmetic happens in SQL.
        var statuses = ranked.Select(s => (int)s).ToArray();
        var perRound = await db.Database.SqlQuery<RoundTotals>($"""
            SELECT c.round_id AS "RoundId", array_agg(c.nomination_id) AS "Nominations", array_agg(c.scorer_id) AS "Scorers", array_agg(c.total) AS "Totals"
            FROM scorecards c
            JOIN nominations n ON n.id = c.nomination_id
            WHERE c.round_id = ANY({roundIds}) AND c.province_code = {provinceCode} AND c.status = {(int)ScorecardStatus.Submitted} AND c.total IS NOT NULL
              AND n.category_id = {categoryId} AND n.status = ANY({statuses})
            GROUP BY c.round_id
            """).ToListAsync(ct);
        var conflicts = (await db.ConflictDeclarations.AsNoTracking()
                .Where(d => db.Nominations.Any(n => n.Id == d.NominationId && n.CategoryId == categoryId && n.ProvinceCode == provinceCode))
                .Select(d => new { d.NominationId, d.ScorerId })
                .ToListAsync(ct))
            .Select(d => new NominationScorer(d.NominationId, d.ScorerId))
            .ToHashSet();

        var hidden = new HashSet<int>();
        if (settings.HideOthersUntilSubmitted && !viewerIsChair)
        {
            hidden = (await db.Assignments.AsNoTracking()
                    .Where(a => roundIds.Contains(a.RoundId) && a.ScorerId == viewerId
                        && !db.Scorecards.Any(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == a.ScorerId && c.Status == ScorecardStatus.Submitted))
                    .Select(a => a.NominationId)
                    .Distinct()
                    .ToListAsync(ct))
                .ToHashSet();
        }

        // Round scores, and z-adjusted ones (per round, over this category's cards) when asked for.
        // Conflicted scorers' cards are left out here, against the (short) list of declarations.
        var scores = new Dictionary<(int Round, int Nomination), RoundCell>();
        foreach (var round in perRound)
        {
            var totals = new List<CardTotal>(round.Nominations.Length);
            for (var i = 0; i < round.Nominations.Length; i++)
            {
                if (conflicts.Count == 0 || !conflicts.Contains(new NominationScorer(round.Nominations[i], round.Scorers[i])))
                {
                    totals.Add(new CardTotal(round.Scorers[i], round.Nominations[i], round.Totals[i]));
                }
            }

            var z = settings.ShowZScores ? ScoringMath.ZAdjustedScores(totals) : new Dictionary<int, decimal>();
            foreach (var nomination in totals.GroupBy(t => t.NominationId))
            {
                var cards = nomination.ToList();
                scores[(round.RoundId, nomination.Key)] = new RoundCell(
                    ScoringMath.RoundScore(cards, settings.Aggregation),
                    cards.Count,
                    z.TryGetValue(nomination.Key, out var zs) ? zs : null);
            }
        }

        var interviewRound = rounds.FirstOrDefault(r => r.Kind == RoundKind.Interview);
        var empty = new RoundCell(null, 0, null);
        var computed = nominations.Select(n =>
        {
            var cells = rounds.ToDictionary(r => r.Id, r => scores.GetValueOrDefault((r.Id, n.Id)) ?? empty);
            var total = ScoringMath.Total(rounds.Select(r => new RoundPart(r.Weight, cells[r.Id].Score)).ToList());
            var zTotal = settings.ShowZScores ? ScoringMath.Total(rounds.Select(r => new RoundPart(r.Weight, cells[r.Id].ZScore)).ToList()).Value : null;
            var coverage = n.WorkforceBps is not null
                ? Coverage.Percentage((long?)n.ProtectedPu + n.ProtectedBpu, n.WorkforceBps)
                : Coverage.Percentage((long?)n.ParticipantsPu + n.ParticipantsBpu, n.Workers);
            var interview = interviewRound is null ? null : cells[interviewRound.Id].Score;
            return (n.Id, n.Name, n.RegencyName, n.Status, Coverage: coverage, Cells: cells, Total: total, ZTotal: zTotal, Interview: interview);
        }).ToDictionary(x => x.Id);

        var order = BlockRanking.Rank(computed.Values.Select(c => new RankInput(c.Id, c.Total.Value, c.Interview, c.Coverage)), finalistCount);
        var rows = order.Select(r =>
        {
            var c = computed[r.NominationId];
            return new Row(c.Id, c.Name, c.RegencyName, c.Status, c.Coverage, r.Rank, c.Total.Value, c.Total.IsComplete, r.Tied, r.BrokenBy,
                r.IsDefaultFinalist, c.Cells, c.ZTotal, hidden.Contains(c.Id));
        }).ToList();

        return new Result(rounds, rows, settings, finalistCount, categoryId, provinceCode);
    }

    /// <summary>
    /// For the given nominations (those on screen): per round, each aspect's score (the mean or
    /// median over the submitted cards of the aspect's weighted indicator scores) and each
    /// indicator's spread across scorers, flagged above the cycle's threshold. Conflicted cards are
    /// left out. Indicators and aspects are matched by code, so cards of different criteria
    /// versions combine.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<RoundBreakdown>>> BreakdownAsync(Result ranking, IReadOnlyCollection<int> nominationIds, CancellationToken ct)
    {
        var ids = nominationIds.Distinct().ToArray();
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
                        aspectScores.TryGetValue(i.AspectCode, out var list) ? Aggregate(list, ranking.Settings.Aggregation) : null,
                        list?.Count ?? 0))
                    .ToList();
                var spreads = layout.Where(i => normalised.ContainsKey(i.Code))
                    .Select(i => new IndicatorSpread(i.Code, i.Name, normalised[i.Code].Count, ScoringMath.SpreadOf(normalised[i.Code], ranking.Settings.DisagreementThreshold)))
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
