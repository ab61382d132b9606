using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Features.Shortlist;

/// <summary>A scoring round as the shortlist and the ranking show it (a column).</summary>
public sealed record RoundColumn(int Id, string Name, RoundKind Kind, decimal Weight)
{
    public RoundStatus Status { get; init; } = RoundStatus.Closed;

    /// <summary>The aspect codes the round scores (for the breakdown per aspect).</summary>
    public IReadOnlyList<string> AspectCodes { get; init; } = [];
}

/// <summary>
/// One nomination on the shortlist or the ranking: its figures, its rank and how a tie was broken.
/// When the viewer may not see its figures (<see cref="Hidden"/>, docs/decisions/010) every score,
/// the total, the rank and the flags are empty; the name, status, coverage and open coaching items stay.
/// </summary>
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

    /// <summary>Why this row's figures are withheld from the viewer (none for the official computation).</summary>
    public HiddenReason Hidden { get; init; }

    public bool IsHidden => Hidden != HiddenReason.None;

    /// <summary>Per round, how many submitted cards count (conflicted ones left out).</summary>
    public IReadOnlyDictionary<int, int> RoundCards { get; init; } = new Dictionary<int, int>();

    /// <summary>Per round, the z-adjusted score, when the cycle shows z-scores.</summary>
    public IReadOnlyDictionary<int, decimal?> RoundZScores { get; init; } = new Dictionary<int, decimal?>();

    /// <summary>The total of the z-adjusted round scores, when the cycle shows z-scores.</summary>
    public decimal? ZTotal { get; init; }
}

/// <summary>
/// The ranking of one category of the province. <see cref="RanksWithheld"/>: some nomination of
/// the category is hidden from the viewer, so no rank, tie or default finalist is shown.
/// </summary>
public sealed record CategoryShortlist(int CategoryId, string Code, string Name, CategoryKind Kind, int FinalistCount, IReadOnlyList<ShortlistRow> Rows)
{
    public bool RanksWithheld { get; init; }
}

/// <summary>The whole shortlist (or ranking) of a province in a cycle, as one viewer may see it.</summary>
public sealed record ShortlistData(IReadOnlyList<RoundColumn> Rounds, IReadOnlyList<CategoryShortlist> Categories, RoundAggregation Aggregation)
{
    public IEnumerable<ShortlistRow> AllRows => Categories.SelectMany(c => c.Rows);

    /// <summary>The rule the figures were filtered by (<see cref="ScoreVisibility.Official"/> when none).</summary>
    public ScoreVisibility Visibility { get; init; } = ScoreVisibility.Official;

    public bool ShowZScores { get; init; }

    public decimal DisagreementThreshold { get; init; } = 25m;

    /// <summary>Whether a row is hidden from the viewer anywhere (the pages then say why).</summary>
    public bool HasHidden => AllRows.Any(r => r.IsHidden);

    /// <summary>The chair's reasons for marking nominations scored while their scoring was incomplete (see <see cref="ScoringGaps"/>).</summary>
    public IReadOnlyDictionary<int, string> ScoringReasons { get; init; } = new Dictionary<int, string>();
}

/// <summary>
/// The shortlist of a province in a cycle (shortlist and plenary pages, reports and exports): the
/// one ranking computation, <see cref="ScoreBoard"/>, over the nominations scored or decided, in every
/// active category, with the disagreement flags. Pass <see cref="ScoreViewer.Official"/> for what the
/// system itself decides, the signed-in person for what a page shows.
/// </summary>
public sealed class ShortlistQuery(ParitranaDbContext db, ReferenceData? reference = null)
{
    /// <summary>Statuses that are on the shortlist: scored, and what follows from the decision.</summary>
    public static readonly NominationStatus[] Ranked =
    [
        NominationStatus.Scored, NominationStatus.Finalist, NominationStatus.NotShortlisted,
        NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner,
    ];

    public Task<ShortlistData> LoadAsync(int cycleId, string provinceCode, ScoreViewer viewer, CancellationToken ct) =>
        new ScoreBoard(db, reference).ComputeAsync(new ScoreBoard.Request(cycleId, provinceCode, Ranked, Disagreements: true), viewer, ct);
}
