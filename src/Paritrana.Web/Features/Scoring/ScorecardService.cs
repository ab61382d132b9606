using Microsoft.Extensions.Caching.Memory;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// One scorer's scorecard of one nomination in one round: what the card page shows, and saving,
/// submitting and reopening it. The rules:
/// <list type="bullet">
/// <item>only the assigned scorer opens the card (anyone else: not found); a declared conflict blocks it;</item>
/// <item>scores are entered only while the round is open; a submitted card is read-only until the chair reopens it;</item>
/// <item>the card row is created on its first save, against the category's current criteria version,
/// which is locked from then on (a later change of the criteria makes a new version);</item>
/// <item>the card's version travels in the form: a save from a stale form is refused whole;</item>
/// <item>every change of a score is kept (<see cref="ScoreChange"/>) and audited.</item>
/// </list>
/// </summary>
public sealed partial class ScorecardService(ParitranaDbContext db, AuditTrail audit, TimeProvider clock, IMemoryCache cache, IStringLocalizer<SharedResource> l, Notifications.Notifier notifier)
{
    public const int MaxCommentLength = 2000;
    public const int MaxStrengthsLength = 4000;

    public sealed record IndicatorView(int Id, string Code, string Name, decimal Weight, ScaleKind Scale, string? Guidance, IReadOnlyList<string?> Rubric);

    public sealed record AspectView(int Id, string Code, string Name, decimal Weight, int SortOrder, IReadOnlyList<IndicatorView> Indicators);

    public sealed record ScoreValue(decimal? Value, string? Comment);

    /// <summary>Another scorer's submitted card of the same nomination and round (shown only when allowed).</summary>
    public sealed record OtherCard(string ScorerName, decimal? Total, bool Conflicted, IReadOnlyDictionary<string, decimal?> ValuesByIndicatorCode);

    /// <summary>Everything the card page needs, read in a few queries.</summary>
    public sealed class CardContext
    {
        public required int RoundId { get; init; }
        public required string RoundName { get; init; }
        public required RoundStatus RoundStatus { get; init; }
        public required int CycleId { get; init; }
        public required int CycleYear { get; init; }
        public required string ProvinceCode { get; init; }
        public required IReadOnlyList<string> RoundAspectCodes { get; init; }
        public required int NominationId { get; init; }
        public required string NominationName { get; init; }
        public required int CategoryId { get; init; }
        public required string CategoryName { get; init; }
        public string? RegencyCode { get; init; }
        public required Guid ScorerId { get; init; }
        public string? ConflictReason { get; init; }
        public int? CardId { get; set; }
        public ScorecardStatus? CardStatus { get; set; }
        public decimal? Total { get; set; }
        public uint Version { get; set; }
        public string? Strengths { get; set; }
        public string? ReopenReason { get; set; }
        public DateTimeOffset? SubmittedAt { get; set; }
        public int? CriteriaSetId { get; set; }
        public int CriteriaVersionNumber { get; set; }
        /// <summary>Why the card cannot be scored because of its criteria (none set, or not valid); null when fine.</summary>
        public string? CriteriaProblem { get; set; }
        public IReadOnlyList<AspectView> Aspects { get; set; } = [];
        public IReadOnlyDictionary<int, ScoreValue> Scores { get; set; } = new Dictionary<int, ScoreValue>();
        /// <summary>Why the other scorers' cards are not shown to this scorer (docs/decisions/010); None when they are.</summary>
        public HiddenReason OthersHidden { get; set; }
        public IReadOnlyList<OtherCard> Others { get; set; } = [];
        /// <summary>The indicators computed from the nomination's figures, by indicator id (ComputedScores, docs/decisions/035).</summary>
        public IReadOnlyDictionary<int, ComputedScores.Computed> Computed { get; set; } = new Dictionary<int, ComputedScores.Computed>();

        public IEnumerable<IndicatorView> Indicators => Aspects.SelectMany(a => a.Indicators);

        public bool IsSubmitted => CardStatus == ScorecardStatus.Submitted;

        /// <summary>Whether the scorer may change the card now.</summary>
        public bool CanEdit => RoundStatus == RoundStatus.Open && ConflictReason is null && !IsSubmitted && CriteriaProblem is null && Aspects.Count > 0;
    }

    /// <summary>A score as posted: the indicator and the typed value and comment.</summary>
    public sealed record ScoreEntry(int IndicatorId, string? Value, string? Comment);

    public sealed record CardInput(uint Version, int? CriteriaSetId, string? Strengths, IReadOnlyList<ScoreEntry> Scores);

    public enum SaveStatus
    {
        Saved,
        Submitted,
        NothingChanged,
        /// <summary>A submit that would succeed, checked but not written (the confirmation step).</summary>
        ReadyToSubmit,
        Invalid,
        Stale,
        Refused,
    }

    public sealed record SaveResult(
        SaveStatus Status,
        string? Message = null,
        IReadOnlyDictionary<int, string>? IndicatorErrors = null,
        string? StrengthsError = null,
        decimal? Total = null);

    /// <summary>
    /// The card of <paramref name="scorerId"/> for a nomination in a round, or null when the round or
    /// the nomination is out of scope or the scorer is not assigned (the page answers 404). For a
    /// save (<paramref name="forSave"/>) the other scorers' cards are not read.
    /// </summary>
    public async Task<CardContext?> LoadAsync(int roundId, int nominationId, Guid scorerId, AccessScope scope, CancellationToken ct, bool forSave = false)
    {
        // The round in scope first: its scope value says where its nominations come from, the province's
        // (in the reader's scope) or, for a national round, the cycle's national pool (docs/decisions/043).
        var round = await db.ScoringRounds.AsNoTracking().InScope(scope).Where(r => r.Id == roundId)
            .Select(r => new { r.CycleId, r.ProvinceCode }).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var national = NationalStage.IsNational(round.ProvinceCode);
        var nominations = national
            ? National.NationalPool.Of(db, round.CycleId)
            : db.Nominations.InScope(scope).Where(n => n.CycleId == round.CycleId && n.ProvinceCode == round.ProvinceCode);
        var head = await (
                from r in db.ScoringRounds.AsNoTracking()
                where r.Id == roundId
                from n in nominations.AsNoTracking()
                where n.Id == nominationId
                where db.Assignments.Any(a => a.RoundId == r.Id && a.NominationId == n.Id && a.ScorerId == scorerId)
                select new
                {
                    RoundId = r.Id,
                    RoundName = r.Name,
                    r.Status,
                    r.CycleId,
                    Year = db.AwardCycles.Where(c => c.Id == r.CycleId).Select(c => c.Year).First(),
                    r.ProvinceCode,
                    NominationId = n.Id,
                    NominationName = n.Organisation!.Name,
                    n.CategoryId,
                    CategoryName = n.Category!.Name,
                    n.RegencyCode,
                    NominationProvince = n.ProvinceCode,
                    Conflict = db.ConflictDeclarations.Where(d => d.NominationId == n.Id && d.ScorerId == scorerId).Select(d => d.Reason).FirstOrDefault(),
                    HomeProvince = db.Users.Where(u => u.Id == scorerId).Select(u => u.HomeProvinceCode).FirstOrDefault(),
                })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var codes = await db.RoundAspects.AsNoTracking().Where(a => a.RoundId == roundId).Select(a => a.AspectCode).ToListAsync(ct);
        var context = new CardContext
        {
            RoundId = head.RoundId,
            RoundName = head.RoundName,
            RoundStatus = head.Status,
            CycleId = head.CycleId,
            CycleYear = head.Year,
            ProvinceCode = head.ProvinceCode,
            RoundAspectCodes = codes,
            NominationId = head.NominationId,
            NominationName = head.NominationName,
            CategoryId = head.CategoryId,
            CategoryName = head.CategoryName,
            RegencyCode = head.RegencyCode,
            ScorerId = scorerId,
            ConflictReason = head.Conflict
                ?? (national && JurorConflicts.Check(head.HomeProvince, head.NominationProvince, false) == JurorExclusion.HomeProvince
                    ? l["Anda berasal dari provinsi kandidat ini, sehingga tidak dapat menilainya."].Value
                    : null),
        };

        var card = await db.Scorecards.AsNoTracking()
            .Where(c => c.RoundId == roundId && c.NominationId == nominationId && c.ScorerId == scorerId)
            .Select(c => new
            {
                c.Id,
                c.Status,
                c.Total,
                c.Version,
                c.Strengths,
                c.ReopenReason,
                c.SubmittedAt,
                c.CriteriaSetId,
                Scores = c.Scores.Select(s => new { s.IndicatorId, s.Value, s.Comment }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (card is not null)
        {
            context.CardId = card.Id;
            context.CardStatus = card.Status;
            context.Total = card.Total;
            context.Version = card.Version;
            context.Strengths = card.Strengths;
            context.ReopenReason = card.ReopenReason;
            context.SubmittedAt = card.SubmittedAt;
            context.CriteriaSetId = card.CriteriaSetId;
            context.Scores = card.Scores.ToDictionary(s => s.IndicatorId, s => new ScoreValue(s.Value, s.Comment));
        }
        else
        {
            var stage = RoundNominations.StageOf(head.ProvinceCode);
            context.CriteriaSetId = await db.CriteriaSets.AsNoTracking()
                .Where(s => s.CategoryId == head.CategoryId && s.Stage == stage && s.IsCurrent)
                .Select(s => (int?)s.Id)
                .FirstOrDefaultAsync(ct);
        }

        if (context.CriteriaSetId is not int setId)
        {
            context.CriteriaProblem = l["Kriteria penilaian kategori ini belum ditetapkan. Hubungi administrator."].Value;
        }
        else
        {
            var (all, versionNumber) = await AspectsOfSetAsync(setId, ct);
            context.CriteriaVersionNumber = versionNumber;
            context.Aspects = all.Where(a => codes.Contains(a.Code)).ToList();
            if (card is null && CriteriaRules.Problems(Shape(all)).Count > 0)
            {
                context.CriteriaProblem = l["Kriteria penilaian kategori ini belum lengkap (bobotnya belum berjumlah 100). Hubungi administrator."].Value;
            }
        }

        context.Computed = await ComputedScores.LoadAsync(db, nominationId, context.Indicators, ct);
        if (forSave)
        {
            return context;
        }

        var visibility = await ScoreVisibilityQuery.ForAsync(db, ScoreViewer.Person(scorerId), context.CycleId, context.ProvinceCode, ct);
        context.OthersHidden = visibility.Round(roundId, nominationId);
        if (context.OthersHidden == HiddenReason.None)
        {
            context.Others = await OthersAsync(roundId, nominationId, scorerId, visibility, ct);
        }

        return context;
    }

    /// <summary>
    /// The aspects and indicators of one criteria set, in order, and its version number. A locked
    /// set never changes (a change makes a new version), so it is kept in memory after the first read.
    /// </summary>
    public async Task<(IReadOnlyList<AspectView> Aspects, int VersionNumber)> AspectsOfSetAsync(int setId, CancellationToken ct)
    {
        var key = FormattableString.Invariant($"scoring:criteria-set:{setId}");
        if (cache.TryGetValue(key, out (IReadOnlyList<AspectView> Aspects, int VersionNumber) cached))
        {
            return cached;
        }

        var set = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.Id == setId)
            .Select(s => new
            {
                s.VersionNumber,
                s.IsLocked,
                Aspects = s.Aspects.OrderBy(a => a.SortOrder).ThenBy(a => a.Code).Select(a => new
                {
                    a.Id,
                    a.Code,
                    a.Name,
                    a.Weight,
                    a.SortOrder,
                    Indicators = a.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Code).Select(i => new
                    {
                        i.Id, i.Code, i.Name, i.Weight, i.Scale, i.EvidenceGuidance, i.Rubric1, i.Rubric2, i.Rubric3, i.Rubric4, i.Rubric5,
                    }).ToList(),
                }).ToList(),
            })
            .FirstAsync(ct);
        IReadOnlyList<AspectView> aspects = set.Aspects.Select(a => new AspectView(
            a.Id,
            a.Code,
            a.Name,
            a.Weight,
            a.SortOrder,
            a.Indicators.Select(i => new IndicatorView(i.Id, i.Code, i.Name, i.Weight, i.Scale, i.EvidenceGuidance, [i.Rubric1, i.Rubric2, i.Rubric3, i.Rubric4, i.Rubric5])).ToList()))
            .ToList();
        if (set.IsLocked)
        {
            cache.Set(key, (aspects, set.VersionNumber), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        }

        return (aspects, set.VersionNumber);
    }

    public static IReadOnlyList<IndicatorWeighting> Weightings(IEnumerable<AspectView> aspects) =>
        aspects.SelectMany(a => a.Indicators.Select(i => new IndicatorWeighting(i.Id, a.Id, a.Weight, i.Weight, i.Scale))).ToList();

    private static List<CriteriaRules.AspectShape> Shape(IEnumerable<AspectView> aspects) =>
        aspects.Select(a => new CriteriaRules.AspectShape(a.Name, a.Weight, a.Indicators.Select(i => new CriteriaRules.WeightItem(i.Name, i.Weight)).ToList())).ToList();

    public static string ConflictMessage(IStringLocalizer l) =>
        l["Anda telah menyatakan konflik kepentingan dengan nominasi ini, sehingga tidak dapat menilainya."].Value;

    public static string StaleMessage(IStringLocalizer l) =>
        l["Kartu nilai ini sudah disimpan dari tab atau perangkat lain. Nilai yang tersimpan sekarang ditampilkan di bawah; isian Anda tidak disimpan. Periksa, lalu simpan lagi bila perlu."].Value;

    private async Task<IReadOnlyList<OtherCard>> OthersAsync(int roundId, int nominationId, Guid scorerId, ScoreVisibility visibility, CancellationToken ct)
    {
        var cards = await db.Scorecards.AsNoTracking().VisibleTo(visibility)
            .Where(c => c.RoundId == roundId && c.NominationId == nominationId && c.ScorerId != scorerId && c.Status == ScorecardStatus.Submitted)
            .Select(c => new
            {
                Name = db.Users.Where(u => u.Id == c.ScorerId).Select(u => u.FullName).First(),
                c.Total,
                Conflicted = db.ConflictDeclarations.Any(d => d.NominationId == c.NominationId && d.ScorerId == c.ScorerId),
                Scores = c.Scores.Select(s => new { Code = db.Indicators.Where(i => i.Id == s.IndicatorId).Select(i => i.Code).First(), s.Value }).ToList(),
            })
            .OrderBy(c => c.Name)
            .ToListAsync(ct);
        return cards.Select(c => new OtherCard(c.Name, c.Total, c.Conflicted, c.Scores.ToDictionary(s => s.Code, s => s.Value))).ToList();
    }
}
