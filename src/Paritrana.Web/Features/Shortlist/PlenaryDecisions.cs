using Paritrana.Web.Features.Nominations;

namespace Paritrana.Web.Features.Shortlist;

/// <summary>The plenary record as the chair enters it.</summary>
public sealed record PlenaryRecord(DateOnly HeldOn, string Place, string Attendees, string? Minutes, string? Decision);

/// <summary>
/// The chair's choice: the finalists and, per category, the rationale. At the national plenary
/// (docs/decisions/047) <see cref="Finalists"/> are the winners and <see cref="Awards"/> each
/// winner's award name (by nomination), required there.
/// </summary>
public sealed record FinalistChoice(IReadOnlyCollection<int> Finalists, IReadOnlyDictionary<int, string?> Rationales, IReadOnlyDictionary<int, string?>? Awards = null)
{
    /// <summary>The award name typed for a winner, trimmed; null when none.</summary>
    public string? AwardOf(int nominationId) =>
        Awards?.GetValueOrDefault(nominationId) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

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
/// The national plenary is the same mechanism with the scope <see cref="NationalStage.Code"/>
/// (docs/decisions/047): the secretariat decides the winners among the forwarded finalists
/// (<see cref="PlenaryStage"/> says what each stage decides).
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
    public const string NationalRoundsMissing = "Belum ada babak nasional pada siklus ini; pemenang diputuskan dari nilai babak nasional.";
    public const string NationalRoundOpen = "Babak nasional {0} belum ditutup; tutup semua babak nasional sebelum memutuskan pemenang.";
    public const string NationalScoresIncomplete = "Nilai {0} belum lengkap pada semua babak nasional; pemenang diputuskan dari nilai yang lengkap.";
    public const string AwardRequired = "Tuliskan nama penghargaan untuk pemenang {0}.";
    public const string AwardTooLong = "Nama penghargaan untuk {0} paling banyak {1} karakter.";
    public const int MaxAwardLength = 300;
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

        var stage = PlenaryStage.Of(provinceCode);
        var data = await snapshots.OfficialShortlistAsync(cycleId, provinceCode, ct);
        var errors = CheckChoice(data, choice, stage);
        if (errors.Count > 0)
        {
            // A decision committed between the first check and the read above leaves nothing Scored:
            // say who decided, not that nothing is decidable (its statuses and DecidedAt commit together).
            return PlenaryOutcome.Refused(await DecidedMessageAsync(cycleId, provinceCode, ct) ?? string.Join(" ", errors));
        }

        var decidable = Decidable(data, stage);
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
                new TransitionRequest(row.NominationId, finalist ? stage.Chosen : stage.NotChosen, null, row.Version, AtPlenary: true), ct);
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
                NationalAwardName = stage.IsNational && finalist ? choice.AwardOf(row.NominationId) : null,
            });
        }

        var finalists = decidable.Where(d => choice.Finalists.Contains(d.Row.NominationId)).Select(d => d.Row.NominationId).ToHashSet();
        audit.Record(
            AuditActions.FinalistsDecided, "plenary", plenary.Id.ToString(CultureInfo.InvariantCulture), provinceCode,
            FinalistsDecidedDetails(finalists, decidable.Count));

        // The frozen record of what was decided, in the same transaction.
        var decided = DecisionSnapshots.AsDecided(data, decidable.Select(d => d.Row.NominationId).ToHashSet(), finalists, stage);
        var awards = stage.IsNational ? finalists.ToDictionary(id => id, choice.AwardOf) : null;
        var issued = await snapshots.IssueAsync(plenary, decided, new DecisionMoment(now, me.Id ?? Guid.Empty, me.FullName, choice.Rationales) { Awards = awards }, ct);
        audit.Record(AuditActions.DecisionDocumentIssued, "plenary", plenary.Id.ToString(CultureInfo.InvariantCulture), provinceCode, DecisionSnapshots.IssuedDetails(issued));
        await NotifyDecidedAsync(cycleId, provinceCode, decidable.Select(d => d.Row.NominationId).ToList(), ct);
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
    /// nothing: checked before the confirmation step is shown and again when deciding. At the national
    /// plenary also: every national round closed, every candidate's national scores complete, an
    /// award name for every winner (docs/decisions/047).
    /// </summary>
    public IReadOnlyList<string> CheckChoice(ShortlistData data, FinalistChoice choice, PlenaryStage? stage = null)
    {
        stage ??= PlenaryStage.Provincial;
        var errors = new List<string>();
        if (stage.IsNational)
        {
            if (data.Rounds.Count == 0)
            {
                errors.Add(l[NationalRoundsMissing]);
            }

            errors.AddRange(data.Rounds.Where(r => r.Status != RoundStatus.Closed).Select(r => l[NationalRoundOpen, r.Name].Value));
            errors.AddRange(Decidable(data, stage).Where(d => !d.Row.IsComplete).Select(d => l[NationalScoresIncomplete, d.Row.Name].Value));
        }

        foreach (var category in data.Categories)
        {
            var chosen = category.Rows.Where(r => choice.Finalists.Contains(r.NominationId)).Select(r => r.NominationId).ToList();
            if (FinalistSelection.Check(category.Rows, chosen, choice.Rationales.GetValueOrDefault(category.CategoryId), stage) is { } problem)
            {
                errors.Add(l[problem, category.Name]);
            }

            if (stage.IsNational)
            {
                foreach (var winner in category.Rows.Where(r => chosen.Contains(r.NominationId)))
                {
                    var award = choice.AwardOf(winner.NominationId);
                    if (award is null)
                    {
                        errors.Add(l[AwardRequired, winner.Name]);
                    }
                    else if (award.Length > MaxAwardLength)
                    {
                        errors.Add(l[AwardTooLong, winner.Name, MaxAwardLength.ToString("N0")]);
                    }
                }
            }
        }

        var known = data.AllRows.Select(r => r.NominationId).ToHashSet();
        if (choice.Finalists.Any(id => !known.Contains(id)))
        {
            errors.Add(l[stage.IsNational ? FinalistSelection.NotForwarded : FinalistSelection.NotScored]);
        }

        if (Decidable(data, stage).Count == 0)
        {
            errors.Add(stage.IsNational
                ? l["Tidak ada finalis berstatus Diteruskan ke Nasional untuk diputuskan."]
                : l["Tidak ada nominasi berstatus Sudah Dinilai untuk diputuskan."]);
        }

        return errors.Distinct().ToList();
    }

    private static List<(CategoryShortlist Category, ShortlistRow Row)> Decidable(ShortlistData data, PlenaryStage stage) =>
        data.Categories.SelectMany(c => c.Rows.Where(r => r.Status == stage.Decidable).Select(r => (Category: c, Row: r))).ToList();

    /// <summary>
    /// Who hears of a decision, in its transaction (docs/decisions/030): a province's committee of its
    /// plenary; after the national plenary, the committee of every province with a decided finalist,
    /// under that province, pointing at its finalists' page.
    /// </summary>
    private async Task NotifyDecidedAsync(int cycleId, string provinceCode, IReadOnlyList<int> decided, CancellationToken ct)
    {
        if (!NationalStage.IsNational(provinceCode))
        {
            var province = await db.Provinces.Where(p => p.Code == provinceCode).Select(p => p.Name).FirstAsync(ct);
            await notifier.RaiseAsync(await Notifications.NotificationRecipients.Committee(db, provinceCode).ToListAsync(ct),
                new(NotificationKind.FinalistsDecided, provinceCode, province, FormattableString.Invariant($"/Plenary?cycle={cycleId}")), me.Id, ct);
            return;
        }

        var year = await db.AwardCycles.Where(c => c.Id == cycleId).Select(c => c.Year).FirstAsync(ct);
        var provinces = await db.Nominations.AsNoTracking().Where(n => decided.Contains(n.Id)).Select(n => n.ProvinceCode).Distinct().ToListAsync(ct);
        foreach (var code in provinces.Order(StringComparer.Ordinal))
        {
            await notifier.RaiseAsync(await Notifications.NotificationRecipients.Committee(db, code).ToListAsync(ct),
                new(NotificationKind.NationalResultDecided, code, year.ToString(CultureInfo.InvariantCulture), FormattableString.Invariant($"/Shortlist?cycle={year}")), me.Id, ct);
        }
    }

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
