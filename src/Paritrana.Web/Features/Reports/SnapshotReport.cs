using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Reports;

/// <summary>
/// The finalist report of a decided plenary, from its stored snapshot alone (docs/decisions/011):
/// the snapshot is turned back into the <see cref="ReportModel"/> the live report uses, so one view
/// prints both and nothing in the official one is read from the live data.
/// </summary>
public static class SnapshotReport
{
    public static ReportModel ToModel(DecisionDocumentRecord record)
    {
        var s = record.Snapshot;
        var rounds = s.Rounds.Select(r => new RoundColumn(r.Id, r.Name, r.Kind, r.Weight)).ToList();
        var categories = s.Categories
            .Select(c => new CategoryShortlist(c.Id, c.Code, c.Name, c.Kind, c.FinalistCount, c.Nominations.Where(n => n.IsFinalist).Select(Row).ToList()))
            .ToList();
        var sections = s.Categories
            .SelectMany(c => c.Nominations.Where(n => n.IsFinalist && n.Profile is not null).Select(n => Section(c, n, n.Profile!)))
            .ToList();
        var version = record.Version;
        var superseded = version.SupersededAt is DateTimeOffset at
            ? new Supersession(at, version.SupersededByName ?? "", version.SupersededReason, record.Successor?.DocumentNumber, record.Successor?.CreatedAt)
            : null;
        return new ReportModel(
            s.Year,
            s.ProvinceCode,
            s.ProvinceName,
            s.DecidedAt,
            ReportData.LocalTimeText(s.DecidedAt, s.ProvinceCode),
            s.DocumentNumber,
            AllCandidates: false,
            s.Committee.Select(m => new CommitteeMember(m.Name, m.Role == Roles.CommitteeChair)).ToList(),
            new PlenaryInfo(s.Plenary.HeldOn, s.Plenary.Place, s.Plenary.Attendees, s.Plenary.Minutes, s.Plenary.Decision, s.DecidedAt),
            new ShortlistData(rounds, categories, s.Aggregation)
            {
                ScoringReasons = s.Categories.SelectMany(c => c.Nominations)
                    .Where(n => n.ScoringReason is not null)
                    .ToDictionary(n => n.Id, n => n.ScoringReason!),
            },
            sections,
            new OfficialDocument(s.DocumentNumber, s.Version, DecisionDocument.FormatCode(version.VerificationCode), s.DecidedBy, superseded));
    }

    private static ShortlistRow Row(SnapshotNomination n) => new(
        n.Id,
        0,
        n.Status,
        n.Name,
        n.RegencyName,
        n.RoundScores.ToDictionary(r => r.RoundId, r => r.Score),
        n.Total,
        n.TotalComplete,
        n.InterviewScore,
        n.Coverage,
        n.OpenCoachingItems,
        n.Disagreement,
        n.Rank,
        n.Tied,
        n.TieBreak,
        n.IsDefaultFinalist);

    private static FinalistSection Section(SnapshotCategory c, SnapshotNomination n, SnapshotProfile p) => new(
        Row(n),
        c.Name,
        p.IsGovernment,
        p.Npp,
        p.Sector,
        p.Address,
        p.Workers,
        p.ParticipantsPu,
        p.ParticipantsBpu,
        p.WorkforceBps,
        p.ProtectedPu,
        p.ProtectedBpu,
        p.NonAsnWorkers,
        p.NonAsnCovered,
        p.Aspects.Select(a => new AspectScore(a.Code, a.Name, a.Score)).ToList(),
        p.VisitsDone,
        p.CoachingResolved,
        p.CoachingWaived,
        p.CoachingOpen,
        p.Strengths,
        c.Rationale);
}
