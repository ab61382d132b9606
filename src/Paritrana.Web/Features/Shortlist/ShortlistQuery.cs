using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;

namespace Paritrana.Web.Features.Shortlist;

/// <summary>A scoring round as the shortlist shows it (a column).</summary>
public sealed record RoundColumn(int Id, string Name, RoundKind Kind, decimal Weight);

/// <summary>One nomination on the shortlist: its figures, its rank and how a tie was broken.</summary>
public sealed record ShortlistRow(
    int NominationId,
    uint Version,
    NominationStatus Status,
    string Name,
    string? RegencyName,
    IReadOnlyDictionary<int, decimal?> RoundScores,
    decimal? Total,
    bool IsComplete,
    decimal? InterviewScore,
    decimal? Coverage,
    int OpenCoachingItems,
    bool Disagreement,
    int Rank,
    bool Tied,
    TieBreak BrokenBy,
    bool IsDefaultFinalist)
{
    /// <summary>The total as shown and stored for display: two decimals.</summary>
    public decimal? Total2 => Total is decimal t ? ScoringMath.Round2(t) : null;
}

/// <summary>The ranking of one category of the province.</summary>
public sealed record CategoryShortlist(int CategoryId, string Code, string Name, CategoryKind Kind, int FinalistCount, IReadOnlyList<ShortlistRow> Rows);

/// <summary>The whole shortlist of a province in a cycle.</summary>
public sealed record ShortlistData(IReadOnlyList<RoundColumn> Rounds, IReadOnlyList<CategoryShortlist> Categories, RoundAggregation Aggregation)
{
    public IEnumerable<ShortlistRow> AllRows => Categories.SelectMany(c => c.Rows);

    /// <summary>The chair's reasons for marking nominations scored while their scoring was incomplete (see <see cref="ScoringGaps"/>).</summary>
    public IReadOnlyDictionary<int, string> ScoringReasons { get; init; } = new Dictionary<int, string>();
}

/// <summary>
/// Computes the shortlist from the stored scoring data (docs/decisions/007), for the shortlist and
/// plenary pages and the reports: per nomination of the province and cycle in status Scored or
/// later, per round the submitted cards' stored totals (conflicted scorers left out), the round
/// score by the cycle's aggregation, the weighted total, then <see cref="Ranking.Rank"/> per
/// category with its finalist count. A fixed number of queries, whatever the number of nominations.
/// </summary>
public sealed class ShortlistQuery(ParitranaDbContext db)
{
    /// <summary>Statuses that are on the shortlist: scored, and what follows from the decision.</summary>
    public static readonly NominationStatus[] Ranked =
    [
        NominationStatus.Scored, NominationStatus.Finalist, NominationStatus.NotShortlisted,
        NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner,
    ];

    public async Task<ShortlistData> LoadAsync(int cycleId, string provinceCode, CancellationToken ct)
    {
        var aggregation = await db.ScoringSettings.AsNoTracking().Where(s => s.CycleId == cycleId)
            .Select(s => (RoundAggregation?)s.Aggregation).FirstOrDefaultAsync(ct) ?? RoundAggregation.Mean;
        var threshold = await db.ScoringSettings.AsNoTracking().Where(s => s.CycleId == cycleId)
            .Select(s => (decimal?)s.DisagreementThreshold).FirstOrDefaultAsync(ct) ?? 25m;

        var rounds = await db.ScoringRounds.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ProvinceCode == provinceCode)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new RoundColumn(r.Id, r.Name, r.Kind, r.Weight))
            .ToListAsync(ct);

        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Name, c.Kind, c.FinalistCount })
            .ToListAsync(ct);

        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycleId && n.ProvinceCode == provinceCode && Ranked.Contains(n.Status))
            .Select(n => new
            {
                n.Id,
                n.Version,
                n.Status,
                n.CategoryId,
                Name = n.Organisation!.Name,
                RegencyName = db.RegenciesAndCities.Where(r => r.Code == n.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                n.Workers,
                n.ParticipantsPu,
                n.ParticipantsBpu,
                n.WorkforceBps,
                n.ProtectedPu,
                n.ProtectedBpu,
                OpenCoaching = db.CoachingItems.Count(c => c.NominationId == n.Id && (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress)),
            })
            .ToListAsync(ct);
        var ids = nominations.Select(n => n.Id).ToList();
        var roundIds = rounds.Select(r => r.Id).ToList();

        var cards = await SubmittedCards(ids, roundIds)
            .Select(c => new { c.RoundId, c.NominationId, c.ScorerId, Total = c.Total!.Value })
            .ToListAsync(ct);

        // Disagreement: an indicator whose scorers lie further apart than the cycle's threshold
        // (normalised: a level 1..5 step is 25 points), in any round.
        var spreads = await SubmittedCards(ids, roundIds)
            .SelectMany(c => c.Scores.Where(s => s.Value != null), (c, s) => new { c.NominationId, c.RoundId, s.IndicatorId, Value = s.Value!.Value })
            .Join(db.Indicators, s => s.IndicatorId, i => i.Id, (s, i) => new { s.NominationId, s.RoundId, s.IndicatorId, s.Value, i.Scale })
            .GroupBy(s => new { s.NominationId, s.RoundId, s.IndicatorId, s.Scale })
            .Select(g => new { g.Key.NominationId, g.Key.Scale, Range = g.Max(s => s.Value) - g.Min(s => s.Value) })
            .ToListAsync(ct);
        var disagreeing = spreads
            .Where(s => (s.Scale == ScaleKind.Levels ? s.Range * 25m : s.Range) > threshold)
            .Select(s => s.NominationId)
            .ToHashSet();

        var cardsByNomination = cards.ToLookup(c => c.NominationId);
        var interview = rounds.FirstOrDefault(r => r.Kind == RoundKind.Interview);

        var result = new List<CategoryShortlist>(categories.Count);
        foreach (var category in categories)
        {
            var computed = nominations.Where(n => n.CategoryId == category.Id).Select(n =>
            {
                var byRound = cardsByNomination[n.Id].ToLookup(c => c.RoundId);
                var scores = rounds.ToDictionary(
                    r => r.Id,
                    r => ScoringMath.RoundScore(byRound[r.Id].Select(c => new CardTotal(c.ScorerId, n.Id, c.Total)), aggregation));
                var total = ScoringMath.Total(rounds.Select(r => new RoundPart(r.Weight, scores[r.Id])).ToList());
                var coverage = n.WorkforceBps is not null
                    ? Coverage.Percentage((long?)n.ProtectedPu + n.ProtectedBpu, n.WorkforceBps)
                    : Coverage.Percentage((long?)n.ParticipantsPu + n.ParticipantsBpu, n.Workers);
                return new
                {
                    n,
                    Scores = (IReadOnlyDictionary<int, decimal?>)scores,
                    Total = total,
                    Interview = interview is null ? null : scores[interview.Id],
                    Coverage = coverage,
                };
            }).ToList();

            var ranked = Ranking.Rank(computed.Select(c => new RankInput(c.n.Id, c.Total.Value, c.Interview, c.Coverage)), category.FinalistCount);
            var byId = computed.ToDictionary(c => c.n.Id);
            var rows = ranked.Select(r =>
            {
                var c = byId[r.NominationId];
                return new ShortlistRow(
                    c.n.Id, c.n.Version, c.n.Status, c.n.Name, c.n.RegencyName, c.Scores, c.Total.Value, c.Total.IsComplete,
                    c.Interview, c.Coverage, c.n.OpenCoaching, disagreeing.Contains(c.n.Id), r.Rank, r.Tied, r.BrokenBy, r.IsDefaultFinalist);
            }).ToList();
            result.Add(new CategoryShortlist(category.Id, category.Code, category.Name, category.Kind, category.FinalistCount, rows));
        }

        return new ShortlistData(rounds, result, aggregation) { ScoringReasons = await Scoring.ScoringCompletenessQuery.ReasonsAsync(db, ids, ct) };
    }

    /// <summary>Submitted cards of the nominations in the rounds, without those of scorers who declared a conflict.</summary>
    private IQueryable<Scorecard> SubmittedCards(List<int> nominationIds, List<int> roundIds) =>
        db.Scorecards.AsNoTracking()
            .Where(c => nominationIds.Contains(c.NominationId) && roundIds.Contains(c.RoundId)
                        && c.Status == ScorecardStatus.Submitted && c.Total != null
                        && !db.ConflictDeclarations.Any(d => d.NominationId == c.NominationId && d.ScorerId == c.ScorerId));
}
