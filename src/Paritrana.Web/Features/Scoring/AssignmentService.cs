using Npgsql;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The chair assigns scorers to the nominations of a round: one by one, all nominations of a
/// category to chosen scorers, or balanced automatically (<see cref="AssignmentBalancer"/>). The
/// round must not be closed; nominations must be in the round's province and cycle and ready for
/// scoring (or scored); scorers must be the province's committee; a declared conflict is never
/// assigned. An assignment is removed only while its card is not submitted.
/// </summary>
public sealed class AssignmentService(ParitranaDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l, Notifications.Notifier notifier)
{
    public sealed record RoundRef(int Id, int CycleId, string ProvinceCode, string Name, RoundStatus Status);

    /// <summary>The outcome: how many were created, and what was skipped and why (already shown to the chair).</summary>
    public sealed record Outcome(bool Done, string Message, int Created = 0, IReadOnlyList<string>? Notes = null);

    public async Task<Outcome> AssignOneAsync(RoundRef round, int nominationId, Guid scorerId, Guid chairId, CancellationToken ct)
    {
        if (ClosedRefusal(round) is Outcome refused)
        {
            return refused;
        }

        var nomination = await AssignableNominations(round).Where(n => n.Id == nominationId).Select(n => new { n.Id, n.CategoryId, n.ProvinceCode, Name = n.Organisation!.Name }).FirstOrDefaultAsync(ct);
        if (nomination is null)
        {
            return new Outcome(false, l["Nominasi yang dipilih tidak dapat dinilai di babak ini (bukan nominasi provinsi ini atau belum siap dinilai)."].Value);
        }

        if (await CriteriaRefusalAsync(round, [nomination.CategoryId], ct) is Outcome noCriteria)
        {
            return noCriteria;
        }

        var scorer = await ScoringLookups.Scorers(db, round.ProvinceCode, [scorerId]).FirstOrDefaultAsync(ct);
        if (scorer is null)
        {
            return new Outcome(false, l["Penilai yang dipilih bukan anggota atau ketua tim panitia provinsi ini."].Value);
        }

        if (await db.ConflictDeclarations.AnyAsync(d => d.NominationId == nominationId && d.ScorerId == scorerId, ct))
        {
            return new Outcome(false, l["{0} telah menyatakan konflik kepentingan dengan {1}, sehingga tidak dapat ditugaskan menilainya.", scorer.FullName, nomination.Name].Value);
        }

        if (NationalStage.IsNational(round.ProvinceCode)
            && JurorConflicts.Check(await db.Users.Where(u => u.Id == scorerId).Select(u => u.HomeProvinceCode).FirstAsync(ct), nomination.ProvinceCode, false) == JurorExclusion.HomeProvince)
        {
            return new Outcome(false, l["{0} berasal dari provinsi kandidat {1}, sehingga tidak dapat ditugaskan menilainya.", scorer.FullName, nomination.Name].Value);
        }

        if (await db.Assignments.AnyAsync(a => a.RoundId == round.Id && a.NominationId == nominationId && a.ScorerId == scorerId, ct))
        {
            return new Outcome(false, l["{0} sudah ditugaskan menilai {1} di babak ini.", scorer.FullName, nomination.Name].Value);
        }

        db.Assignments.Add(new Assignment { RoundId = round.Id, NominationId = nominationId, ScorerId = scorerId, AssignedBy = chairId, AssignedAt = clock.GetUtcNow() });
        audit.Record(AuditActions.AssignmentCreated, "nomination", nominationId.ToString(CultureInfo.InvariantCulture), round.ProvinceCode,
            AuditDetails.Of((null, $"round {round.Id} '{round.Name}'"), (null, $"scorer {scorer.Email}")));
        await NotifyAssignedAsync(round, [scorerId], chairId, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return new Outcome(false, l["{0} sudah ditugaskan menilai {1} di babak ini.", scorer.FullName, nomination.Name].Value);
        }

        return new Outcome(true, l["{0} ditugaskan menilai {1}.", scorer.FullName, nomination.Name].Value, 1);
    }

    /// <summary>Every assignable nomination of a category to each chosen scorer; existing and conflicted pairs are skipped.</summary>
    public async Task<Outcome> AssignCategoryAsync(RoundRef round, int categoryId, IReadOnlyCollection<Guid> scorerIds, Guid chairId, CancellationToken ct)
    {
        if (ClosedRefusal(round) is Outcome refused)
        {
            return refused;
        }

        if (await CriteriaRefusalAsync(round, [categoryId], ct) is Outcome noCriteria)
        {
            return noCriteria;
        }

        var scorers = await ChosenScorersAsync(round, scorerIds, ct);
        if (scorers.Count == 0)
        {
            return new Outcome(false, l["Pilih sekurang-kurangnya satu penilai."].Value);
        }

        var nominations = await AssignableNominations(round).Where(n => n.CategoryId == categoryId).OrderBy(n => n.Organisation!.Name).Select(n => n.Id).ToListAsync(ct);
        var (existing, conflicts) = await PairsAsync(round, nominations, ct);
        var created = new List<NominationScorer>();
        var conflicted = 0;
        foreach (var nomination in nominations)
        {
            foreach (var scorer in scorers)
            {
                var pair = new NominationScorer(nomination, scorer.Id);
                if (conflicts.Contains(pair))
                {
                    conflicted++;
                }
                else if (!existing.Contains(pair))
                {
                    created.Add(pair);
                }
            }
        }

        if (!await AddAsync(round, created, chairId, $"bulk by category {categoryId}", ct))
        {
            return Raced();
        }

        var notes = conflicted > 0 ? new[] { l["{0} pasangan dilewati karena konflik kepentingan yang telah dinyatakan.", conflicted].Value } : [];
        // (In a national round a juror's home province is such a conflict too: ExcludedPairsAsync.)
        return new Outcome(true, l["{0} penugasan dibuat untuk {1} nominasi.", created.Count, nominations.Count].Value, created.Count, notes);
    }

    /// <summary>Balanced automatic assignment under a load cap (the domain's <see cref="AssignmentBalancer"/>).</summary>
    public async Task<Outcome> BalanceAsync(RoundRef round, int? categoryId, IReadOnlyCollection<Guid> scorerIds, int scorersPerNomination, int loadCap, Guid chairId, CancellationToken ct)
    {
        if (ClosedRefusal(round) is Outcome refused)
        {
            return refused;
        }

        var scorers = await ChosenScorersAsync(round, scorerIds, ct);
        if (scorers.Count == 0)
        {
            return new Outcome(false, l["Pilih sekurang-kurangnya satu penilai."].Value);
        }

        var query = AssignableNominations(round);
        if (categoryId is int category)
        {
            query = query.Where(n => n.CategoryId == category);
        }

        var nominations = await query.OrderBy(n => n.Organisation!.Name).ThenBy(n => n.Id).Select(n => new { n.Id, n.CategoryId, Name = n.Organisation!.Name }).ToListAsync(ct);
        var categories = categoryId is int chosen ? [chosen] : nominations.Select(n => n.CategoryId).Distinct().ToList();
        if (await CriteriaRefusalAsync(round, categories, ct) is Outcome noCriteria)
        {
            return noCriteria;
        }

        var ids = nominations.Select(n => n.Id).ToList();
        var existing = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => new { a.NominationId, a.ScorerId }).ToListAsync(ct);
        var conflicts = await ExcludedPairsAsync(round, ids, ct);

        var result = AssignmentBalancer.Balance(
            ids,
            scorers.Select(s => s.Id).ToList(),
            scorersPerNomination,
            loadCap,
            existing.Select(e => new NominationScorer(e.NominationId, e.ScorerId)).ToList(),
            conflicts.ToList());

        if (!await AddAsync(round, result.Assigned, chairId, FormattableString.Invariant($"balanced: k={scorersPerNomination}, cap={loadCap}, category={categoryId?.ToString(CultureInfo.InvariantCulture) ?? "all"}"), ct))
        {
            return Raced();
        }

        var names = nominations.ToDictionary(n => n.Id, n => n.Name);
        var notes = result.Shortfalls
            .Select(s => Formats.Plural(l["{0}: kurang {1} penilai."], s.Missing, names[s.NominationId], Formats.Number(s.Missing)))
            .ToList();
        var message = result.Shortfalls.Count == 0
            ? l["{0} penugasan dibuat; setiap nominasi kini mempunyai {1} penilai.", result.Assigned.Count, scorersPerNomination].Value
            : l["{0} penugasan dibuat. {1} nominasi belum mendapat cukup penilai (batas beban atau konflik kepentingan):", result.Assigned.Count, result.Shortfalls.Count].Value;
        return new Outcome(true, message, result.Assigned.Count, notes);
    }

    /// <summary>Removes an assignment whose card is not submitted (a draft card goes with it).</summary>
    public async Task<Outcome> UnassignAsync(RoundRef round, int assignmentId, CancellationToken ct)
    {
        if (ClosedRefusal(round) is Outcome refused)
        {
            return refused;
        }

        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.RoundId == round.Id, ct);
        if (assignment is null)
        {
            return new Outcome(false, l["Penugasan ini sudah tidak ada."].Value);
        }

        var card = await db.Scorecards.FirstOrDefaultAsync(c => c.RoundId == round.Id && c.NominationId == assignment.NominationId && c.ScorerId == assignment.ScorerId, ct);
        if (card?.Status == ScorecardStatus.Submitted)
        {
            return new Outcome(false, l["Penugasan ini tidak dapat dihapus karena kartu nilainya sudah dikirim."].Value);
        }

        var email = await db.Users.Where(u => u.Id == assignment.ScorerId).Select(u => u.Email).FirstAsync(ct);
        db.Assignments.Remove(assignment);
        if (card is not null)
        {
            db.Scorecards.Remove(card);
        }

        audit.Record(AuditActions.AssignmentRemoved, "nomination", assignment.NominationId.ToString(CultureInfo.InvariantCulture), round.ProvinceCode,
            AuditDetails.Of((null, $"round {round.Id} '{round.Name}'"), (null, $"scorer {email}"), (null, card is null ? null : FormattableString.Invariant($"draft card {card.Id} removed"))));
        await db.SaveChangesAsync(ct);
        return new Outcome(true, l["Penugasan telah dihapus."].Value);
    }

    /// <summary>The nominations of the round's province and cycle that may be scored.</summary>
    public IQueryable<Domain.Nominations.Nomination> AssignableNominations(RoundRef round) =>
        RoundNominations.Of(db, round.CycleId, round.ProvinceCode, ScoringEligibility.Assignable).AsNoTracking();

    /// <summary>
    /// The pairs never assigned: declared conflicts, and in a national round a juror and a candidate of
    /// the juror's home province (<see cref="JurorConflicts"/>, docs/decisions/043).
    /// </summary>
    private async Task<HashSet<NominationScorer>> ExcludedPairsAsync(RoundRef round, IReadOnlyCollection<int> nominations, CancellationToken ct)
    {
        var ids = nominations.ToList();
        var declared = await db.ConflictDeclarations.AsNoTracking().Where(d => ids.Contains(d.NominationId))
            .Select(d => new { d.NominationId, d.ScorerId }).ToListAsync(ct);
        var pairs = declared.Select(c => new NominationScorer(c.NominationId, c.ScorerId)).ToHashSet();
        if (NationalStage.IsNational(round.ProvinceCode))
        {
            var home = await (
                    from n in db.Nominations.AsNoTracking()
                    where ids.Contains(n.Id)
                    from u in db.Users
                    where u.HomeProvinceCode == n.ProvinceCode
                    select new { NominationId = n.Id, ScorerId = u.Id })
                .ToListAsync(ct);
            pairs.UnionWith(home.Select(h => new NominationScorer(h.NominationId, h.ScorerId)));
        }

        return pairs;
    }

    /// <summary>Refuses when a category to be scored lacks usable criteria (<see cref="RoundCriteria"/>); nothing is changed then.</summary>
    private async Task<Outcome?> CriteriaRefusalAsync(RoundRef round, IReadOnlyCollection<int> categoryIds, CancellationToken ct) =>
        await RoundCriteria.LackingAsync(db, round.Id, categoryIds, ct) is { Count: > 0 } lacking
            ? new Outcome(false, RoundCriteria.AssignRefusal(l, lacking))
            : null;

    private Outcome? ClosedRefusal(RoundRef round) =>
        round.Status == RoundStatus.Closed ? new Outcome(false, l["Babak ini sudah ditutup; penugasan tidak dapat diubah."].Value) : null;

    private async Task<List<ScorerRef>> ChosenScorersAsync(RoundRef round, IReadOnlyCollection<Guid> scorerIds, CancellationToken ct)
    {
        return await ScoringLookups.Scorers(db, round.ProvinceCode, scorerIds).ToListAsync(ct);
    }

    private async Task<(HashSet<NominationScorer> Existing, HashSet<NominationScorer> Conflicts)> PairsAsync(RoundRef round, List<int> nominations, CancellationToken ct)
    {
        var existing = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id && nominations.Contains(a.NominationId))
            .Select(a => new { a.NominationId, a.ScorerId }).ToListAsync(ct);
        return (existing.Select(e => new NominationScorer(e.NominationId, e.ScorerId)).ToHashSet(), await ExcludedPairsAsync(round, nominations, ct));
    }

    /// <summary>Each newly assigned scorer is told once per assignment, in the same SaveChanges (docs/decisions/030).</summary>
    private Task<int> NotifyAssignedAsync(RoundRef round, IEnumerable<Guid> scorers, Guid chairId, CancellationToken ct) =>
        notifier.RaiseAsync(scorers, new(NotificationKind.AssignedAsScorer, round.ProvinceCode, round.Name, "/Scoring"), chairId, ct);

    private Outcome Raced() => new(false, l["Penugasan babak ini baru saja diubah dari tempat lain. Muat ulang halaman, lalu ulangi."].Value);

    /// <summary>Inserts the new assignments with one audit event for the batch, in one transaction; false when another change came first.</summary>
    private async Task<bool> AddAsync(RoundRef round, IReadOnlyList<NominationScorer> pairs, Guid chairId, string how, CancellationToken ct)
    {
        if (pairs.Count == 0)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        db.Assignments.AddRange(pairs.Select(p => new Assignment { RoundId = round.Id, NominationId = p.NominationId, ScorerId = p.ScorerId, AssignedBy = chairId, AssignedAt = now }));
        audit.Record(AuditActions.AssignmentCreated, "scoring-round", round.Id.ToString(CultureInfo.InvariantCulture), round.ProvinceCode,
            AuditDetails.Of((null, how), (null, FormattableString.Invariant($"{pairs.Count} assignments"))));
        await NotifyAssignedAsync(round, pairs.Select(p => p.ScorerId), chairId, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
