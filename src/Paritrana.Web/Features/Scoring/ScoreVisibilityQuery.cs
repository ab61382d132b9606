namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The rule of who sees whose scores (<see cref="ScoreVisibility"/>, docs/decisions/010) as the
/// pages apply it: <see cref="ForAsync(ParitranaDbContext, ScoreViewer, int, string, ScoringSettings, CancellationToken)"/>
/// loads a viewer's facts in a cycle and province (two small queries: their assignments without a
/// submitted card, and their conflict declarations), and <see cref="VisibleTo"/> filters any query
/// of submitted cards by it. Every page, export and PDF that shows a score goes through one of the
/// two, or through <see cref="ScoreBoard"/>, which uses them.
/// </summary>
public static class ScoreVisibilityQuery
{
    /// <summary>The signed-in person as a viewer of scores.</summary>
    public static ScoreViewer Viewer(this CurrentUser me) =>
        me.Id is Guid id ? ScoreViewer.Person(id) : throw new InvalidOperationException("Scores are shown only to a signed-in user.");

    public static async Task<ScoreVisibility> ForAsync(ParitranaDbContext db, ScoreViewer viewer, int cycleId, string provinceCode, CancellationToken ct) =>
        viewer.IsOfficial
            ? ScoreVisibility.Official
            : await ForAsync(db, viewer, cycleId, provinceCode, await ScoringLookups.SettingsAsync(db, cycleId, ct), ct);

    public static async Task<ScoreVisibility> ForAsync(ParitranaDbContext db, ScoreViewer viewer, int cycleId, string provinceCode, ScoringSettings settings, CancellationToken ct)
    {
        if (viewer.PersonId is not Guid me)
        {
            return ScoreVisibility.Official;
        }

        // Only assignments without a submitted card can hide anything; the rule decides which do.
        var assignments = await (
                from a in db.Assignments.AsNoTracking()
                where a.ScorerId == me
                join r in db.ScoringRounds on a.RoundId equals r.Id
                where r.CycleId == cycleId && r.ProvinceCode == provinceCode
                let card = db.Scorecards.Where(c => c.RoundId == a.RoundId && c.NominationId == a.NominationId && c.ScorerId == me)
                    .Select(c => (ScorecardStatus?)c.Status).FirstOrDefault()
                where card == null || card != ScorecardStatus.Submitted
                select new OwnAssignment(a.RoundId, a.NominationId, r.Status, card))
            .ToListAsync(ct);
        var scoped = RoundNominations.Any(db, cycleId, provinceCode);
        var conflicts = await db.ConflictDeclarations.AsNoTracking()
            .Where(d => d.ScorerId == me && scoped.Any(n => n.Id == d.NominationId))
            .Select(d => d.NominationId)
            .ToListAsync(ct);
        return ScoreVisibility.For(me, settings.HideOthersUntilSubmitted, assignments, conflicts);
    }

    /// <summary>
    /// The submitted cards the viewer may see: their own, and another's unless its nomination is
    /// one they declared a conflict with or its round is one where their own card is unfinished.
    /// </summary>
    public static IQueryable<Scorecard> VisibleTo(this IQueryable<Scorecard> cards, ScoreVisibility visibility)
    {
        if (!visibility.HidesAny)
        {
            return cards;
        }

        var me = visibility.ViewerId!.Value;
        var conflicted = visibility.ConflictedNominations.ToList();
        var unfinished = visibility.UnfinishedRounds.Select(u => ScoreVisibility.Key(u.RoundId, u.NominationId)).ToList();
        return cards.Where(c => c.ScorerId == me
            || (!conflicted.Contains(c.NominationId) && !unfinished.Contains((c.RoundId * 4294967296L) + c.NominationId)));
    }
}
