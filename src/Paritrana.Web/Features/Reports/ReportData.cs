using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Reports;

public sealed record CommitteeMember(string Name, bool IsChair);

public sealed record PlenaryInfo(DateOnly HeldOn, string Place, string Attendees, string? Minutes, string? Decision, DateTimeOffset? DecidedAt);

/// <summary>Why a version of the decision no longer stands: re-opened (when, by whom, why) and, once decided again, its successor.</summary>
public sealed record Supersession(DateTimeOffset At, string ByName, string? Reason, string? SuccessorNumber, DateTimeOffset? SuccessorDecidedAt);

/// <summary>The official record a finalist report was rendered from (docs/decisions/011).</summary>
public sealed record OfficialDocument(string Number, int Version, string VerificationCode, string DecidedBy, Supersession? Superseded);

public sealed record AspectScore(string Code, string Name, decimal Score);

/// <summary>One finalist's section of the report.</summary>
public sealed record FinalistSection(
    ShortlistRow Row,
    string CategoryName,
    bool IsGovernment,
    string? Npp,
    string? Sector,
    string? Address,
    int? Workers,
    int? ParticipantsPu,
    int? ParticipantsBpu,
    long? WorkforceBps,
    int? ProtectedPu,
    int? ProtectedBpu,
    int? NonAsnWorkers,
    int? NonAsnCovered,
    IReadOnlyList<AspectScore> Aspects,
    int VisitsDone,
    int CoachingResolved,
    int CoachingWaived,
    int CoachingOpen,
    IReadOnlyList<string> Strengths,
    string? Rationale);

/// <summary>
/// The finalist report (or, with <see cref="AllCandidates"/>, the shortlist report) of a province in
/// a cycle: rendered from the decision's snapshot when <see cref="Official"/> is set, otherwise live
/// (a draft).
/// </summary>
public sealed record ReportModel(
    int Year,
    string ProvinceCode,
    string ProvinceName,
    DateTimeOffset GeneratedAt,
    string LocalTime,
    string Reference,
    bool AllCandidates,
    IReadOnlyList<CommitteeMember> Committee,
    PlenaryInfo? Plenary,
    ShortlistData Shortlist,
    IReadOnlyList<FinalistSection> Sections,
    OfficialDocument? Official = null)
{
    public string TimeZoneLabel => ProvinceTime.LabelOf(ProvinceCode);
}

public sealed record SheetScore(string AspectName, string IndicatorCode, string IndicatorName, ScaleKind Scale, decimal? Value, string? Comment);

public sealed record SheetCard(string RoundName, int RoundOrder, string ScorerName, decimal? Total, bool Conflicted, string? Strengths, DateTimeOffset? SubmittedAt, IReadOnlyList<SheetScore> Scores);

/// <summary>
/// The assessment sheet of one nomination: its submitted cards per round that the viewer may see,
/// and the rounds whose other cards are hidden from them, with why (docs/decisions/010).
/// </summary>
public sealed record SheetModel(int Year, string ProvinceCode, string ProvinceName, string Name, string CategoryName, string? RegencyName, NominationStatus Status, string LocalTime, string Reference, ShortlistRow? Row, IReadOnlyList<RoundColumn> Rounds, IReadOnlyList<SheetCard> Cards)
{
    public IReadOnlyList<(string RoundName, HiddenReason Reason)> HiddenRounds { get; init; } = [];

    /// <summary>The chair's reason for marking the nomination scored while its scoring was incomplete (<see cref="ScoringGaps"/>).</summary>
    public string? ScoringReason { get; init; }
}

/// <summary>
/// Reads what the reports show, in a fixed number of queries: a decided plenary's finalist report
/// from the snapshot stored when it was decided, everything else from the live data.
/// </summary>
public sealed class ReportData(ParitranaDbContext db, ShortlistQuery shortlist, DecisionVersions versions, TimeProvider clock)
{
    public static readonly NominationStatus[] FinalistStatuses =
        [NominationStatus.Finalist, NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner];

    public static string ReferenceOf(int year, string provinceCode, DateTimeOffset local, string prefix = "PRT") =>
        $"{prefix}-{year.ToString(CultureInfo.InvariantCulture)}-{provinceCode}-{local.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";

    /// <summary>"25 Juni 2021 15:30 WITA": an instant in the province's time, as the reports print it.</summary>
    public static string LocalTimeText(DateTimeOffset instant, string provinceCode) =>
        ProvinceTime.ToLocal(instant, provinceCode).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " " + ProvinceTime.LabelOf(provinceCode);

    /// <summary>
    /// The finalist report: of the decision in force, or of <paramref name="version"/> (null when
    /// there is no such version); without a decision in force, the live draft. The shortlist report
    /// (<paramref name="allCandidates"/>) is always live.
    /// </summary>
    public async Task<ReportModel?> BuildAsync(int cycleId, int year, string provinceCode, bool allCandidates, int? version, ScoreViewer viewer, CancellationToken ct)
    {
        if (!allCandidates && await versions.LoadAsync(cycleId, provinceCode, version, ct) is { } official)
        {
            return SnapshotReport.ToModel(official);
        }

        if (version is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var local = ProvinceTime.ToLocal(now, provinceCode);
        var provinceName = await db.Provinces.AsNoTracking().Where(p => p.Code == provinceCode).Select(p => p.Name).FirstAsync(ct);
        var data = await shortlist.LoadAsync(cycleId, provinceCode, viewer, ct);
        var parts = new ReportParts(db);
        var committee = await parts.CommitteeAsync(provinceCode, now, ct);
        var plenaryRow = await db.Plenaries.AsNoTracking().Where(p => p.CycleId == cycleId && p.ProvinceCode == provinceCode).FirstOrDefaultAsync(ct);
        var plenary = plenaryRow is null
            ? null
            : new PlenaryInfo(plenaryRow.HeldOn, plenaryRow.Place, plenaryRow.Attendees, plenaryRow.Minutes, plenaryRow.Decision, plenaryRow.DecidedAt);

        if (!allCandidates)
        {
            // The draft: the finalists so far and, until the plenary decides, the ranking's proposal
            // (the top N of those scored).
            var undecided = plenaryRow?.DecidedAt is null;
            data = data with
            {
                Categories = data.Categories
                    .Select(c => c with
                    {
                        Rows = c.Rows.Where(r => FinalistStatuses.Contains(r.Status) || (undecided && r.Status == NominationStatus.Scored && r.IsDefaultFinalist)).ToList(),
                    })
                    .ToList(),
            };
        }

        var ids = data.AllRows.Select(r => r.NominationId).ToList();
        var rationales = plenaryRow is null || allCandidates
            ? new Dictionary<int, string?>()
            : await db.FinalistDecisions.AsNoTracking().Where(d => d.PlenaryId == plenaryRow.Id && ids.Contains(d.NominationId))
                .ToDictionaryAsync(d => d.NominationId, d => d.Rationale, ct);
        var sections = allCandidates ? [] : await parts.SectionsAsync(data, rationales, ct);
        return new ReportModel(
            year, provinceCode, provinceName, now, LocalTimeText(now, provinceCode),
            ReferenceOf(year, provinceCode, local, allCandidates ? "PRT-DP" : "PRT-DRAF"),
            allCandidates, committee, plenary, data, sections);
    }

    /// <summary>The assessment sheet of one nomination (already checked to be in the user's scope), as the viewer may see it.</summary>
    public async Task<SheetModel?> SheetAsync(int nominationId, ScoreViewer viewer, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().Where(x => x.Id == nominationId)
            .Select(x => new
            {
                x.CycleId,
                x.ProvinceCode,
                x.Organisation!.Name,
                CategoryName = x.Category!.Name,
                RegencyName = db.RegenciesAndCities.Where(r => r.Code == x.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                x.Status,
                Year = db.AwardCycles.Where(c => c.Id == x.CycleId).Select(c => c.Year).First(),
                ProvinceName = db.Provinces.Where(p => p.Code == x.ProvinceCode).Select(p => p.Name).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (n is null)
        {
            return null;
        }

        var data = await shortlist.LoadAsync(n.CycleId, n.ProvinceCode, viewer, ct);
        var cards = await db.Scorecards.AsNoTracking().VisibleTo(data.Visibility)
            .Where(c => c.NominationId == nominationId && c.Status == ScorecardStatus.Submitted)
            .Join(db.ScoringRounds, c => c.RoundId, r => r.Id, (c, r) => new { Card = c, r.Name, r.SortOrder })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Card.Id)
            .Select(x => new
            {
                x.Card.Id,
                RoundName = x.Name,
                x.SortOrder,
                ScorerName = db.Users.Where(u => u.Id == x.Card.ScorerId).Select(u => u.FullName).First(),
                x.Card.Total,
                Conflicted = db.ConflictDeclarations.Any(d => d.NominationId == x.Card.NominationId && d.ScorerId == x.Card.ScorerId),
                x.Card.Strengths,
                x.Card.SubmittedAt,
                Scores = x.Card.Scores
                    .Join(db.Indicators, s => s.IndicatorId, i => i.Id, (s, i) => new { s, i })
                    .Join(db.Aspects, si => si.i.AspectId, a => a.Id, (si, a) => new { si.s, si.i, a })
                    .OrderBy(z => z.a.SortOrder).ThenBy(z => z.i.SortOrder)
                    .Select(z => new SheetScore(z.a.Name, z.i.Code, z.i.Name, z.i.Scale, z.s.Value, z.s.Comment))
                    .ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var local = ProvinceTime.ToLocal(now, n.ProvinceCode);
        return new SheetModel(
            n.Year, n.ProvinceCode, n.ProvinceName, n.Name, n.CategoryName, n.RegencyName, n.Status,
            LocalTimeText(now, n.ProvinceCode),
            ReferenceOf(n.Year, n.ProvinceCode, local, "PRT-LP") + "-" + nominationId.ToString(CultureInfo.InvariantCulture),
            data.AllRows.FirstOrDefault(r => r.NominationId == nominationId),
            data.Rounds,
            cards.Select(c => new SheetCard(c.RoundName, c.SortOrder, c.ScorerName, c.Total, c.Conflicted, c.Strengths, c.SubmittedAt, c.Scores)).ToList())
        {
            ScoringReason = data.ScoringReasons.GetValueOrDefault(nominationId),
            HiddenRounds = data.Rounds
                .Select(r => (r.Name, Reason: data.Visibility.Round(r.Id, nominationId)))
                .Where(r => r.Reason != HiddenReason.None)
                .ToList(),
        };
    }
}
