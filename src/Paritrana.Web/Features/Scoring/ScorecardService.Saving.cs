using System.Text;
using Npgsql;

namespace Paritrana.Web.Features.Scoring;

/// <summary>Saving, submitting and reopening a card (the rules are on the class in ScorecardService.cs).</summary>
public sealed partial class ScorecardService
{
    /// <summary>
    /// Saves a draft (partial allowed) or, with <paramref name="submit"/>, submits the card. With
    /// <paramref name="preview"/> a submit is checked whole and its total worked out, but nothing is
    /// written (<see cref="SaveStatus.ReadyToSubmit"/>): the confirmation step shows that total.
    /// </summary>
    public async Task<SaveResult> SaveAsync(CardContext context, CardInput input, bool submit, CancellationToken ct, bool preview = false)
    {
        if (Refusal(context) is string refusal)
        {
            return new SaveResult(SaveStatus.Refused, refusal);
        }

        // Its own transaction, or a savepoint in the caller's (the demo seeder's, OwnTransaction).
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);

        // The round as committed now, share-locked until this transaction ends: a close waits for
        // this card, or this card sees the round closed (RoundLock, decisions/014).
        if (await RoundLock.ShareAsync(db, context.RoundId, ct) != RoundStatus.Open)
        {
            return new SaveResult(SaveStatus.Refused, RoundClosedMessage(l));
        }

        // The chair may refuse cards after the round's closing date (WIB); read under the round's share lock.
        if (submit && await LateRefusalAsync(context.RoundId, ct) is string late)
        {
            return new SaveResult(SaveStatus.Refused, late);
        }

        var card = await db.Scorecards.Include(c => c.Scores)
            .FirstOrDefaultAsync(c => c.RoundId == context.RoundId && c.NominationId == context.NominationId && c.ScorerId == context.ScorerId, ct);

        // The form was read from another state of the card than the one stored now: refuse it whole.
        if ((card is null && input.Version != 0) || (card is not null && card.Version != input.Version))
        {
            return Stale();
        }

        if (card?.Status == ScorecardStatus.Submitted)
        {
            return new SaveResult(SaveStatus.Refused, l["Kartu nilai ini sudah dikirim dan tidak dapat diubah lagi kecuali dibuka kembali oleh ketua."].Value);
        }

        IReadOnlyList<AspectView> aspects = context.Aspects;
        int setId;
        if (card is null)
        {
            setId = context.CriteriaSetId!.Value;
            if (input.CriteriaSetId != setId || !await LockCriteriaAsync(setId, ct))
            {
                return CriteriaChanged();
            }

            // Read again now that the set is locked: an edit in place just before the lock changed its indicators.
            var (all, _) = await AspectsOfSetAsync(setId, ct);
            aspects = all.Where(a => context.RoundAspectCodes.Contains(a.Code)).ToList();
        }
        else
        {
            setId = card.CriteriaSetId;
        }

        var indicators = aspects.SelectMany(a => a.Indicators).ToList();
        var known = indicators.Select(i => i.Id).ToHashSet();
        if (input.Scores.Any(s => !known.Contains(s.IndicatorId)))
        {
            return CriteriaChanged();
        }

        // Validate everything before changing anything.
        var posted = input.Scores.GroupBy(s => s.IndicatorId).ToDictionary(g => g.Key, g => g.Last());
        var current = card?.Scores.ToDictionary(s => s.IndicatorId, s => new ScoreValue(s.Value, s.Comment)) ?? [];
        var final = new Dictionary<int, ScoreValue>();
        var errors = new Dictionary<int, string>();
        foreach (var indicator in indicators)
        {
            if (!posted.TryGetValue(indicator.Id, out var entry))
            {
                if (current.TryGetValue(indicator.Id, out var kept))
                {
                    final[indicator.Id] = kept;
                }

                continue;
            }

            decimal? value = null;
            if (!ScoreText.IsBlank(entry.Value))
            {
                if (ScoreText.TryParse(entry.Value, out var parsed) && CriteriaRules.IsValidScore(indicator.Scale, parsed))
                {
                    value = parsed;
                }
                else
                {
                    errors[indicator.Id] = indicator.Scale == ScaleKind.Levels
                        ? l["Nilai {0} harus salah satu tingkat 1 sampai 5.", indicator.Code].Value
                        : l["Nilai {0} harus angka antara 0 dan 100, paling banyak dua desimal (misalnya 87,5).", indicator.Code].Value;
                    continue;
                }
            }

            var comment = string.IsNullOrWhiteSpace(entry.Comment) ? null : entry.Comment.Trim();
            if (comment?.Length > MaxCommentLength)
            {
                errors[indicator.Id] = l["Catatan {0} paling banyak {1} karakter.", indicator.Code, MaxCommentLength].Value;
                continue;
            }

            if (value is not null || comment is not null)
            {
                final[indicator.Id] = new ScoreValue(value, comment);
            }
        }

        ComputedScores.CheckNotes(context, indicators, current, final, errors, l);
        var strengths = string.IsNullOrWhiteSpace(input.Strengths) ? null : input.Strengths.Trim();
        var strengthsError = strengths?.Length > MaxStrengthsLength ? l["Kekuatan paling banyak {0} karakter.", MaxStrengthsLength].Value : null;
        if (errors.Count > 0 || strengthsError is not null)
        {
            return new SaveResult(SaveStatus.Invalid, l["Periksa kembali nilai yang ditandai; kartu nilai belum disimpan."].Value, errors, strengthsError);
        }

        decimal? total = null;
        if (submit)
        {
            var missing = indicators.Where(i => final.GetValueOrDefault(i.Id)?.Value is null).ToList();
            if (missing.Count > 0)
            {
                return new SaveResult(SaveStatus.Invalid, l["Kartu nilai belum dapat dikirim: indikator berikut belum dinilai: {0}.",
                    string.Join("; ", missing.Select(i => $"{i.Code} {i.Name}"))].Value);
            }

            var weightings = Weightings(aspects);
            total = decimal.Round(ScoringMath.CardTotalOf(weightings, final.ToDictionary(f => f.Key, f => f.Value.Value!.Value))!.Value, 4, MidpointRounding.AwayFromZero);
        }

        var changed = indicators.Where(i => current.GetValueOrDefault(i.Id) != final.GetValueOrDefault(i.Id)).ToList();
        if (!submit && changed.Count == 0 && strengths == card?.Strengths)
        {
            return new SaveResult(SaveStatus.NothingChanged, l["Tidak ada yang diubah."].Value);
        }

        if (preview && submit)
        {
            // Nothing is written: the transaction (and the criteria lock of a first save) is rolled back when disposed.
            return new SaveResult(SaveStatus.ReadyToSubmit, Total: total);
        }

        var now = clock.GetUtcNow();
        if (card is null)
        {
            card = new Scorecard
            {
                RoundId = context.RoundId,
                NominationId = context.NominationId,
                ScorerId = context.ScorerId,
                CriteriaSetId = setId,
                ProvinceCode = context.ProvinceCode,
                RegencyCode = context.RegencyCode,
                Status = ScorecardStatus.Draft,
            };
            db.Scorecards.Add(card);
        }
        else
        {
            // The UPDATE checks the version the form was read at.
            db.Entry(card).Property(c => c.Version).OriginalValue = input.Version;
        }

        foreach (var indicator in changed)
        {
            var existing = card.Scores.FirstOrDefault(s => s.IndicatorId == indicator.Id);
            var wanted = final.GetValueOrDefault(indicator.Id);
            if (wanted is null)
            {
                card.Scores.Remove(existing!);
            }
            else if (existing is null)
            {
                card.Scores.Add(new Score { IndicatorId = indicator.Id, Value = wanted.Value, Comment = wanted.Comment });
            }
            else
            {
                existing.Value = wanted.Value;
                existing.Comment = wanted.Comment;
            }
        }

        card.Strengths = strengths;
        card.UpdatedAt = now;
        if (submit)
        {
            card.Status = ScorecardStatus.Submitted;
            card.Total = total;
            card.SubmittedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            var scoreEvent = submit ? ScoreEvents.Submitted : ScoreEvents.Saved;
            var state = submit ? ScorecardStatus.Submitted : ScorecardStatus.Draft;
            foreach (var indicator in changed)
            {
                var before = current.GetValueOrDefault(indicator.Id);
                var after = final.GetValueOrDefault(indicator.Id);
                db.ScoreChanges.Add(new ScoreChange
                {
                    ScorecardId = card.Id,
                    IndicatorId = indicator.Id,
                    OldValue = before?.Value,
                    NewValue = after?.Value,
                    OldComment = before?.Comment,
                    NewComment = after?.Comment,
                    CardStatus = state,
                    Event = scoreEvent,
                    UserId = context.ScorerId,
                    At = now,
                });
            }

            if (submit)
            {
                db.ScoreChanges.Add(new ScoreChange
                {
                    ScorecardId = card.Id,
                    NewValue = ScoringMath.Round2(total!.Value),
                    CardStatus = ScorecardStatus.Submitted,
                    Event = ScoreEvents.Submitted,
                    UserId = context.ScorerId,
                    At = now,
                });
            }

            audit.Record(
                submit ? AuditActions.ScorecardSubmitted : AuditActions.ScorecardSaved,
                "nomination",
                context.NominationId.ToString(CultureInfo.InvariantCulture),
                context.ProvinceCode,
                Details(context, card.Id, changed, current, final, total));
            if (submit)
            {
                // A reopened card sent again: its "reopened" notification is settled (docs/decisions/030).
                await notifier.SettleAsync(Notifications.Notifier.CardWork(context.RoundId, context.NominationId, context.ScorerId), ct);
                // The last card of the round sent: the "round closing" reminder is settled (docs/decisions/045).
                await notifier.SettleRoundIfDoneAsync(context.RoundId, context.ScorerId, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation })
        {
            // Another tab created the card first, or the criteria changed under a new card.
            db.ChangeTracker.Clear();
            return Stale();
        }

        context.CardId = card.Id;
        return submit
            ? new SaveResult(SaveStatus.Submitted, Total: total)
            : new SaveResult(SaveStatus.Saved);
    }

    /// <summary>The chair reopens a submitted card, with a reason, while its round is open.</summary>
    public async Task<SaveResult> ReopenAsync(int cardId, uint version, string reason, Guid chairId, AccessScope scope, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var card = await db.Scorecards.InScope(scope).FirstOrDefaultAsync(c => c.Id == cardId, ct);
        if (card is null)
        {
            return new SaveResult(SaveStatus.Refused);
        }

        // Read under the round's share lock, as a save is (RoundLock): a close waits for this reopening, or this sees the round closed.
        if (await RoundLock.ShareAsync(db, card.RoundId, ct) != RoundStatus.Open)
        {
            return new SaveResult(SaveStatus.Refused, l["Babak ini tidak sedang dibuka; kartu nilai tidak dapat dibuka kembali."].Value);
        }

        if (card.Status != ScorecardStatus.Submitted)
        {
            return new SaveResult(SaveStatus.Refused, l["Kartu nilai ini belum dikirim, jadi tidak perlu dibuka kembali."].Value);
        }

        var now = clock.GetUtcNow();
        var oldTotal = card.Total;
        card.Status = ScorecardStatus.Draft;
        card.Total = null;
        card.SubmittedAt = null;
        card.ReopenReason = reason;
        card.UpdatedAt = now;
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        db.ScoreChanges.Add(new ScoreChange
        {
            ScorecardId = card.Id,
            OldValue = oldTotal is decimal t ? ScoringMath.Round2(t) : null,
            NewComment = reason,
            CardStatus = ScorecardStatus.Draft,
            Event = ScoreEvents.Reopened,
            UserId = chairId,
            At = now,
        });
        audit.Record(AuditActions.ScorecardReopened, "nomination", card.NominationId.ToString(CultureInfo.InvariantCulture), card.ProvinceCode,
            Domain.Auditing.AuditDetails.Of(CardEntries(card.RoundId, card.Id).Round, CardEntries(card.RoundId, card.Id).Card, ("reason", reason)));
        var name = await db.Nominations.Where(n => n.Id == card.NominationId).Select(n => n.Organisation!.Name).FirstAsync(ct);
        await notifier.RaiseAsync([card.ScorerId],
            new(NotificationKind.CardReopened, card.ProvinceCode, name, $"/Scoring/Card?round={card.RoundId}&nomination={card.NominationId}",
                Notifications.Notifier.CardWork(card.RoundId, card.NominationId, card.ScorerId)),
            chairId, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SaveResult(SaveStatus.Stale, l["Kartu nilai ini baru saja diubah. Muat ulang halaman, lalu ulangi bila masih perlu."].Value);
        }

        return new SaveResult(SaveStatus.Saved);
    }

    /// <summary>
    /// Why a card of the round may not be submitted today: the chair chose to refuse cards after the
    /// closing date, and the closing day (WIB) has passed. Null when it may.
    /// </summary>
    private async Task<string?> LateRefusalAsync(int roundId, CancellationToken ct)
    {
        var round = await db.ScoringRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.ClosesOn, r.RefuseLateCards }).FirstAsync(ct);
        return round.RefuseLateCards && StageCalendar.IsPast(round.ClosesOn, Wib.Today(clock))
            ? l["Kartu nilai tidak dapat dikirim: babak ini ditutup untuk kartu nilai pada {0} (WIB), dan ketua menetapkan bahwa kartu yang dikirim setelahnya ditolak. Isian Anda tidak dikirim; hubungi ketua bila perlu.", Formats.Date(round.ClosesOn!.Value)].Value
            : null;
    }

    private string? Refusal(CardContext context)
    {
        if (context.ConflictReason is not null)
        {
            return ConflictMessage(l);
        }

        return context.RoundStatus switch
        {
            RoundStatus.Draft => l["Babak ini belum dibuka; nilai belum dapat diisi."].Value,
            RoundStatus.Closed => l["Babak ini sudah ditutup; kartu nilai hanya dapat dibaca."].Value,
            _ => context.CriteriaProblem,
        };
    }

    /// <summary>The round was open when the page was read but is closed now: nothing of the card was saved.</summary>
    public static string RoundClosedMessage(IStringLocalizer l) =>
        l["Babak ini baru saja ditutup oleh ketua; isian Anda tidak disimpan dan kartu nilai ini kini hanya dapat dibaca."].Value;

    private SaveResult Stale() => new(SaveStatus.Stale, StaleMessage(l));

    private SaveResult CriteriaChanged() =>
        new(SaveStatus.Stale, l["Kriteria penilaian kategori ini baru saja diubah. Muat ulang halaman untuk menilai dengan kriteria terbaru; isian Anda tidak disimpan."].Value);

    /// <summary>Locks the current criteria set of a new card; false when the set is no longer the current one.</summary>
    private async Task<bool> LockCriteriaAsync(int setId, CancellationToken ct)
    {
        var locked = await db.CriteriaSets.Where(s => s.Id == setId && s.IsCurrent && !s.IsLocked)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsLocked, true), ct);
        return locked == 1 || await db.CriteriaSets.AnyAsync(s => s.Id == setId && s.IsCurrent, ct);
    }

    private static AuditDetails Details(CardContext context, int cardId, List<IndicatorView> changed, Dictionary<int, ScoreValue> before, Dictionary<int, ScoreValue> after, decimal? total) =>
        AuditDetails(context.RoundId, cardId, changed.Select(i => (i.Code, before.GetValueOrDefault(i.Id), after.GetValueOrDefault(i.Id))), total).And(ComputedScores.AuditEntries(context, changed, after));

    /// <summary>
    /// The details of a card's saved or submitted audit event: each changed indicator (in the card's order) with its
    /// old and new score, and the total when submitted. Public for the demo seeder, whose submitted cards carry the same trail.
    /// </summary>
    public static AuditDetails AuditDetails(int roundId, int cardId, IEnumerable<(string Code, ScoreValue? Before, ScoreValue? After)> changed, decimal? total)
    {
        static string V(decimal? v) => v is decimal d ? ScoreText.ForInput(d) : "-";
        var entries = new List<(string?, string?)> { CardEntries(roundId, cardId).Round, CardEntries(roundId, cardId).Card };
        foreach (var (code, b, a) in changed)
        {
            if (b?.Value != a?.Value)
            {
                entries.Add((code, $"{V(b?.Value)} -> {V(a?.Value)}"));
            }

            if (b?.Comment != a?.Comment)
            {
                entries.Add((null, $"{code} comment changed"));
            }
        }

        if (total is decimal t)
        {
            entries.Add((null, $"total {ScoreText.ForInput(ScoringMath.Round2(t))}"));
        }

        return Domain.Auditing.AuditDetails.Of([.. entries]);
    }

    /// <summary>The round and card a card's audit event names, first in its details ("round 5; card 7").</summary>
    private static ((string? Name, string? Value) Round, (string? Name, string? Value) Card) CardEntries(int roundId, int cardId) =>
        ((null, FormattableString.Invariant($"round {roundId}")), (null, FormattableString.Invariant($"card {cardId}")));
}
