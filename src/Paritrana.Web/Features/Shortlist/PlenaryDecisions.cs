using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Features.Shortlist;

/// <summary>The plenary record as the chair enters it.</summary>
public sealed record PlenaryRecord(DateOnly HeldOn, string Place, string Attendees, string? Minutes, string? Decision);

/// <summary>The chair's choice: the finalists and, per category, the rationale.</summary>
public sealed record FinalistChoice(IReadOnlyCollection<int> Finalists, IReadOnlyDictionary<int, string?> Rationales);

/// <summary>What came of a request: done, or refused with a message for the page.</summary>
public sealed record PlenaryOutcome(bool Done, string? Message = null)
{
    public static readonly PlenaryOutcome Ok = new(true);
    public static PlenaryOutcome Refused(string message) => new(false, message);
}

/// <summary>
/// The plenary's decisions: recording the plenary, deciding the finalists (FinalistDecision rows,
/// the workflow transitions of every Scored nomination and the frozen record of the decision, a
/// <see cref="PlenaryDecisionVersion"/>, in one transaction against the version of the plenary the
/// chair's page was read at), re-opening a decision (PlenaryDecisions.Reopen.cs), forwarding the
/// finalists to the national level and the administrator's national results. Every status change
/// goes through <see cref="NominationTransitions"/>, so the history and audit rows are written the
/// same way as everywhere else; when any one is refused, nothing is saved. Of two chairs deciding
/// the same plenary at once, the second one's write of the plenary row waits for the first one's
/// transaction and then finds the row changed: it is refused and told who decided (docs/decisions/011).
/// </summary>
public sealed partial class PlenaryDecisions(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    DecisionSnapshots snapshots,
    NominationTransitions transitions,
    Notifications.Notifier notifier)
{
    public const string Conflict = "Catatan rapat pleno telah diubah orang lain sejak halaman ini dibuka. Muat ulang halaman dan periksa lagi; tidak ada yang disimpan.";
    public const string AlreadyDecided = "Finalis siklus ini sudah ditetapkan.";
    public const string DecidedMeanwhile =
        "Rapat pleno ini sudah ditetapkan oleh {0} pada {1} (dokumen {2}). Keputusan Anda tidak disimpan; muat ulang halaman untuk melihat keputusan itu.";

    // The entity ids and details of the plenary's audit events, shared with the demo seeder.
    public static string PlenaryKey(int cycleId, string provinceCode) => $"{cycleId}/{provinceCode}";

    public static AuditDetails PlenaryRecordedDetails(DateOnly heldOn, string place) =>
        AuditDetails.Text(FormattableString.Invariant($"{heldOn:yyyy-MM-dd}, {place}"));

    public static AuditDetails FinalistsDecidedDetails(IEnumerable<int> finalists, int decided) =>
        AuditDetails.Of(("finalists", Ids(finalists)), ("decided", decided.ToString(CultureInfo.InvariantCulture)));

    public static AuditDetails FinalistsForwardedDetails(IEnumerable<int> forwarded) => AuditDetails.Of(("forwarded", Ids(forwarded)));

    private static string Ids(IEnumerable<int> ids) => string.Join(", ", ids.Select(f => f.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Saves the plenary record (created on first save); <paramref name="version"/> 0 means "new".</summary>
    public async Task<PlenaryOutcome> SaveAsync(int cycleId, string provinceCode, PlenaryRecord record, uint version, CancellationToken ct)
    {
        var (plenary, refusal) = await TrackedPlenaryAsync(cycleId, provinceCode, version, ct);
        if (plenary is null)
        {
            return PlenaryOutcome.Refused(refusal!);
        }

        if (plenary.DecidedAt is not null)
        {
            return PlenaryOutcome.Refused(l[AlreadyDecided]);
        }

        Apply(plenary, record);
        audit.Record(AuditActions.PlenaryRecorded, "plenary", PlenaryKey(cycleId, provinceCode), provinceCode, PlenaryRecordedDetails(record.HeldOn, record.Place));
        return await SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Saves the record and decides: every Scored nomination of the province and cycle becomes a
    /// finalist (if chosen) or not shortlisted, with a FinalistDecision row (rank, total, rationale).
    /// </summary>
    public async Task<PlenaryOutcome> DecideAsync(int cycleId, string provinceCode, PlenaryRecord record, uint version, FinalistChoice choice, CancellationToken ct)
    {
        if (await DecidedMessageAsync(cycleId, provinceCode, ct) is { } decidedAlready)
        {
            return PlenaryOutcome.Refused(decidedAlready);
        }

        var data = await snapshots.OfficialShortlistAsync(cycleId, provinceCode, ct);
        var errors = CheckChoice(data, choice);
        if (errors.Count > 0)
        {
            // A decision committed between the first check and the read above leaves nothing Scored:
            // say who decided, not that nothing is decidable (its statuses and DecidedAt commit together).
            return PlenaryOutcome.Refused(await DecidedMessageAsync(cycleId, provinceCode, ct) ?? string.Join(" ", errors));
        }

        var decidable = Decidable(data);
        // Its own transaction, or a savepoint in the caller's (the demo seeder's, OwnTransaction).
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        var (plenary, refusal) = await TrackedPlenaryAsync(cycleId, provinceCode, version, ct);
        if (plenary is null || plenary.DecidedAt is not null)
        {
            return await LostAsync(tx, cycleId, provinceCode, refusal ?? l[AlreadyDecided], ct);
        }

        var now = clock.GetUtcNow();
        Apply(plenary, record);
        plenary.DecidedAt = now;
        plenary.DecidedBy = me.Id;
        audit.Record(AuditActions.PlenaryRecorded, "plenary", PlenaryKey(cycleId, provinceCode), provinceCode, PlenaryRecordedDetails(record.HeldOn, record.Place));
        // The UPDATE (or INSERT) of the plenary row is the decision's lock: a second chair's waits
        // here until this transaction ends, then finds the row changed (or taken) and is refused.
        var saved = await SaveOrConflictAsync(ct);
        if (!saved.Done)
        {
            return await LostAsync(tx, cycleId, provinceCode, saved.Message!, ct);
        }

        foreach (var (category, row) in decidable)
        {
            var finalist = choice.Finalists.Contains(row.NominationId);
            var outcome = await transitions.ApplyAsync(
                new TransitionRequest(row.NominationId, finalist ? NominationAction.DecideFinalist : NominationAction.DecideNotShortlisted, null, row.Version, AtPlenary: true), ct);
            if (outcome.Result != TransitionResult.Done)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return PlenaryOutcome.Refused(outcome.Message ?? l[Conflict]);
            }

            var rationale = choice.Rationales.GetValueOrDefault(category.CategoryId);
            db.FinalistDecisions.Add(new FinalistDecision
            {
                PlenaryId = plenary.Id,
                NominationId = row.NominationId,
                IsFinalist = finalist,
                Rank = row.Rank == 0 ? null : row.Rank,
                Total = row.Total is decimal t ? Math.Round(t, 4, MidpointRounding.AwayFromZero) : null,
                Rationale = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim(),
                DecidedAt = now,
                DecidedBy = me.Id ?? Guid.Empty,
            });
        }

        var finalists = decidable.Where(d => choice.Finalists.Contains(d.Row.NominationId)).Select(d => d.Row.NominationId).ToHashSet();
        audit.Record(
            AuditActions.FinalistsDecided, "plenary", plenary.Id.ToString(CultureInfo.InvariantCulture), provinceCode,
            FinalistsDecidedDetails(finalists, decidable.Count));

        // The frozen record of what was decided, in the same transaction.
        var decided = DecisionSnapshots.AsDecided(data, decidable.Select(d => d.Row.NominationId).ToHashSet(), finalists);
        var issued = await snapshots.IssueAsync(plenary, decided, new DecisionMoment(now, me.Id ?? Guid.Empty, me.FullName, choice.Rationales), ct);
        audit.Record(AuditActions.DecisionDocumentIssued, "plenary", plenary.Id.ToString(CultureInfo.InvariantCulture), provinceCode, DecisionSnapshots.IssuedDetails(issued));
        // The province's committee is told, in this transaction (docs/decisions/030).
        var province = await db.Provinces.Where(p => p.Code == provinceCode).Select(p => p.Name).FirstAsync(ct);
        await notifier.RaiseAsync(await Notifications.NotificationRecipients.Committee(db, provinceCode).ToListAsync(ct),
            new(NotificationKind.FinalistsDecided, provinceCode, province, FormattableString.Invariant($"/Plenary?cycle={cycleId}")), me.Id, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The database's own guard: one version in force per plenary, unique document numbers.
            return await LostAsync(tx, cycleId, provinceCode, l[Conflict], ct);
        }

        await tx.CommitAsync(ct);
        return PlenaryOutcome.Ok;
    }

    /// <summary>
    /// The refusal of a decision that lost: rolled back, and if the plenary has meanwhile been
    /// decided, the chair is told by whom, when and under which document number.
    /// </summary>
    private async Task<PlenaryOutcome> LostAsync(OwnTransaction tx, int cycleId, string provinceCode, string message, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return PlenaryOutcome.Refused(await DecidedMessageAsync(cycleId, provinceCode, ct) ?? message);
    }

    /// <summary>"Already decided by ... on ... (document ...)", or null while the plenary is undecided.</summary>
    private async Task<string?> DecidedMessageAsync(int cycleId, string provinceCode, CancellationToken ct)
    {
        var decided = await db.Plenaries.AsNoTracking()
            .Where(p => p.CycleId == cycleId && p.ProvinceCode == provinceCode && p.DecidedAt != null)
            .Select(p => new
            {
                DecidedAt = p.DecidedAt!.Value,
                By = db.Users.Where(u => u.Id == p.DecidedBy).Select(u => u.FullName).FirstOrDefault(),
                Number = db.PlenaryDecisionVersions.Where(v => v.PlenaryId == p.Id && v.SupersededAt == null).Select(v => v.DocumentNumber).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return decided is null
            ? null
            : l[DecidedMeanwhile, decided.By ?? "—", FieldWork.LocalTime.FormatLong(decided.DecidedAt, provinceCode), decided.Number ?? "—"].Value;
    }

    /// <summary>
    /// What is wrong with the chair's choice on this shortlist (localized, one text per problem), or
    /// nothing: checked before the confirmation step is shown and again when deciding.
    /// </summary>
    public IReadOnlyList<string> CheckChoice(ShortlistData data, FinalistChoice choice)
    {
        var errors = new List<string>();
        foreach (var category in data.Categories)
        {
            var chosen = category.Rows.Where(r => choice.Finalists.Contains(r.NominationId)).Select(r => r.NominationId).ToList();
            if (FinalistSelection.Check(category.Rows, chosen, choice.Rationales.GetValueOrDefault(category.CategoryId)) is { } problem)
            {
                errors.Add(l[problem, category.Name]);
            }
        }

        var known = data.AllRows.Select(r => r.NominationId).ToHashSet();
        if (choice.Finalists.Any(id => !known.Contains(id)))
        {
            errors.Add(l[FinalistSelection.NotScored]);
        }

        if (Decidable(data).Count == 0)
        {
            errors.Add(l["Tidak ada nominasi berstatus Sudah Dinilai untuk diputuskan."]);
        }

        return errors.Distinct().ToList();
    }

    private static List<(CategoryShortlist Category, ShortlistRow Row)> Decidable(ShortlistData data) =>
        data.Categories.SelectMany(c => c.Rows.Where(r => r.Status == NominationStatus.Scored).Select(r => (Category: c, Row: r))).ToList();

    /// <summary>Forwards every finalist of the plenary (status Finalist) to the national level.</summary>
    public async Task<PlenaryOutcome> ForwardAsync(int cycleId, string provinceCode, uint version, CancellationToken ct)
    {
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        var plenary = await db.Plenaries.FirstOrDefaultAsync(p => p.CycleId == cycleId && p.ProvinceCode == provinceCode, ct);
        if (plenary?.DecidedAt is null)
        {
            return PlenaryOutcome.Refused(l["Finalis belum ditetapkan dalam rapat pleno."]);
        }

        if (plenary.Version != version)
        {
            return PlenaryOutcome.Refused(l[Conflict]);
        }

        var finalists = await db.FinalistDecisions.AsNoTracking()
            .Where(d => d.PlenaryId == plenary.Id && d.IsFinalist)
            .Join(db.Nominations, d => d.NominationId, n => n.Id, (d, n) => new { n.Id, n.Version, n.Status })
            .Where(n => n.Status == NominationStatus.Finalist)
            .ToListAsync(ct);
        if (finalists.Count == 0)
        {
            return PlenaryOutcome.Refused(l["Tidak ada finalis yang menunggu diteruskan."]);
        }

        foreach (var n in finalists)
        {
            var outcome = await transitions.ApplyAsync(new TransitionRequest(n.Id, NominationAction.Forward, null, n.Version), ct);
            if (outcome.Result != TransitionResult.Done)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return PlenaryOutcome.Refused(outcome.Message ?? l[Conflict]);
            }
        }

        audit.Record(
            AuditActions.FinalistsForwarded, "plenary", plenary.Id.ToString(CultureInfo.InvariantCulture), provinceCode,
            FinalistsForwardedDetails(finalists.Select(f => f.Id)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return PlenaryOutcome.Ok;
    }

    /// <summary>The administrator's national result of a forwarded finalist: winner (with the award's name) or not.</summary>
    public async Task<PlenaryOutcome> RecordNationalResultAsync(int decisionId, bool winner, string? awardName, uint nominationVersion, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decision = await db.FinalistDecisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.IsFinalist, ct);
        if (decision is null)
        {
            return PlenaryOutcome.Refused(l["Finalis tidak ditemukan."]);
        }

        var outcome = await transitions.ApplyAsync(
            new TransitionRequest(decision.NominationId, winner ? NominationAction.RecordWinner : NominationAction.RecordNotWinner, null, nominationVersion), ct);
        if (outcome.Result != TransitionResult.Done)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return PlenaryOutcome.Refused(outcome.Message ?? l[Conflict]);
        }

        decision.NationalAwardName = winner && !string.IsNullOrWhiteSpace(awardName) ? awardName.Trim() : null;
        var province = await db.Nominations.Where(n => n.Id == decision.NominationId).Select(n => n.ProvinceCode).FirstAsync(ct);
        audit.Record(
            AuditActions.NationalResultRecorded, "nomination", decision.NominationId.ToString(CultureInfo.InvariantCulture), province,
            winner ? AuditDetails.Of(("winner", decision.NationalAwardName)) : AuditDetails.Text("not a winner"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return PlenaryOutcome.Ok;
    }

    private async Task<(Plenary? Plenary, string? Refusal)> TrackedPlenaryAsync(int cycleId, string provinceCode, uint version, CancellationToken ct)
    {
        var plenary = await db.Plenaries.FirstOrDefaultAsync(p => p.CycleId == cycleId && p.ProvinceCode == provinceCode, ct);
        if (plenary is null)
        {
            if (version != 0)
            {
                return (null, l[Conflict]);
            }

            plenary = new Plenary { CycleId = cycleId, ProvinceCode = provinceCode, Place = "", Attendees = "" };
            db.Plenaries.Add(plenary);
            return (plenary, null);
        }

        if (plenary.Version != version)
        {
            return (null, l[Conflict]);
        }

        db.Entry(plenary).Property(p => p.Version).OriginalValue = version;
        return (plenary, null);
    }

    private static void Apply(Plenary plenary, PlenaryRecord record)
    {
        plenary.HeldOn = record.HeldOn;
        plenary.Place = record.Place.Trim();
        plenary.Attendees = record.Attendees.Trim();
        plenary.Minutes = string.IsNullOrWhiteSpace(record.Minutes) ? null : record.Minutes.Trim();
        plenary.Decision = string.IsNullOrWhiteSpace(record.Decision) ? null : record.Decision.Trim();
    }

    private async Task<PlenaryOutcome> SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return PlenaryOutcome.Ok;
        }
        catch (DbUpdateException)
        {
            // A stale version, or a second plenary created at the same moment (unique index).
            db.ChangeTracker.Clear();
            return PlenaryOutcome.Refused(l[Conflict]);
        }
    }
}
