using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Access;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Reports;

public sealed record CommitteeMember(string Name, bool IsChair);

public sealed record PlenaryInfo(DateOnly HeldOn, string Place, string Attendees, string? Decision, DateTimeOffset? DecidedAt);

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

/// <summary>The finalist report (or, with <see cref="AllCandidates"/>, the shortlist report) of a province in a cycle.</summary>
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
    IReadOnlyList<FinalistSection> Sections)
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

/// <summary>Reads what the reports show, from the stored data, in a fixed number of queries.</summary>
public sealed class ReportData(ParitranaDbContext db, ShortlistQuery shortlist, TimeProvider clock)
{
    public static readonly NominationStatus[] FinalistStatuses =
        [NominationStatus.Finalist, NominationStatus.ForwardedToNational, NominationStatus.Winner, NominationStatus.NotWinner];

    public static string ReferenceOf(int year, string provinceCode, DateTimeOffset local, string prefix = "PRT") =>
        $"{prefix}-{year.ToString(CultureInfo.InvariantCulture)}-{provinceCode}-{local.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";

    public async Task<ReportModel> BuildAsync(int cycleId, int year, string provinceCode, bool allCandidates, ScoreViewer viewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var local = ProvinceTime.ToLocal(now, provinceCode);
        var provinceName = await db.Provinces.AsNoTracking().Where(p => p.Code == provinceCode).Select(p => p.Name).FirstAsync(ct);
        var data = await shortlist.LoadAsync(cycleId, provinceCode, viewer, ct);
        var committee = await CommitteeAsync(provinceCode, ct);
        var plenaryRow = await db.Plenaries.AsNoTracking().Where(p => p.CycleId == cycleId && p.ProvinceCode == provinceCode).FirstOrDefaultAsync(ct);
        var plenary = plenaryRow is null ? null : new PlenaryInfo(plenaryRow.HeldOn, plenaryRow.Place, plenaryRow.Attendees, plenaryRow.Decision, plenaryRow.DecidedAt);

        if (!allCandidates)
        {
            data = data with
            {
                Categories = data.Categories
                    .Select(c => c with { Rows = c.Rows.Where(r => FinalistStatuses.Contains(r.Status)).ToList() })
                    .ToList(),
            };
        }

        var sections = allCandidates ? [] : await SectionsAsync(data, plenaryRow?.Id, ct);
        return new ReportModel(
            year, provinceCode, provinceName, now,
            local.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " " + ProvinceTime.LabelOf(provinceCode),
            ReferenceOf(year, provinceCode, local, allCandidates ? "PRT-DP" : "PRT"),
            allCandidates, committee, plenary, data, sections);
    }

    public async Task<IReadOnlyList<CommitteeMember>> CommitteeAsync(string provinceCode, CancellationToken ct)
    {
        var chairRole = await db.Roles.Where(r => r.Name == Roles.CommitteeChair).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var memberRole = await db.Roles.Where(r => r.Name == Roles.CommitteeMember).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.ProvinceCode == provinceCode && !u.IsDisabled)
            .Select(u => new
            {
                u.FullName,
                IsChair = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == chairRole),
                IsMember = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == memberRole),
            })
            .Where(u => u.IsChair || u.IsMember)
            .ToListAsync(ct);
        return people.OrderByDescending(p => p.IsChair).ThenBy(p => p.FullName, StringComparer.Ordinal)
            .Select(p => new CommitteeMember(p.FullName, p.IsChair)).ToList();
    }

    private async Task<IReadOnlyList<FinalistSection>> SectionsAsync(ShortlistData data, int? plenaryId, CancellationToken ct)
    {
        var rows = data.Categories.SelectMany(c => c.Rows.Select(r => (Category: c, Row: r))).ToList();
        var ids = rows.Select(r => r.Row.NominationId).ToList();
        var roundIds = data.Rounds.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var profiles = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new
            {
                n.Id,
                IsGovernment = n.Organisation!.Type == Domain.Organisations.OrganisationType.Government,
                n.Organisation.Npp,
                n.Organisation.Sector,
                n.Organisation.Address,
                n.Workers,
                n.ParticipantsPu,
                n.ParticipantsBpu,
                n.WorkforceBps,
                n.ProtectedPu,
                n.ProtectedBpu,
                n.NonAsnWorkers,
                n.NonAsnCovered,
                VisitsDone = db.Visits.Count(v => v.NominationId == n.Id && v.Status == VisitStatus.Done),
                Resolved = db.CoachingItems.Count(c => c.NominationId == n.Id && c.Status == CoachingStatus.Resolved),
                Waived = db.CoachingItems.Count(c => c.NominationId == n.Id && c.Status == CoachingStatus.Waived),
                Open = db.CoachingItems.Count(c => c.NominationId == n.Id && (c.Status == CoachingStatus.Open || c.Status == CoachingStatus.InProgress)),
            })
            .ToDictionaryAsync(n => n.Id, ct);

        // Aspect scores and strengths only of the finalists the viewer may see (docs/decisions/010).
        var shown = rows.Where(r => !r.Row.IsHidden).Select(r => r.Row.NominationId).ToList();
        var cards = db.Scorecards.AsNoTracking().VisibleTo(data.Visibility)
            .Where(c => shown.Contains(c.NominationId) && roundIds.Contains(c.RoundId) && c.Status == ScorecardStatus.Submitted
                        && !db.ConflictDeclarations.Any(d => d.NominationId == c.NominationId && d.ScorerId == c.ScorerId));
        var strengths = (await cards.Where(c => c.Strengths != null && c.Strengths != "")
                .OrderBy(c => c.RoundId).ThenBy(c => c.Id)
                .Select(c => new { c.NominationId, c.Strengths })
                .ToListAsync(ct))
            .ToLookup(s => s.NominationId, s => s.Strengths!);

        var scores = await cards
            .SelectMany(c => c.Scores.Where(s => s.Value != null), (c, s) => new { CardId = c.Id, c.NominationId, s.IndicatorId, Value = s.Value!.Value })
            .ToListAsync(ct);
        var indicatorIds = scores.Select(s => s.IndicatorId).Distinct().ToList();
        var aspectIds = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).Select(i => i.AspectId).Distinct().ToListAsync(ct);
        var aspects = await db.Aspects.AsNoTracking().Where(a => aspectIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Code, a.Name, a.Weight, a.SortOrder })
            .ToDictionaryAsync(a => a.Id, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => aspectIds.Contains(i.AspectId))
            .Select(i => new { i.Id, i.AspectId, i.Weight, i.Scale })
            .ToListAsync(ct);
        var weightingsByAspect = indicators
            .Select(i => new IndicatorWeighting(i.Id, i.AspectId, aspects[i.AspectId].Weight, i.Weight, i.Scale))
            .ToLookup(i => i.AspectId);
        var aspectOfIndicator = indicators.ToDictionary(i => i.Id, i => i.AspectId);

        // Per card and aspect the aspect's score (ScoringMath.AspectScoreOf), then per nomination
        // and aspect code the mean over its cards.
        var aspectScores = scores
            .GroupBy(s => s.CardId)
            .SelectMany(card =>
            {
                var raw = card.ToDictionary(s => s.IndicatorId, s => s.Value);
                var nominationId = card.First().NominationId;
                return card.Select(s => aspectOfIndicator[s.IndicatorId]).Distinct()
                    .Select(a => (NominationId: nominationId, Aspect: aspects[a], Score: ScoringMath.AspectScoreOf(weightingsByAspect[a], raw)))
                    .Where(x => x.Score is not null);
            })
            .GroupBy(x => x.NominationId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<AspectScore>)g.GroupBy(x => x.Aspect.Code)
                    .OrderBy(a => a.Min(x => x.Aspect.SortOrder)).ThenBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => new AspectScore(a.Key, a.First().Aspect.Name, a.Average(x => x.Score!.Value)))
                    .ToList());

        var rationales = plenaryId is int pid
            ? await db.FinalistDecisions.AsNoTracking().Where(d => d.PlenaryId == pid && ids.Contains(d.NominationId))
                .ToDictionaryAsync(d => d.NominationId, d => d.Rationale, ct)
            : [];

        return rows.Select(r =>
        {
            var p = profiles[r.Row.NominationId];
            return new FinalistSection(
                r.Row, r.Category.Name, p.IsGovernment, p.Npp, p.Sector, p.Address, p.Workers, p.ParticipantsPu, p.ParticipantsBpu,
                p.WorkforceBps, p.ProtectedPu, p.ProtectedBpu, p.NonAsnWorkers, p.NonAsnCovered,
                aspectScores.GetValueOrDefault(r.Row.NominationId) ?? [],
                p.VisitsDone, p.Resolved, p.Waived, p.Open,
                strengths[r.Row.NominationId].ToList(),
                rationales.GetValueOrDefault(r.Row.NominationId));
        }).ToList();
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
        var local = ProvinceTime.ToLocal(clock.GetUtcNow(), n.ProvinceCode);
        return new SheetModel(
            n.Year, n.ProvinceCode, n.ProvinceName, n.Name, n.CategoryName, n.RegencyName, n.Status,
            local.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " " + ProvinceTime.LabelOf(n.ProvinceCode),
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
