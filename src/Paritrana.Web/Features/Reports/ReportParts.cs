using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Features.Shortlist;

namespace Paritrana.Web.Features.Reports;

/// <summary>
/// The parts of the finalist report read from the stored data: the committee of a province as of a
/// moment, and the finalists' sections. The live (draft) report and the plenary's snapshot
/// (<see cref="DecisionSnapshots"/>) are both built from these, so the frozen report prints what the
/// draft printed at the moment of the decision.
/// </summary>
public sealed class ReportParts(ParitranaDbContext db)
{
    /// <summary>
    /// The province's committee (chair first, then by name): the enabled accounts with the chair's or
    /// a member's role that existed at <paramref name="asOf"/>.
    /// </summary>
    public async Task<IReadOnlyList<CommitteeMember>> CommitteeAsync(string provinceCode, DateTimeOffset asOf, CancellationToken ct)
    {
        var chairRole = await db.Roles.Where(r => r.Name == Roles.CommitteeChair).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var memberRole = await db.Roles.Where(r => r.Name == Roles.CommitteeMember).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.ProvinceCode == provinceCode && !u.IsDisabled && u.CreatedAt <= asOf)
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

    /// <summary>
    /// The national jury as of a moment (docs/decisions/047): the names of the enabled accounts with
    /// the national juror's role that existed at <paramref name="asOf"/>, by name.
    /// </summary>
    public async Task<IReadOnlyList<string>> JuryAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var jurorRole = await db.Roles.Where(r => r.Name == Roles.NationalJuror).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var names = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.CreatedAt <= asOf && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == jurorRole))
            .Select(u => u.FullName)
            .ToListAsync(ct);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One section per row of <paramref name="data"/>: the organisation, its coverage figures, the
    /// mean aspect scores of its submitted cards that the viewer may see (conflicted scorers left out), visits and coaching
    /// items, the scorers' strengths, and the rationale of its category.
    /// </summary>
    public async Task<IReadOnlyList<FinalistSection>> SectionsAsync(ShortlistData data, IReadOnlyDictionary<int, string?> rationaleByNomination, CancellationToken ct)
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

        // Aspect scores and strengths only of the finalists the viewer may see (docs/decisions/010);
        // the snapshot is built with the official view, which hides nothing.
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

        return rows.Select(r =>
        {
            var p = profiles[r.Row.NominationId];
            return new FinalistSection(
                r.Row, r.Category.Name, p.IsGovernment, p.Npp, p.Sector, p.Address, p.Workers, p.ParticipantsPu, p.ParticipantsBpu,
                p.WorkforceBps, p.ProtectedPu, p.ProtectedBpu, p.NonAsnWorkers, p.NonAsnCovered,
                aspectScores.GetValueOrDefault(r.Row.NominationId) ?? [],
                p.VisitsDone, p.Resolved, p.Waived, p.Open,
                strengths[r.Row.NominationId].ToList(),
                rationaleByNomination.GetValueOrDefault(r.Row.NominationId));
        }).ToList();
    }
}
