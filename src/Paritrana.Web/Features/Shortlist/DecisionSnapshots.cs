using Paritrana.Web.Features.Reports;

namespace Paritrana.Web.Features.Shortlist;

/// <summary>Who decided, when, and the rationale the chair gave per category; at the national plenary, each winner's award name.</summary>
public sealed record DecisionMoment(DateTimeOffset At, Guid By, string ByName, IReadOnlyDictionary<int, string?> RationaleByCategory)
{
    public IReadOnlyDictionary<int, string?>? Awards { get; init; }
}

/// <summary>
/// Freezes a plenary's decision (docs/decisions/011): builds the <see cref="DecisionSnapshot"/> of
/// everything the finalist report prints, from the same computation and report parts the live
/// report uses, seals it (canonical JSON, SHA-256, verification code) and adds the next
/// <see cref="PlenaryDecisionVersion"/> of the plenary to the context, to be saved in the
/// transaction of the decision. The portal (<see cref="PlenaryDecisions"/>) and the demo seeder
/// both go through here. Needs nothing but the DbContext, so the seeder can make one.
/// </summary>
public sealed class DecisionSnapshots(ParitranaDbContext db)
{
    /// <summary>
    /// The shortlist a decision is taken on and frozen from: every score, unrestricted by who is
    /// looking. The one place to re-point when the score computation changes.
    /// </summary>
    public Task<ShortlistData> OfficialShortlistAsync(int cycleId, string provinceCode, CancellationToken ct) =>
        new ShortlistQuery(db).LoadAsync(cycleId, provinceCode, ScoreViewer.Official, ct);

    /// <summary>
    /// The shortlist as the decision leaves it: each decided row Finalist or NotShortlisted (Winner or
    /// NotWinner at the national plenary), the others as they were.
    /// </summary>
    public static ShortlistData AsDecided(ShortlistData data, IReadOnlySet<int> decided, IReadOnlySet<int> finalists, PlenaryStage? stage = null) => data with
    {
        Categories = data.Categories.Select(c => c with
        {
            Rows = c.Rows.Select(r => decided.Contains(r.NominationId)
                ? r with { Status = (stage ?? PlenaryStage.Provincial).StatusOf(finalists.Contains(r.NominationId)) }
                : r).ToList(),
        }).ToList(),
    };

    /// <summary>
    /// The name the decision's document gives its scope: the province's, or, for the national plenary,
    /// "Tingkat Nasional" (docs/decisions/047).
    /// </summary>
    public const string NationalName = "Tingkat Nasional";

    /// <summary>Whether a row of a decided shortlist is one the report gives a section: a finalist of a province, a winner of the national plenary.</summary>
    public static bool IsChosen(PlenaryStage stage, NominationStatus status) =>
        stage.IsNational ? status == NominationStatus.Winner : ReportData.FinalistStatuses.Contains(status);

    /// <summary>
    /// Adds the next version of the plenary's decision record (the plenary must have its id) built
    /// from <paramref name="decided"/> (see <see cref="AsDecided"/>); not saved here.
    /// </summary>
    public async Task<PlenaryDecisionVersion> IssueAsync(Plenary plenary, ShortlistData decided, DecisionMoment moment, CancellationToken ct)
    {
        var stage = PlenaryStage.Of(plenary.ProvinceCode);
        var year = await db.AwardCycles.AsNoTracking().Where(c => c.Id == plenary.CycleId).Select(c => c.Year).FirstAsync(ct);
        var provinceName = stage.IsNational
            ? NationalName
            : await db.Provinces.AsNoTracking().Where(p => p.Code == plenary.ProvinceCode).Select(p => p.Name).FirstAsync(ct);
        var version = 1 + (await db.PlenaryDecisionVersions.AsNoTracking().Where(v => v.PlenaryId == plenary.Id)
            .MaxAsync(v => (int?)v.VersionNumber, ct) ?? 0);
        var number = DecisionDocument.Number(year, plenary.ProvinceCode, version);

        var parts = new ReportParts(db);
        var committee = stage.IsNational
            ? (await parts.JuryAsync(moment.At, ct)).Select(name => new SnapshotCommitteeMember(name, Roles.NationalJuror)).ToList()
            : (await parts.CommitteeAsync(plenary.ProvinceCode, moment.At, ct))
                .Select(m => new SnapshotCommitteeMember(m.Name, m.IsChair ? Roles.CommitteeChair : Roles.CommitteeMember)).ToList();
        var finalists = decided with
        {
            Categories = decided.Categories.Select(c => c with { Rows = c.Rows.Where(r => IsChosen(stage, r.Status)).ToList() }).ToList(),
        };
        var rationaleByNomination = decided.Categories
            .SelectMany(c => c.Rows.Select(r => (r.NominationId, Rationale: moment.RationaleByCategory.GetValueOrDefault(c.CategoryId))))
            .ToDictionary(x => x.NominationId, x => Clean(x.Rationale));
        var profiles = (await parts.SectionsAsync(finalists, rationaleByNomination, ct)).ToDictionary(s => s.Row.NominationId);
        var candidateProvinces = stage.IsNational ? await CandidateProvincesAsync(decided, ct) : new Dictionary<int, string>();

        var snapshot = new DecisionSnapshot(
            DecisionDocument.SchemaVersion,
            number,
            version,
            year,
            plenary.ProvinceCode,
            provinceName,
            moment.At.ToUniversalTime(),
            moment.ByName,
            new SnapshotPlenary(plenary.HeldOn, plenary.Place, plenary.Attendees, plenary.Minutes, plenary.Decision),
            committee,
            decided.Aggregation,
            decided.Rounds.Select(r => new SnapshotRound(r.Id, r.Name, r.Kind, r.Weight)).ToList(),
            decided.Categories.Select(c => new SnapshotCategory(
                c.CategoryId, c.Code, c.Name, c.Kind, c.FinalistCount, Clean(moment.RationaleByCategory.GetValueOrDefault(c.CategoryId)),
                c.Rows.Select(r => Nomination(stage, r, decided.Rounds, profiles.GetValueOrDefault(r.NominationId), decided.ScoringReasons.GetValueOrDefault(r.NominationId)) with
                {
                    CandidateProvince = candidateProvinces.GetValueOrDefault(r.NominationId),
                    AwardName = Clean(moment.Awards?.GetValueOrDefault(r.NominationId)),
                }).ToList())).ToList());
        var sealedSnapshot = DecisionDocument.Seal(snapshot);
        var row = new PlenaryDecisionVersion
        {
            PlenaryId = plenary.Id,
            ProvinceCode = plenary.ProvinceCode,
            VersionNumber = version,
            DocumentNumber = number,
            SchemaVersion = DecisionDocument.SchemaVersion,
            Snapshot = sealedSnapshot.CanonicalJson,
            Sha256 = sealedSnapshot.Sha256,
            VerificationCode = sealedSnapshot.VerificationCode,
            CreatedAt = moment.At,
            CreatedBy = moment.By,
        };
        db.PlenaryDecisionVersions.Add(row);
        return row;
    }

    /// <summary>The details of the audit event of an issued version; shared with the demo seeder.</summary>
    public static AuditDetails IssuedDetails(PlenaryDecisionVersion v) => AuditDetails.Of(
        (null, v.DocumentNumber), (null, FormattableString.Invariant($"version {v.VersionNumber}")), (null, $"sha256 {v.Sha256}"));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The province of each candidate of a national decision, by nomination.</summary>
    private async Task<Dictionary<int, string>> CandidateProvincesAsync(ShortlistData decided, CancellationToken ct)
    {
        var ids = decided.AllRows.Select(r => r.NominationId).ToList();
        return await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, Name = db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First() })
            .ToDictionaryAsync(n => n.Id, n => n.Name, ct);
    }

    private static SnapshotNomination Nomination(PlenaryStage stage, ShortlistRow r, IReadOnlyList<RoundColumn> rounds, FinalistSection? s, string? scoringReason) => new(
        r.NominationId,
        r.Name,
        r.RegencyName,
        r.Status,
        IsChosen(stage, r.Status),
        rounds.Select(round => new SnapshotRoundScore(round.Id, r.RoundScores.GetValueOrDefault(round.Id))).ToList(),
        r.Total,
        r.IsComplete,
        r.InterviewScore,
        r.Coverage,
        r.Rank,
        r.Tied,
        r.BrokenBy,
        r.IsDefaultFinalist,
        r.Disagreement,
        r.OpenCoachingItems,
        s is null
            ? null
            : new SnapshotProfile(
                s.IsGovernment, s.Npp, s.Sector, s.Address, s.Workers, s.ParticipantsPu, s.ParticipantsBpu, s.WorkforceBps, s.ProtectedPu, s.ProtectedBpu,
                s.NonAsnWorkers, s.NonAsnCovered, s.Aspects.Select(a => new SnapshotAspect(a.Code, a.Name, a.Score)).ToList(),
                s.VisitsDone, s.CoachingResolved, s.CoachingWaived, s.CoachingOpen, s.Strengths),
        scoringReason);
}
