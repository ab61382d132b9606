using System.Globalization;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Features.National;

/// <summary>What the secretariat types for an interview (the time already in UTC).</summary>
public sealed record InterviewPlan(
    DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? VideoLink, string PresenterName, string PresenterPosition, IReadOnlyList<Guid> JurorIds);

/// <summary>A finalist of the pool as the schedule needs it.</summary>
public sealed record InterviewCandidate(int NominationId, int CycleId, int CycleYear, bool CycleClosed, string Name, string ProvinceCode, string ProvinceName, string? RegencyCode, bool IsGovernment);

/// <summary>
/// The national interview schedule (issue 17, point 3; docs/decisions/046): the secretariat schedules,
/// changes and cancels a finalist's interview; the jurors seated and the candidate's provincial
/// committee are notified in the same transaction; a candidate twice in a cycle or a juror in two
/// interviews at once is refused (<see cref="InterviewClashes"/>), also when two people save at the
/// same moment (one transaction-scoped lock per cycle, and a unique index per candidate).
/// </summary>
public sealed class InterviewSchedule(ParitranaDbContext db, AuditTrail audit, Notifier notifier, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The refusals of a plan, by the field they belong to ("" for the form).</summary>
    public sealed record Outcome(Interview? Interview, IReadOnlyList<(string Field, string Message)> Errors)
    {
        public bool Saved => Interview is not null;
    }

    /// <summary>A finalist of a cycle's national pool, or null (not in the pool: the page answers 404).</summary>
    public async Task<InterviewCandidate?> CandidateAsync(int nominationId, CancellationToken ct) =>
        await (from n in db.Nominations.AsNoTracking()
               where n.Id == nominationId && NationalStage.PoolStatuses.Contains(n.Status)
               select new InterviewCandidate(
                   n.Id,
                   n.CycleId,
                   db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.Year).First(),
                   db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.IsClosed).First(),
                   n.Organisation!.Name,
                   n.ProvinceCode,
                   db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First(),
                   n.RegencyCode,
                   n.Organisation.Type != OrganisationType.Employer))
            .FirstOrDefaultAsync(ct);

    /// <summary>The enabled national jurors, by name.</summary>
    public Task<List<ScorerRef>> JurorsAsync(CancellationToken ct) => ScoringLookups.Scorers(db, NationalStage.Code).ToListAsync(ct);

    public Task<Outcome> ScheduleAsync(InterviewCandidate candidate, InterviewPlan plan, CancellationToken ct) =>
        SaveAsync(candidate, null, null, plan, ct);

    public Task<Outcome> ChangeAsync(InterviewCandidate candidate, int id, uint version, InterviewPlan plan, CancellationToken ct) =>
        SaveAsync(candidate, id, version, plan, ct);

    private async Task<Outcome> SaveAsync(InterviewCandidate candidate, int? id, uint? version, InterviewPlan plan, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (ClosedRefusal(candidate) is { } closed)
        {
            errors.Add(("", closed));
            return new Outcome(null, errors);
        }

        var jurors = await ScoringLookups.Scorers(db, NationalStage.Code, plan.JurorIds).ToListAsync(ct);
        if (jurors.Count != plan.JurorIds.Distinct().Count())
        {
            errors.Add((nameof(InterviewPlan.JurorIds), l["Yang dipilih bukan juri nasional yang aktif."]));
            return new Outcome(null, errors);
        }

        // The jury's conflict rule (docs/decisions/043): a juror of the candidate's province, or who declared a conflict, does not sit.
        var homes = await db.Users.Where(u => plan.JurorIds.Contains(u.Id)).Select(u => new { u.Id, u.HomeProvinceCode }).ToDictionaryAsync(u => u.Id, u => u.HomeProvinceCode, ct);
        var declared = await db.ConflictDeclarations.Where(d => d.NominationId == candidate.NominationId && plan.JurorIds.Contains(d.ScorerId)).Select(d => d.ScorerId).ToListAsync(ct);
        foreach (var juror in jurors)
        {
            if (JurorConflicts.Check(homes.GetValueOrDefault(juror.Id), candidate.ProvinceCode, declared.Contains(juror.Id)) != JurorExclusion.None)
            {
                errors.Add((nameof(InterviewPlan.JurorIds), l["{0} tidak dapat duduk dalam wawancara {1}: berasal dari provinsi kandidat atau menyatakan konflik kepentingan.", juror.FullName, candidate.Name]));
            }
        }

        if (errors.Count > 0)
        {
            return new Outcome(null, errors);
        }

        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        // One schedule per cycle is changed at a time, on every instance: the clash check and the save are one step.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"interviews:" + candidate.CycleId.ToString(CultureInfo.InvariantCulture)}))", ct);
        var scheduled = await db.Interviews.AsNoTracking()
            .Where(i => i.CycleId == candidate.CycleId && i.Status == InterviewStatus.Scheduled)
            .Select(i => new { i.Id, i.NominationId, i.StartsAt, i.DurationMinutes, Jurors = i.Jurors.Select(j => j.UserId).ToList(), Name = db.Nominations.Where(n => n.Id == i.NominationId).Select(n => n.Organisation!.Name).First() })
            .ToListAsync(ct);
        var clashes = InterviewClashes.Find(
            new InterviewClashes.Slot(id ?? 0, candidate.NominationId, plan.StartsAt, plan.DurationMinutes, plan.JurorIds),
            scheduled.Select(s => new InterviewClashes.Slot(s.Id, s.NominationId, s.StartsAt, s.DurationMinutes, s.Jurors)));
        foreach (var clash in clashes)
        {
            var other = scheduled.First(s => s.Id == clash.OtherId);
            errors.Add(clash.Kind == InterviewClashes.ClashKind.CandidateTwice
                ? (nameof(InterviewPlan.StartsAt), l["{0} sudah dijadwalkan wawancara pada {1}.", candidate.Name, Wib.Format(other.StartsAt)])
                : (nameof(InterviewPlan.JurorIds), l["{0} sudah duduk dalam wawancara {1} pada {2}, yang bertumpuk waktunya.", jurors.First(j => j.Id == clash.JurorId).FullName, other.Name, Wib.Format(other.StartsAt)]));
        }

        if (errors.Count > 0)
        {
            return new Outcome(null, errors);
        }

        var now = clock.GetUtcNow();
        Interview interview;
        List<Guid> notified;
        if (id is int existing)
        {
            interview = await db.Interviews.Include(i => i.Jurors).FirstAsync(i => i.Id == existing && i.Status == InterviewStatus.Scheduled, ct);
            db.Entry(interview).Property(i => i.Version).OriginalValue = version!.Value;
            notified = interview.Jurors.Select(j => j.UserId).Union(plan.JurorIds).ToList();
            interview.Jurors.RemoveAll(j => !plan.JurorIds.Contains(j.UserId));
            interview.Jurors.AddRange(plan.JurorIds.Where(j => interview.Jurors.All(x => x.UserId != j)).Select(j => new InterviewJuror { UserId = j }));
        }
        else
        {
            interview = new Interview
            {
                CycleId = candidate.CycleId,
                NominationId = candidate.NominationId,
                ProvinceCode = candidate.ProvinceCode,
                RegencyCode = candidate.RegencyCode,
                PresenterName = plan.PresenterName,
                PresenterPosition = plan.PresenterPosition,
                CreatedBy = me.Id ?? Guid.Empty,
                CreatedAt = now,
                Jurors = plan.JurorIds.Select(j => new InterviewJuror { UserId = j }).ToList(),
            };
            db.Interviews.Add(interview);
            notified = [.. plan.JurorIds];
        }

        interview.StartsAt = plan.StartsAt;
        interview.DurationMinutes = plan.DurationMinutes;
        interview.Place = plan.Place;
        interview.VideoLink = plan.VideoLink;
        interview.PresenterName = plan.PresenterName;
        interview.PresenterPosition = plan.PresenterPosition;
        interview.UpdatedAt = now;
        await db.SaveChangesAsync(ct);

        audit.Record(id is null ? AuditActions.InterviewScheduled : AuditActions.InterviewChanged, "nomination", Key(candidate.NominationId), candidate.ProvinceCode,
            AuditDetails.Of(("interview", Key(interview.Id)), ("starts_at", FieldWork.LocalTime.Iso(interview.StartsAt)),
                ("minutes", Key(interview.DurationMinutes)), ("jurors", Key(interview.Jurors.Count))));
        await NotifyAsync(id is null ? NotificationKind.InterviewScheduled : NotificationKind.InterviewChanged, interview, candidate, notified, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(interview, []);
    }

    /// <summary>Cancels a scheduled interview (tracked, read at <paramref name="version"/>) with its reason; the caller's page answers a concurrent change.</summary>
    public async Task CancelAsync(InterviewCandidate candidate, int id, uint version, string reason, CancellationToken ct)
    {
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        var interview = await db.Interviews.Include(i => i.Jurors).FirstAsync(i => i.Id == id && i.Status == InterviewStatus.Scheduled, ct);
        db.Entry(interview).Property(i => i.Version).OriginalValue = version;
        interview.Status = InterviewStatus.Cancelled;
        interview.CancelReason = reason;
        interview.UpdatedAt = clock.GetUtcNow();
        audit.Record(AuditActions.InterviewCancelled, "nomination", Key(candidate.NominationId), candidate.ProvinceCode,
            AuditDetails.Of(("interview", Key(interview.Id)), ("reason", reason)));
        await NotifyAsync(NotificationKind.InterviewCancelled, interview, candidate, interview.Jurors.Select(j => j.UserId).ToList(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Why the schedule of the candidate's cycle can no longer change (the cycle is closed), or null.</summary>
    public string? ClosedRefusal(InterviewCandidate candidate) =>
        candidate.CycleClosed ? l["Siklus {0} sudah ditutup; jadwal wawancaranya tidak dapat diubah lagi.", candidate.CycleYear].Value : null;

    /// <summary>The jurors concerned (national stage) and the candidate's provincial committee (its province).</summary>
    private async Task NotifyAsync(NotificationKind kind, Interview interview, InterviewCandidate candidate, IReadOnlyCollection<Guid> jurors, CancellationToken ct)
    {
        var link = $"/National/Interviews?cycle={candidate.CycleYear}";
        await notifier.RaiseAsync(jurors, new NotificationEvent(kind, NationalStage.Code, candidate.Name, link), me.Id, ct);
        var committee = await ScoringLookups.Scorers(db, candidate.ProvinceCode).Select(s => s.Id).ToListAsync(ct);
        await notifier.RaiseAsync(committee, new NotificationEvent(kind, candidate.ProvinceCode, candidate.Name, link), me.Id, ct);
    }

    private static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}
