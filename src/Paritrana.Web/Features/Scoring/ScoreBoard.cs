using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The one ranking computation of the portal (docs/decisions/007 and 010), behind the ranking page,
/// the shortlist, the plenary, the CSV exports and the reports: it reads the submitted cards' totals
/// (one row per round, the cards as parallel arrays), leaves out the cards of scorers who declared a
/// conflict, aggregates each round with <see cref="ScoringMath"/>, combines the rounds by weight,
/// ranks each category with <see cref="BlockRanking"/> and, for the shortlist, flags disagreements
/// with <see cref="ScoringMath.SpreadOf"/>. A fixed number of set-based queries, whatever the number
/// of nominations; no arithmetic in SQL. The figures are computed once, officially, then filtered for
/// the viewer by <see cref="ScoreVisibility"/>: a hidden nomination keeps its row (name, status,
/// coverage) without any figure, after the visible ones by name, and its category shows no ranks.
/// The cycle's settings and categories come from the instance's copy (<see cref="ReferenceData"/>,
/// docs/decisions/032) when one is given, as for every page; a frozen decision
/// (<see cref="DecisionSnapshots"/>) is computed without it, from the database itself.
/// </summary>
public sealed class ScoreBoard(ParitranaDbContext db, ReferenceData? reference = null)
{
    /// <summary>
    /// What to rank: the province and cycle, the nomination statuses on the board (the ranking page
    /// includes those still being scored, the shortlist only scored ones), one category or every active
    /// one, and whether to add the shortlist's columns (open coaching items, disagreement flags).
    /// </summary>
    public sealed record Request(int CycleId, string ProvinceCode, IReadOnlyCollection<NominationStatus> Statuses, int? CategoryId = null, bool Disagreements = false);

    /// <summary>The submitted cards of one round as parallel arrays (one SQL row per round).</summary>
    private sealed record RoundTotals(int RoundId, int[] Nominations, Guid[] Scorers, decimal[] Totals);

    /// <summary>The lowest and highest score of one indicator of a nomination in a round.</summary>
    private sealed record Extremes(int NominationId, int Scale, decimal Lowest, decimal Highest);

    private sealed record Candidate(
        int Id, uint Version, NominationStatus Status, int CategoryId, string Name, string? RegencyName, int? Workers, int? ParticipantsPu,
        int? ParticipantsBpu, long? WorkforceBps, int? ProtectedPu, int? ProtectedBpu, int OpenCoaching)
    {
        public decimal? Coverage => new Nomination
        {
            ProvinceCode = "", Workers = Workers, ParticipantsPu = ParticipantsPu, ParticipantsBpu = ParticipantsBpu,
            WorkforceBps = WorkforceBps, ProtectedPu = ProtectedPu, ProtectedBpu = ProtectedBpu,
        }.CoveragePercentage;
    }

    private sealed record Cell(decimal? Score, int Cards, decimal? ZScore);

    public async Task<ShortlistData> ComputeAsync(Request request, ScoreViewer viewer, CancellationToken ct)
    {
        var (cycleId, province) = (request.CycleId, request.ProvinceCode);
        var settings = reference is null ? await ScoringLookups.SettingsAsync(db, cycleId, ct) : await reference.ScoringSettingsAsync(db, cycleId, ct);
        var visibility = await ScoreVisibilityQuery.ForAsync(db, viewer, cycleId, province, settings, ct);

        var roundRows = await db.ScoringRounds.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ProvinceCode == province)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Kind, r.Weight, r.Status, Codes = r.Aspects.Select(a => a.AspectCode).ToList() })
            .ToListAsync(ct);
        var rounds = roundRows
            .Select(r => new RoundColumn(r.Id, r.Name, r.Kind, r.Weight) { Status = r.Status, AspectCodes = r.Codes.Order(StringComparer.Ordinal).ToList() })
            .ToList();
        var roundIds = rounds.Select(r => r.Id).ToArray();

        var categories = (reference is null ? await ReferenceData.CategoriesQuery(db, cycleId).ToListAsync(ct) : await reference.CategoriesAsync(db, cycleId, ct))
            .Where(c => request.CategoryId is int only ? c.Id == only : c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .ToList();
        var categoryIds = categories.Select(c => c.Id).ToArray();
        var statuses = request.Statuses.ToList();
        var statusCodes = statuses.Select(s => (int)s).ToArray();
        var withCoaching = request.Disagreements;

        var nominations = await RoundNominations.Of(db, cycleId, province, statuses).AsNoTracking()
            .Where(n => categoryIds.Contains(n.CategoryId) && statuses.Contains(n.Status))
            .Select(n => new Candidate(
                n.Id, n.Version, n.Status, n.CategoryId, n.Organisation!.Name,
                db.RegenciesAndCities.Where(r => r.Code == n.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                n.Workers, n.ParticipantsPu, n.ParticipantsBpu, n.WorkforceBps, n.ProtectedPu, n.ProtectedBpu,
                withCoaching ? db.CoachingItems.Count(c => c.NominationId == n.Id && (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress)) : 0))
            .ToListAsync(ct);
        var categoryOf = nominations.ToDictionary(n => n.Id, n => n.CategoryId);

        // The submitted cards' totals, one row per round with the cards as parallel arrays
        // (nomination, scorer, total; aggregates of one query level see the rows in the same order).
        // Reading a few rows of arrays is much cheaper than materialising a row per card, and grouping
        // by round needs no sort in SQL (measured, docs/benchmarks.md). No arithmetic happens in SQL.
        // The cards of scorers who declared a conflict with the nomination are left out here, in the
        // same statement (before, a query of its own read the declarations: one round trip less).
        var perRound = await db.Database.SqlQuery<RoundTotals>($"""
            SELECT c.round_id AS "RoundId", array_agg(c.nomination_id) AS "Nominations", array_agg(c.scorer_id) AS "Scorers", array_agg(c.total) AS "Totals"
            FROM scorecards c
            JOIN nominations n ON n.id = c.nomination_id
            WHERE c.round_id = ANY({roundIds}) AND c.province_code = {province} AND c.status = {(int)ScorecardStatus.Submitted} AND c.total IS NOT NULL
              AND n.category_id = ANY({categoryIds}) AND n.status = ANY({statusCodes})
              AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.nomination_id = c.nomination_id AND d.scorer_id = c.scorer_id)
            GROUP BY c.round_id
            """).ToListAsync(ct);
        var disagreeing = request.Disagreements && nominations.Count > 0
            ? await DisagreeingAsync(roundIds, province, categoryIds, statusCodes, settings.DisagreementThreshold, ct)
            : [];

        var cells = RoundCells(perRound, categoryOf, settings);
        var interviewRound = rounds.FirstOrDefault(r => r.Kind == RoundKind.Interview);
        var result = new List<CategoryShortlist>(categories.Count);
        foreach (var category in categories)
        {
            var members = nominations.Where(n => n.CategoryId == category.Id).ToList();
            var computed = members.ToDictionary(n => n.Id, n =>
            {
                var byRound = rounds.ToDictionary(r => r.Id, r => cells.GetValueOrDefault((r.Id, n.Id)) ?? new Cell(null, 0, null));
                var total = ScoringMath.Total(rounds.Select(r => new RoundPart(r.Weight, byRound[r.Id].Score)).ToList());
                var zTotal = settings.ShowZScores ? ScoringMath.Total(rounds.Select(r => new RoundPart(r.Weight, byRound[r.Id].ZScore)).ToList()).Value : null;
                return (Candidate: n, Cells: byRound, Total: total, ZTotal: zTotal, Interview: interviewRound is null ? null : byRound[interviewRound.Id].Score);
            });

            var official = BlockRanking.Rank(computed.Values.Select(c => new RankInput(c.Candidate.Id, c.Total.Value, c.Interview, c.Candidate.Coverage)), category.FinalistCount)
                .Select(r =>
                {
                    var c = computed[r.NominationId];
                    var n = c.Candidate;
                    return new ShortlistRow(
                        n.Id, n.Version, n.Status, n.Name, n.RegencyName, c.Cells.ToDictionary(x => x.Key, x => x.Value.Score), c.Total.Value, c.Total.IsComplete,
                        c.Interview, n.Coverage, n.OpenCoaching, disagreeing.Contains(n.Id), r.Rank, r.Tied, r.BrokenBy, r.IsDefaultFinalist)
                    {
                        RoundCards = c.Cells.ToDictionary(x => x.Key, x => x.Value.Cards),
                        RoundZScores = c.Cells.ToDictionary(x => x.Key, x => x.Value.ZScore),
                        ZTotal = c.ZTotal,
                    };
                })
                .ToList();

            var withheld = visibility.WithholdsRanks(members.Select(m => m.Id));
            var rows = visibility.Arrange(official, r => r.NominationId, r => r.Name).Select(r => ForViewer(r, visibility, withheld)).ToList();
            result.Add(new CategoryShortlist(category.Id, category.Code, category.Name, category.Kind, category.FinalistCount, rows) { RanksWithheld = withheld });
        }

        return new ShortlistData(rounds, result, settings.Aggregation)
        {
            Visibility = visibility,
            ShowZScores = settings.ShowZScores,
            DisagreementThreshold = settings.DisagreementThreshold,
            ScoringReasons = await ScoringCompletenessQuery.ReasonsAsync(db, nominations.Select(n => n.Id).ToList(), ct),
        };
    }

    /// <summary>
    /// Per round and nomination: the round score from the counted cards (conflicted scorers' cards
    /// are not read), how many, and the z-adjusted score when the cycle shows z-scores (per round
    /// over each category's cards).
    /// </summary>
    private static Dictionary<(int Round, int Nomination), Cell> RoundCells(
        List<RoundTotals> perRound, Dictionary<int, int> categoryOf, ScoringSettings settings)
    {
        var cells = new Dictionary<(int, int), Cell>();
        foreach (var round in perRound)
        {
            var totals = new List<CardTotal>(round.Nominations.Length);
            for (var i = 0; i < round.Nominations.Length; i++)
            {
                // A nomination whose status changed since it was read is not on this board.
                if (categoryOf.ContainsKey(round.Nominations[i]))
                {
                    totals.Add(new CardTotal(round.Scorers[i], round.Nominations[i], round.Totals[i]));
                }
            }

            foreach (var category in totals.GroupBy(t => categoryOf[t.NominationId]))
            {
                var cards = category.ToList();
                var z = settings.ShowZScores ? ScoringMath.ZAdjustedScores(cards) : new Dictionary<int, decimal>();
                foreach (var nomination in cards.GroupBy(t => t.NominationId))
                {
                    var list = nomination.ToList();
                    cells[(round.RoundId, nomination.Key)] = new Cell(
                        ScoringMath.RoundScore(list, settings.Aggregation), list.Count, z.TryGetValue(nomination.Key, out var zs) ? zs : null);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The nominations with a disagreement: in some round, an indicator whose scorers lie further
    /// apart than the cycle's threshold. Only each indicator's lowest and highest score are read
    /// (one grouped query, not every score); the range they span, normalised, is what
    /// <see cref="ScoringMath.SpreadOf"/> flags.
    /// </summary>
    private async Task<HashSet<int>> DisagreeingAsync(int[] roundIds, string province, int[] categoryIds, int[] statusCodes, decimal threshold, CancellationToken ct)
    {
        var extremes = await db.Database.SqlQuery<Extremes>($"""
            SELECT c.nomination_id AS "NominationId", i.scale AS "Scale", min(s.value) AS "Lowest", max(s.value) AS "Highest"
            FROM scorecards c
            JOIN nominations n ON n.id = c.nomination_id
            JOIN scores s ON s.scorecard_id = c.id
            JOIN indicators i ON i.id = s.indicator_id
            WHERE c.round_id = ANY({roundIds}) AND c.province_code = {province} AND c.status = {(int)ScorecardStatus.Submitted} AND s.value IS NOT NULL
              AND n.category_id = ANY({categoryIds}) AND n.status = ANY({statusCodes})
              AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.nomination_id = c.nomination_id AND d.scorer_id = c.scorer_id)
            GROUP BY c.nomination_id, c.round_id, i.code, i.scale
            """).ToListAsync(ct);
        return extremes
            .Where(e =>
            {
                var scale = (ScaleKind)e.Scale;
                return ScoringMath.SpreadOf([ScoringMath.Normalise(scale, e.Lowest), ScoringMath.Normalise(scale, e.Highest)], threshold).Disagreement;
            })
            .Select(e => e.NominationId)
            .ToHashSet();
    }

    /// <summary>A row as the viewer may see it: without any figure when hidden; without rank, tie, default finalist or z-score when its category's ranks are withheld.</summary>
    private static ShortlistRow ForViewer(ShortlistRow row, ScoreVisibility visibility, bool ranksWithheld)
    {
        var hidden = visibility.Nomination(row.NominationId);
        if (hidden != HiddenReason.None)
        {
            return row with
            {
                RoundScores = row.RoundScores.ToDictionary(x => x.Key, _ => (decimal?)null),
                Total = null,
                IsComplete = false,
                InterviewScore = null,
                Disagreement = false,
                Rank = 0,
                Tied = false,
                BrokenBy = TieBreak.None,
                IsDefaultFinalist = false,
                Hidden = hidden,
                RoundCards = row.RoundCards.ToDictionary(x => x.Key, _ => 0),
                RoundZScores = row.RoundZScores.ToDictionary(x => x.Key, _ => (decimal?)null),
                ZTotal = null,
            };
        }

        return ranksWithheld
            ? row with
            {
                Rank = 0,
                Tied = false,
                BrokenBy = TieBreak.None,
                IsDefaultFinalist = false,
                RoundZScores = row.RoundZScores.ToDictionary(x => x.Key, _ => (decimal?)null),
                ZTotal = null,
            }
            : row;
    }
}
