namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// Reads what <see cref="ScoringCompleteness.Missing"/> needs for one nomination (per open or closed
/// round of its cycle and province: the assigned scorers without a declared conflict, and how many
/// of them submitted their card), and words the result for "Sudah dinilai" (docs/decisions/015).
/// </summary>
public static class ScoringCompletenessQuery
{
    public static async Task<IReadOnlyList<MissingRound>> MissingAsync(ParitranaDbContext db, int nominationId, int cycleId, string provinceCode, CancellationToken ct)
    {
        var rounds = await db.ScoringRounds.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.ProvinceCode == provinceCode && r.Status != RoundStatus.Draft)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Name,
                r.Status,
                Assigned = db.Assignments.Count(a => a.RoundId == r.Id && a.NominationId == nominationId
                    && !db.ConflictDeclarations.Any(d => d.NominationId == nominationId && d.ScorerId == a.ScorerId)),
                Submitted = db.Assignments.Count(a => a.RoundId == r.Id && a.NominationId == nominationId
                    && !db.ConflictDeclarations.Any(d => d.NominationId == nominationId && d.ScorerId == a.ScorerId)
                    && db.Scorecards.Any(c => c.RoundId == r.Id && c.NominationId == nominationId && c.ScorerId == a.ScorerId && c.Status == ScorecardStatus.Submitted)),
            })
            .ToListAsync(ct);
        return ScoringCompleteness.Missing(rounds.Select(r => new RoundCards(r.Name, r.Status, r.Assigned, r.Submitted)));
    }

    /// <summary>One missing round in words: "Wawancara (2 dari 3 kartu nilai belum dikirim)".</summary>
    public static string Describe(IStringLocalizer<SharedResource> l, MissingRound round) => round.NoScorer
        ? l["{0} (belum ada penilai yang ditugaskan)", round.RoundName].Value
        : l["{0} ({1} dari {2} kartu nilai belum dikirim)", round.RoundName, round.Unsubmitted.ToString("N0"), round.Assigned.ToString("N0")].Value;

    public static string List(IStringLocalizer<SharedResource> l, IEnumerable<MissingRound> missing) => string.Join("; ", missing.Select(m => Describe(l, m)));

    /// <summary>The refusal of "Sudah dinilai" without a reason: which rounds are missing, and what to do.</summary>
    public static string Refusal(IStringLocalizer<SharedResource> l, IReadOnlyList<MissingRound> missing) =>
        l["Penilaian nominasi ini belum lengkap: {0}. Minta penilai mengirim kartu nilainya (atau tugaskan penilai di babak itu), lalu tandai lagi; bila ketua tetap menandainya sudah dinilai, tuliskan alasannya.", List(l, missing)].Value;

    /// <summary>The chair's reason for marking each nomination scored while its scoring was incomplete (kept on the status change).</summary>
    public static async Task<IReadOnlyDictionary<int, string>> ReasonsAsync(ParitranaDbContext db, IReadOnlyCollection<int> nominationIds, CancellationToken ct)
    {
        if (nominationIds.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        var ids = nominationIds.ToList();
        var changes = await db.StatusChanges.AsNoTracking()
            .Where(c => ids.Contains(c.NominationId) && c.Action == NominationAction.MarkScored)
            .Select(c => new { c.NominationId, c.Id, c.At, c.Reason })
            .ToListAsync(ct);

        // The latest "Sudah dinilai" counts: a nomination sent back and marked again has only that step's reason.
        return changes
            .GroupBy(c => c.NominationId)
            .Select(g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First())
            .Where(c => !string.IsNullOrEmpty(c.Reason))
            .ToDictionary(c => c.NominationId, c => c.Reason!);
    }
}
