using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Reports;

/// <summary>
/// CSV of the rankings and of all raw scores, in the spreadsheet format of every export
/// (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, semicolons, CRLF, formula cells escaped), decimals
/// with a comma.
/// </summary>
public static class RankingCsv
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>
    /// The rankings as the viewer may see them (docs/decisions/010): a hidden nomination's row has its
    /// name and status but no figure, and says why in the last column; in a category whose ranks are
    /// withheld, no rank or tie is given.
    /// </summary>
    public static byte[] Rankings(ShortlistData data, IStringLocalizer<SharedResource> l)
    {
        var lines = new List<IEnumerable<string?>>
        {
            Line(new[] { l["Kategori"].Value, l["Peringkat"].Value, l["Nama"].Value, l["Kabupaten/kota"].Value, l["Status"].Value }
                .Concat(data.Rounds.Select(r => r.Name))
                .Concat(new[]
                {
                    l["Total"].Value, l["Total lengkap"].Value, l["Cakupan (%)"].Value, l["Butir pembinaan terbuka"].Value, l["Seri"].Value, l["Pemecah seri"].Value,
                    l["Kelengkapan penilaian"].Value, l["Keterangan"].Value,
                })
                ),
        };
        foreach (var category in data.Categories)
        {
            foreach (var r in category.Rows)
            {
                var ranked = !r.IsHidden && !category.RanksWithheld;
                var note = r.IsHidden ? l[ScoreVisibilityTexts.Row(r.Hidden)].Value
                    : category.RanksWithheld ? l[ScoreVisibilityTexts.RanksWithheld].Value
                    : "";
                lines.Add(Line(new[]
                    {
                        (category.Name),
                        r.Rank == 0 ? "" : r.Rank.ToString(CultureInfo.InvariantCulture),
                        (r.Name),
                        (r.RegencyName),
                        (l[NominationNames.Status(r.Status)].Value),
                    }
                    .Concat(data.Rounds.Select(round => Figure(r.RoundScores[round.Id])))
                    .Concat(new[]
                    {
                        Figure(r.Total), r.IsHidden ? "" : r.IsComplete ? l["Ya"].Value : l["Tidak"].Value, Figure(r.Coverage),
                        r.OpenCoachingItems.ToString(CultureInfo.InvariantCulture),
                        !ranked ? "" : r.Tied ? l["Ya"].Value : l["Tidak"].Value,
                        ranked ? (l[ShortlistNames.TieBreak(r.BrokenBy)].Value) : "",
                        (ScoringGaps.TextOf(l, data, r)),
                        (note),
                    })));
            }
        }

        return SpreadsheetCsv.ToBytes(lines);
    }

    /// <summary>
    /// Every submitted card's scores and comments that the viewer may see (docs/decisions/010), then
    /// one line per nomination and round whose other cards are hidden from them, saying why.
    /// </summary>
    public static async Task<byte[]> RawScoresAsync(ParitranaDbContext db, int cycleId, string provinceCode, ScoreVisibility visibility, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var rows = await db.Scorecards.AsNoTracking().VisibleTo(visibility)
            .Where(c => c.ProvinceCode == provinceCode && c.Status == ScorecardStatus.Submitted)
            .Join(db.ScoringRounds.Where(r => r.CycleId == cycleId && r.ProvinceCode == provinceCode), c => c.RoundId, r => r.Id, (c, r) => new { c, r })
            .Join(db.Nominations, x => x.c.NominationId, n => n.Id, (x, n) => new { x.c, x.r, n })
            .SelectMany(x => x.c.Scores, (x, s) => new { x.c, x.r, x.n, s })
            .Join(db.Indicators, x => x.s.IndicatorId, i => i.Id, (x, i) => new { x.c, x.r, x.n, x.s, i })
            .Join(db.Aspects, x => x.i.AspectId, a => a.Id, (x, a) => new { x.c, x.r, x.n, x.s, x.i, a })
            .OrderBy(x => x.n.Category!.SortOrder).ThenBy(x => x.n.Organisation!.Name).ThenBy(x => x.r.SortOrder).ThenBy(x => x.c.Id)
            .ThenBy(x => x.a.SortOrder).ThenBy(x => x.i.SortOrder)
            .Select(x => new
            {
                NominationId = x.n.Id,
                RoundId = x.r.Id,
                Category = x.n.Category!.Name,
                Name = x.n.Organisation!.Name,
                Round = x.r.Name,
                Scorer = db.Users.Where(u => u.Id == x.c.ScorerId).Select(u => u.FullName).First(),
                x.c.Total,
                Conflicted = db.ConflictDeclarations.Any(d => d.NominationId == x.c.NominationId && d.ScorerId == x.c.ScorerId),
                Aspect = x.a.Name,
                x.i.Code,
                Indicator = x.i.Name,
                x.s.Value,
                x.s.Comment,
            })
            .ToListAsync(ct);
        var gaps = await GapsAsync(db, cycleId, provinceCode, visibility, rows.Select(r => (r.NominationId, r.RoundId, r.Total, r.Conflicted)).ToList(), l, ct);
        var lines = new List<IEnumerable<string?>>
        {
            Line(new[]
            {
                l["Kategori"].Value, l["Nama"].Value, l["Babak"].Value, l["Penilai"].Value, l["Total kartu"].Value, l["Konflik kepentingan"].Value,
                l["Aspek"].Value, l["Kode indikator"].Value, l["Indikator"].Value, l["Nilai"].Value, l["Komentar"].Value, l["Kelengkapan penilaian"].Value,
            }),
        };
        lines.AddRange(rows.Select(r => Line(
            (r.Category), (r.Name), (r.Round), (r.Scorer), Figure(r.Total),
            r.Conflicted ? l["Ya"].Value : l["Tidak"].Value, (r.Aspect), (r.Code), (r.Indicator),
            Figure(r.Value), (r.Comment), (gaps.GetValueOrDefault(r.NominationId)))));
        lines.AddRange((await HiddenRoundsAsync(db, cycleId, provinceCode, visibility, ct)).Select(h => Line(
            (h.Category), (h.Name), (h.Round), "", "", "", "", "", "", "",
            (l[ScoreVisibilityTexts.Cards(h.Reason)].Value), "")));
        return SpreadsheetCsv.ToBytes(lines);
    }

    /// <summary>
    /// Per nomination of the raw scores, its scoring gap in words (<see cref="ScoringGaps"/>): the
    /// weighted rounds in which no submitted card of a scorer without a conflict counts, and the
    /// chair's reason for marking it scored anyway. A nomination with a round hidden from the viewer
    /// gets none: its missing cards there are withheld, not known to be missing (decisions/010).
    /// </summary>
    private static async Task<Dictionary<int, string>> GapsAsync(
        ParitranaDbContext db, int cycleId, string provinceCode, ScoreVisibility visibility,
        List<(int NominationId, int RoundId, decimal? Total, bool Conflicted)> cards, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var ids = cards.Select(c => c.NominationId).Distinct().ToList();
        var rounds = await db.ScoringRounds.AsNoTracking().Where(r => r.CycleId == cycleId && r.ProvinceCode == provinceCode)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id).Select(r => new { r.Id, r.Name, r.Weight }).ToListAsync(ct);
        var reasons = await ScoringCompletenessQuery.ReasonsAsync(db, ids, ct);
        var counted = cards.Where(c => !c.Conflicted && c.Total is not null).ToLookup(c => (c.NominationId, c.RoundId), c => c.Total!.Value);
        var gaps = new Dictionary<int, string>();
        foreach (var id in ids.Where(id => rounds.All(r => visibility.Round(r.Id, id) == HiddenReason.None)))
        {
            var scores = rounds.Select(r => new RoundScore(r.Name, r.Weight, ScoringMath.Mean(counted[(id, r.Id)].ToList())));
            if (ScoringGaps.Of(scores, reasons.GetValueOrDefault(id)) is { } gap)
            {
                gaps[id] = ScoringGaps.Text(l, gap);
            }
        }

        return gaps;
    }

    private sealed record HiddenRound(string Category, string Name, string Round, HiddenReason Reason);

    /// <summary>The nominations and rounds of the cycle whose other cards the viewer may not see, by category, name and round.</summary>
    private static async Task<List<HiddenRound>> HiddenRoundsAsync(ParitranaDbContext db, int cycleId, string provinceCode, ScoreVisibility visibility, CancellationToken ct)
    {
        if (!visibility.HidesAny)
        {
            return [];
        }

        var ids = visibility.ConflictedNominations.Concat(visibility.UnfinishedRounds.Select(u => u.NominationId)).Distinct().ToList();
        var nominations = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id) && n.CycleId == cycleId && n.ProvinceCode == provinceCode)
            .Select(n => new { n.Id, Category = n.Category!.Name, CategorySort = n.Category.SortOrder, n.Organisation!.Name })
            .ToListAsync(ct);
        var rounds = await db.ScoringRounds.AsNoTracking().Where(r => r.CycleId == cycleId && r.ProvinceCode == provinceCode)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name })
            .ToListAsync(ct);
        return nominations
            .OrderBy(n => n.CategorySort).ThenBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id)
            .SelectMany(n => rounds.Select(r => (n, r, Reason: visibility.Round(r.Id, n.Id))))
            .Where(x => x.Reason != HiddenReason.None)
            .Select(x => new HiddenRound(x.n.Category, x.n.Name, x.r.Name, x.Reason))
            .ToList();
    }

    /// <summary>A figure with two decimals and a decimal comma (rounded half away from zero), empty when none.</summary>
    public static string Figure(decimal? value) => value is decimal v ? ScoringMath.Round2(v).ToString("0.00", Indonesian) : "";

    private static IEnumerable<string?> Line(IEnumerable<string?> cells) => cells;

    private static string?[] Line(params string?[] cells) => cells;

    public static string FileName(string kind, int year, string provinceCode) =>
        $"{kind}-{year.ToString(CultureInfo.InvariantCulture)}-{provinceCode}.csv";
}
