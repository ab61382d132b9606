using Paritrana.Domain.Candidates;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Features.Nominations;
using Paritrana.Web.Features.Notifications;
using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Features.Candidates;

/// <summary>What a step on a self-assessment came to: done, or refused with why (and, for a form, the field it is about).</summary>
public sealed record SelfAssessmentOutcome(bool Done, string? Message = null, string? Field = null, bool Conflict = false)
{
    public static SelfAssessmentOutcome Ok(string? message = null) => new(true, message);

    public static SelfAssessmentOutcome Refused(string message, string? field = null) => new(false, message, field);
}

/// <summary>
/// The steps of a self-assessment (issue 18, docs/decisions/051). The representative's side: save the
/// figures and the lists, keep documents, submit by the deadline. The committee's side: accept values
/// into the nomination (through <see cref="NominationFigures.ApplyTo"/>, audited as a nomination
/// update, against the nomination's version), or return it with reasons. Nothing the candidate saves
/// or submits touches the nomination. Every submission, return and acceptance is audited and
/// notified: the committee of the province when a candidate submits, the candidate's representatives
/// (on their account, no province: docs/decisions/045) when it is returned or accepted.
/// </summary>
public sealed class SelfAssessmentService(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    Notifier notifier)
{
    public const string Entity = "self-assessment";

    /// <summary>The candidate's link to their self-assessment of a nomination.</summary>
    public static string CandidateLink(int nominationId) => $"/Candidate/SelfAssessment/{nominationId}";

    /// <summary>The committee's link to the self-assessment of a nomination.</summary>
    public static string CommitteeLink(int nominationId) => $"/Nominations/SelfAssessment/{nominationId}";

    /// <summary>
    /// The representative's nomination by id: of their own organisation only (anything else, and
    /// everyone else, null: the page answers 404), with its cycle's year and whether it is closed.
    /// </summary>
    public async Task<CandidateNomination?> CandidateNominationAsync(int nominationId, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        return await CandidateArea.Nominations(db, scope).AsNoTracking()
            .Where(n => n.Id == nominationId)
            .Join(db.AwardCycles, n => n.CycleId, c => c.Id, (n, c) => new CandidateNomination(
                n.Id, n.CycleId, c.Year, c.IsClosed, n.OrganisationId, n.Organisation!.Name, n.Category!.Name, n.Category.Kind == CategoryKind.ProvincialGovernment || n.Category.Kind == CategoryKind.RegencyGovernment || n.Category.Kind == CategoryKind.VillageGovernment,
                n.ProvinceCode, n.RegencyCode))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The self-assessment of a nomination with its lists and documents, tracked; null when none was started.</summary>
    public Task<SelfAssessment?> FindAsync(int nominationId, CancellationToken ct) =>
        db.SelfAssessments.Include(s => s.Items).Include(s => s.Documents).AsSplitQuery().FirstOrDefaultAsync(s => s.NominationId == nominationId, ct);

    /// <summary>The last day of the Nomination stage for the nomination's province (its own dates where set); null when unscheduled.</summary>
    public async Task<DateOnly?> NominationStageEndsAsync(int cycleId, string provinceCode, CancellationToken ct)
    {
        var own = await db.ProvinceStages.AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.ProvinceCode == provinceCode && s.Stage == StageKind.Nomination)
            .Select(s => new StageDates(s.Stage, s.StartsOn, s.EndsOn)).ToListAsync(ct);
        var cycle = await db.CycleStages.AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.Stage == StageKind.Nomination)
            .Select(s => new StageDates(s.Stage, s.StartsOn, s.EndsOn)).ToListAsync(ct);
        return StageCalendar.Effective(cycle, own).Single(s => s.Stage == StageKind.Nomination).EndsOn;
    }

    /// <summary>Why the representative cannot change the self-assessment now (null: they can).</summary>
    public string? ChangeRefusal(CandidateNomination n, SelfAssessment? s) =>
        n.CycleClosed ? l["Siklus {0} sudah ditutup; penilaian mandiri tidak dapat diubah lagi.", n.Year.ToString(CultureInfo.InvariantCulture)].Value
        : s is not null && !SelfAssessmentRules.Editable(s.Status) ? l["Penilaian mandiri berstatus {0}; Anda dapat mengubahnya lagi bila panitia mengembalikannya.", l[CandidateNames.Status(s.Status)]].Value
        : null;

    /// <summary>Saves the figures form into the self-assessment (started on the first save), against the version the form was read at.</summary>
    public async Task<SelfAssessmentOutcome> SaveFiguresAsync(CandidateNomination n, NominationFigures figures, ProtectedGroups groups, uint version, CancellationToken ct)
    {
        var s = await FindAsync(n.Id, ct);
        if (ChangeRefusal(n, s) is { } refusal)
        {
            return SelfAssessmentOutcome.Refused(refusal);
        }

        if (s is not null && s.Version != version)
        {
            return new SelfAssessmentOutcome(false, l["Penilaian mandiri ini baru saja diubah (mungkin di jendela lain). Isian di bawah menampilkan data terbaru; periksa lalu simpan lagi."], Conflict: true);
        }

        s ??= Start(n);
        s.SetFigures(figures with { IsGovernment = n.IsGovernment });
        (s.VillageOfficials, s.CustomaryOfficials, s.ReligiousWorkers, s.FarmersAndFishers) =
            n.IsGovernment ? (groups.VillageOfficials, groups.CustomaryOfficials, groups.ReligiousWorkers, groups.FarmersAndFishers) : (null, null, null, null);
        return await SaveAsync(s, version, l["Angka penilaian mandiri telah disimpan sebagai draf."], ct);
    }

    /// <summary>Adds a regulation, a budget line or an innovation (validated by the nomination's own list forms).</summary>
    public async Task<SelfAssessmentOutcome> AddItemAsync(CandidateNomination n, SelfAssessmentItem item, CancellationToken ct)
    {
        var s = await FindAsync(n.Id, ct);
        if (ChangeRefusal(n, s) is { } refusal)
        {
            return SelfAssessmentOutcome.Refused(refusal);
        }

        if (!n.IsGovernment)
        {
            return SelfAssessmentOutcome.Refused(l["Daftar regulasi, anggaran dan inovasi hanya untuk pemerintah daerah."]);
        }

        s ??= Start(n);
        if (item.DocumentId is Guid document && s.Documents.All(d => d.Id != document))
        {
            return SelfAssessmentOutcome.Refused(l["Dokumen yang dipilih tidak ditemukan. Pilih salah satu dokumen yang sudah Anda unggah."], "DocumentId");
        }

        s.Items.Add(item);
        return await SaveAsync(s, s.Version, l["Isian telah ditambahkan ke draf."], ct);
    }

    public async Task<SelfAssessmentOutcome> RemoveItemAsync(CandidateNomination n, int itemId, CancellationToken ct)
    {
        var s = await FindAsync(n.Id, ct);
        if (ChangeRefusal(n, s) is { } refusal)
        {
            return SelfAssessmentOutcome.Refused(refusal);
        }

        var item = s?.Items.FirstOrDefault(i => i.Id == itemId);
        if (s is null || item is null)
        {
            return SelfAssessmentOutcome.Refused(l["Isian itu tidak ada lagi."]);
        }

        if (item.AcceptedAt is not null)
        {
            return SelfAssessmentOutcome.Refused(l["Isian ini sudah diterima panitia ke dalam nominasi; isian itu tidak dapat dihapus."]);
        }

        s.Items.Remove(item);
        return await SaveAsync(s, s.Version, l["Isian telah dihapus dari draf."], ct);
    }

    /// <summary>Keeps a checked upload (the caller inspected it, as every upload of the portal) with its row and audit event in one transaction.</summary>
    public async Task<SelfAssessmentOutcome> AddDocumentAsync(CandidateNomination n, StagedUpload staged, FileKind kind, string fileName, string title, CancellationToken ct)
    {
        var s = await FindAsync(n.Id, ct);
        if (ChangeRefusal(n, s) is { } refusal)
        {
            return SelfAssessmentOutcome.Refused(refusal);
        }

        if (s is null)
        {
            s = Start(n);
            s.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        var id = Guid.NewGuid();
        var document = new SelfAssessmentDocument
        {
            Id = id,
            SelfAssessmentId = s.Id,
            Title = title.Trim(),
            FileName = fileName,
            Kind = kind,
            Size = staged.Size,
            Sha256 = staged.Sha256,
            StorageName = EvidenceStore.StorageNameOf(id),
            UploadedBy = me.Id ?? Guid.Empty,
            UploadedAt = clock.GetUtcNow(),
        };
        db.SelfAssessmentDocuments.Add(document);
        audit.Record(AuditActions.FileUploaded, Entity + "-document", id.ToString(), s.ProvinceCode,
            AuditDetails.Of(
                ("nomination", n.Id.ToString(CultureInfo.InvariantCulture)),
                ("self-assessment", s.Id.ToString(CultureInfo.InvariantCulture)),
                ("kind", kind.ToString()),
                ("size", staged.Size.ToString(CultureInfo.InvariantCulture)),
                ("sha256", staged.Sha256),
                ("name", fileName)));
        await EvidenceStore.KeepAsync(db, staged, document.StorageName, ct);
        return SelfAssessmentOutcome.Ok(l["Dokumen {0} telah diunggah.", fileName]);
    }

    /// <summary>Sends the self-assessment to the committee, by the deadline; audited; the committee of the province is notified.</summary>
    public async Task<SelfAssessmentOutcome> SubmitAsync(CandidateNomination n, CancellationToken ct)
    {
        var s = await FindAsync(n.Id, ct);
        if (ChangeRefusal(n, s) is { } closed)
        {
            return SelfAssessmentOutcome.Refused(closed);
        }

        if (s is null)
        {
            return SelfAssessmentOutcome.Refused(l["Isi dan simpan angka penilaian mandiri terlebih dahulu, lalu kirim."]);
        }

        var ends = await NominationStageEndsAsync(n.CycleId, n.ProvinceCode, ct);
        var today = Wib.Today(clock);
        switch (SelfAssessmentRules.CanSubmit(s, ends, today))
        {
            case SubmitRefusal.FiguresMissing:
                return SelfAssessmentOutcome.Refused(l["Isi dan simpan angka penilaian mandiri terlebih dahulu, lalu kirim."]);
            case SubmitRefusal.DeadlinePassed:
                var deadline = SelfAssessmentRules.Deadline(s.Status, ends, s.ResubmitBy)!.Value;
                return SelfAssessmentOutcome.Refused(l["Batas waktu pengiriman penilaian mandiri ({0}) telah lewat; penilaian mandiri tidak dapat dikirim lagi. Hubungi panitia provinsi bila masih ada yang perlu disampaikan.", Formats.Date(deadline)]);
            case SubmitRefusal.NotEditable:
                return SelfAssessmentOutcome.Refused(ChangeRefusal(n, s) ?? "");
        }

        var from = s.Status;
        var now = clock.GetUtcNow();
        s.Status = SelfAssessmentStatus.Submitted;
        s.SubmittedAt = now;
        s.SubmittedBy = me.Id;
        s.Submissions++;
        s.DecidedAt = null;
        audit.Record(AuditActions.SelfAssessmentSubmitted, Entity, Key(s.Id), s.ProvinceCode,
            AuditDetails.Of(("nomination", Key(n.Id)), ("from", from.ToString()), ("submission", Key(s.Submissions))));
        var committee = await NotificationRecipients.Committee(db, s.ProvinceCode).ToListAsync(ct);
        await notifier.RaiseAsync(committee, new NotificationEvent(NotificationKind.SelfAssessmentSubmitted, s.ProvinceCode, n.OrganisationName, CommitteeLink(n.Id), Work(n.Id)), me.Id, ct);
        return await SaveAsync(s, s.Version, [CandidateWork(n.Id)], l["Penilaian mandiri telah dikirim ke panitia provinsi. Anda akan mendapat pemberitahuan bila panitia menerimanya atau mengembalikannya."], ct);
    }

    /// <summary>Returns a submitted self-assessment with reasons and the day by which to send it again; audited; the representatives are notified.</summary>
    public async Task<SelfAssessmentOutcome> ReturnAsync(int nominationId, string reason, DateOnly resubmitBy, CancellationToken ct)
    {
        var (n, s, refusal) = await LoadForCommitteeAsync(nominationId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        s!.Status = SelfAssessmentStatus.Returned;
        s.ReturnReason = reason.Trim();
        s.ReturnedAt = now;
        s.ResubmitBy = resubmitBy;
        audit.Record(AuditActions.SelfAssessmentReturned, Entity, Key(s.Id), s.ProvinceCode,
            AuditDetails.Of(("nomination", Key(n!.Id)), ("resubmit by", resubmitBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("reason", s.ReturnReason)));
        // The representatives' own work until they send it again (settled by SubmitAsync).
        await notifier.RaiseToCandidateAsync(n.OrganisationId, NotificationKind.SelfAssessmentReturned, n.Organisation?.Name ?? "", CandidateLink(n.Id), me.Id, ct, CandidateWork(n.Id));
        return await SaveAsync(s, s.Version, [Work(n.Id)], l["Penilaian mandiri telah dikembalikan kepada kandidat beserta alasannya."], ct);
    }

    /// <summary>
    /// Takes submitted values into the nomination: the figures named by <paramref name="keys"/> and the
    /// list entries named by <paramref name="itemIds"/> (null and null: everything that differs), as one
    /// nomination update (audited, against <paramref name="nominationVersion"/>), only while the
    /// nomination's figures may change. Figures that would not hold together are refused.
    /// </summary>
    public async Task<SelfAssessmentOutcome> AcceptAsync(int nominationId, IReadOnlyCollection<string>? keys, IReadOnlyCollection<int>? itemIds, uint nominationVersion, CancellationToken ct)
    {
        var (n, s, refusal) = await LoadForCommitteeAsync(nominationId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var cycle = await db.AwardCycles.AsNoTracking().FirstAsync(c => c.Id == n!.CycleId, ct);
        if (!cycle.IsEditableBy(me.Role ?? ""))
        {
            return SelfAssessmentOutcome.Refused(NominationMessages.CycleClosed(l, cycle.Year));
        }

        if (!NominationWorkflow.FiguresEditable(n!.Status))
        {
            return SelfAssessmentOutcome.Refused(NominationMessages.FiguresNotEditable(l, n.Status));
        }

        if (n.Version != nominationVersion)
        {
            return new SelfAssessmentOutcome(false, NominationMessages.TransitionConflict(l), Conflict: true);
        }

        var all = keys is null && itemIds is null;
        var recorded = SelfAssessmentRules.Recorded(n, s!.IsGovernment);
        var merged = SelfAssessmentRules.Merge(recorded, s.ToFigures(), all ? null : keys ?? []);
        if (SelfAssessmentRules.Inconsistency(merged) is { } field)
        {
            var label = SelfAssessmentRules.Figures.First(f => f.Key == field).Label;
            return SelfAssessmentOutcome.Refused(l["Nilai ini tidak dapat diterima sendiri: {0} tidak lagi sesuai dengan angka lain nominasi. Terima nilai-nilai yang berkaitan bersama-sama, atau terima semua.", l[label]]);
        }

        var changes = merged.ApplyTo(n).ToList();
        var now = clock.GetUtcNow();
        foreach (var item in s.Items.Where(i => i.AcceptedAt is null && (all || (itemIds?.Contains(i.Id) ?? false))))
        {
            changes.Add(TakeItem(n, item));
            item.AcceptedAt = now;
        }

        if (changes.Count == 0)
        {
            return SelfAssessmentOutcome.Refused(l["Tidak ada nilai yang berbeda dari data nominasi untuk diterima."]);
        }

        audit.Record(AuditActions.NominationUpdated, "nomination", Key(n.Id), n.ProvinceCode, AuditDetails.Texts(["from the candidate's self-assessment", .. changes]));
        var remaining = SelfAssessmentRules.Compare(merged, s.ToFigures());
        s.Status = SelfAssessmentRules.AfterAcceptance(remaining, s.Items);
        s.DecidedAt = now;
        audit.Record(AuditActions.SelfAssessmentAccepted, Entity, Key(s.Id), s.ProvinceCode,
            AuditDetails.Of(("nomination", Key(n.Id)), ("status", s.Status.ToString()), ("values", string.Join(", ", changes))));
        await notifier.RaiseToCandidateAsync(n.OrganisationId, NotificationKind.SelfAssessmentAccepted, n.Organisation?.Name ?? "", CandidateLink(n.Id), me.Id, ct);
        n.UpdatedAt = now;
        var entry = db.Entry(n);
        entry.Property(x => x.Version).OriginalValue = nominationVersion;
        entry.Property(x => x.UpdatedAt).IsModified = true;
        return await SaveAsync(s, s.Version, s.Status == SelfAssessmentStatus.Accepted ? [Work(n.Id)] : [], s.Status == SelfAssessmentStatus.Accepted
            ? l["Nilai penilaian mandiri telah diterima ke dalam nominasi; semua yang diajukan sudah diterima."]
            : l["Nilai yang dipilih telah diterima ke dalam nominasi."], ct);
    }

    /// <summary>The work key of a submitted self-assessment waiting for the committee.</summary>
    public static string Work(int nominationId) => $"self-assessment:{nominationId}";

    /// <summary>The work key of a returned self-assessment waiting for the candidate to send it again.</summary>
    public static string CandidateWork(int nominationId) => $"self-assessment-returned:{nominationId}";

    private static string TakeItem(Nomination n, SelfAssessmentItem item)
    {
        switch (item.Kind)
        {
            case SelfAssessmentItemKind.Regulation:
                n.Regulations.Add(new GovernmentRegulation { Type = item.RegulationType ?? RegulationType.Other, Number = item.Number ?? "", Year = item.Year ?? 0, Title = item.Title });
                return $"regulation added: {item.Number}/{item.Year}";
            case SelfAssessmentItemKind.Budget:
                n.Budgets.Add(new BudgetAllocation { Year = item.Year ?? 0, Amount = item.Amount ?? 0, Purpose = item.Title, WorkersCovered = item.WorkersCovered });
                return $"budget added: {item.Year} {(item.Amount ?? 0).ToString(CultureInfo.InvariantCulture)}";
            default:
                n.Innovations.Add(new Innovation { Title = item.Title, Description = item.Description, Year = item.Year });
                return $"innovation added: {item.Title}";
        }
    }

    /// <summary>The nomination (in the committee member's scope, tracked) and its submitted self-assessment; a refusal otherwise.</summary>
    private async Task<(Nomination? Nomination, SelfAssessment? SelfAssessment, SelfAssessmentOutcome? Refusal)> LoadForCommitteeAsync(int nominationId, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var n = await db.Nominations.InScope(scope).Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == nominationId, ct);
        var s = n is null ? null : await FindAsync(n.Id, ct);
        if (n is null || s is null || s.Status == SelfAssessmentStatus.Draft)
        {
            return (null, null, SelfAssessmentOutcome.Refused(l["Penilaian mandiri tidak ditemukan."]));
        }

        if (!SelfAssessmentRules.Decidable(s.Status))
        {
            return (null, null, SelfAssessmentOutcome.Refused(l["Penilaian mandiri berstatus {0}; panitia dapat menerima atau mengembalikannya hanya setelah kandidat mengirimnya.", l[CandidateNames.Status(s.Status)]]));
        }

        return (n, s, null);
    }

    private SelfAssessment Start(CandidateNomination n)
    {
        var now = clock.GetUtcNow();
        var s = new SelfAssessment
        {
            NominationId = n.Id,
            OrganisationId = n.OrganisationId,
            ProvinceCode = n.ProvinceCode,
            RegencyCode = n.RegencyCode,
            IsGovernment = n.IsGovernment,
            CreatedBy = me.Id ?? Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SelfAssessments.Add(s);
        return s;
    }

    private Task<SelfAssessmentOutcome> SaveAsync(SelfAssessment s, uint version, string message, CancellationToken ct) =>
        SaveAsync(s, version, [], message, ct);

    /// <summary>Saves, with the work <paramref name="settled"/> done in the same transaction (its unsent mails cancelled only if the change is saved).</summary>
    private async Task<SelfAssessmentOutcome> SaveAsync(SelfAssessment s, uint version, IReadOnlyCollection<string> settled, string message, CancellationToken ct)
    {
        await using var transaction = settled.Count > 0 ? await db.Database.BeginTransactionAsync(ct) : null;
        await notifier.SettleAsync(settled, ct);
        s.UpdatedAt = clock.GetUtcNow();
        if (db.Entry(s).State != EntityState.Added)
        {
            db.Entry(s).Property(x => x.Version).OriginalValue = version;
            db.Entry(s).Property(x => x.UpdatedAt).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return SelfAssessmentOutcome.Ok(message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SelfAssessmentOutcome(false, l["Data ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi langkah Anda bila masih perlu."], Conflict: true);
        }
    }

    private static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A candidate's nomination as the candidate area needs it.</summary>
public sealed record CandidateNomination(
    int Id, int CycleId, int Year, bool CycleClosed, int OrganisationId, string OrganisationName, string CategoryName, bool IsGovernment,
    string ProvinceCode, string? RegencyCode);

/// <summary>The counts of the protected groups a government reports that the nomination has no field for.</summary>
public sealed record ProtectedGroups(int? VillageOfficials, int? CustomaryOfficials, int? ReligiousWorkers, int? FarmersAndFishers);
