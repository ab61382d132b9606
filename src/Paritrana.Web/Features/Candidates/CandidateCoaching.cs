using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure.Files;

namespace Paritrana.Web.Features.Candidates;

/// <summary>One evidence file of an answer, already staged and accepted by its content (<see cref="EvidenceStore.Inspect"/>).</summary>
public sealed record AnswerFile(StagedUpload Staged, FileKind Kind, string FileName);

/// <summary>
/// A candidate's representative answers a coaching item addressed to their organisation ("sudah
/// diperbaiki", issue 18, docs/decisions/050): the note and the optional evidence file, their audit
/// events and the committee's notification are saved in one transaction with the file's bytes. The
/// item's status and the nomination are not touched: the committee resolves the item, or sends the
/// answer back.
/// </summary>
public sealed class CandidateCoaching(ParitranaDbContext db, CurrentUser me, AuditTrail audit, TimeProvider clock, Notifications.Notifier notifier)
{
    /// <summary>Null when stale (changed since the page was read); false when the item takes no answer now; true when saved.</summary>
    public async Task<bool?> AnswerAsync(CoachingItem item, string organisationName, string note, AnswerFile? file, uint version, CancellationToken ct)
    {
        if (!CandidateCoachingRules.MayAnswer(item))
        {
            return false;
        }

        if (item.Version != version)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        item.CandidateAnswer = note;
        item.CandidateAnsweredAt = now;
        item.CandidateAnsweredBy = me.Id;
        item.UpdatedAt = now;
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        var key = item.Id.ToString(CultureInfo.InvariantCulture);
        EvidenceFile? row = null;
        if (file is not null)
        {
            var id = Guid.NewGuid();
            row = new EvidenceFile
            {
                Id = id,
                NominationId = item.NominationId,
                ProvinceCode = item.ProvinceCode,
                RegencyCode = item.RegencyCode,
                CoachingItemId = item.Id,
                FileName = file.FileName,
                Kind = file.Kind,
                Size = file.Staged.Size,
                Sha256 = file.Staged.Sha256,
                StorageName = EvidenceStore.StorageNameOf(id),
                UploadedBy = me.Id ?? Guid.Empty,
                UploadedAt = now,
            };
            db.EvidenceFiles.Add(row);
            audit.Record(AuditActions.FileUploaded, NominationTimeline.FileEntity, id.ToString(), row.ProvinceCode,
                AuditDetails.Of(
                    ("nomination", row.NominationId.ToString(CultureInfo.InvariantCulture)),
                    ("coaching item", key),
                    ("kind", file.Kind.ToString()),
                    ("size", row.Size.ToString(CultureInfo.InvariantCulture)),
                    ("sha256", row.Sha256),
                    ("name", file.FileName)));
        }

        audit.Record(AuditActions.CoachingAnswered, NominationTimeline.CoachingEntity, key, item.ProvinceCode,
            AuditDetails.Of(("note", note), ("file", row?.FileName)));
        var committee = await Notifications.NotificationRecipients.Committee(db, item.ProvinceCode).ToListAsync(ct);
        await notifier.RaiseAsync(committee,
            new(NotificationKind.CoachingAnswered, item.ProvinceCode, organisationName, $"/FieldWork/Coaching/Item/{item.Id}", Notifications.Notifier.CoachingAnswerWork(item.Id)),
            me.Id, ct);
        try
        {
            if (row is not null)
            {
                await EvidenceStore.KeepAsync(db, file!.Staged, row.StorageName, ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        return true;
    }
}

/// <summary>
/// The candidate's own limits (issue 18, docs/decisions/050): answers and uploads per representative
/// per hour (<c>Security:CandidateAnswersPerHour</c>, default 10; <c>Security:CandidateUploadsPerHour</c>,
/// default 10), counted in the shared limit store (<c>sign_in_attempts</c>, hour windows, one atomic
/// upsert, <see cref="SignInRateLimit.CountAsync"/>) like the e-mail change limit, so that several
/// instances allow together what one allows. Old windows go with the sign-in pruning job.
/// </summary>
public sealed class CandidateLimits(IConfiguration configuration, TimeProvider clock)
{
    public int AnswersPerHour { get; } = Math.Max(1, configuration.GetValue("Security:CandidateAnswersPerHour", 10));

    public int UploadsPerHour { get; } = Math.Max(1, configuration.GetValue("Security:CandidateUploadsPerHour", 10));

    /// <summary>Counts one answer post of <paramref name="userId"/>; false when it is over the limit this hour.</summary>
    public async Task<bool> AllowsAnswerAsync(Guid userId, CancellationToken ct) =>
        await SignInRateLimit.CountAsync(configuration, $"candidate-answer:{userId:N}", PasswordResetLimit.HourOf(clock.GetUtcNow()), ct) <= AnswersPerHour;

    /// <summary>Counts one upload of <paramref name="userId"/>; false when it is over the limit this hour.</summary>
    public async Task<bool> AllowsUploadAsync(Guid userId, CancellationToken ct) =>
        await SignInRateLimit.CountAsync(configuration, $"candidate-upload:{userId:N}", PasswordResetLimit.HourOf(clock.GetUtcNow()), ct) <= UploadsPerHour;
}
