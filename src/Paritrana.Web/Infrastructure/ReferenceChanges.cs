using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Announces every change of the data <see cref="ReferenceData"/> holds (docs/decisions/032): a
/// SaveChanges that adds, changes or deletes an entity of <see cref="ReferenceData.EntityTypes"/>
/// sends <c>NOTIFY</c> on <see cref="ReferenceData.Channel"/> in its own transaction (one is begun
/// around the save when the caller has none, and committed when the save succeeds), so every
/// instance drops its copy exactly when the change is committed, and none when it rolls back. This
/// instance drops its own copy when the save starts and again at the commit, so a copy loaded in
/// between is not kept either. Writes that bypass SaveChanges (ExecuteUpdate, SQL) call
/// <see cref="NotifyAsync"/> in their transaction instead (Architecture/ReferenceWritesTests finds them).
/// </summary>
public sealed class ReferenceChanges(ReferenceData cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private const string NotifySql = $"SELECT pg_notify('{ReferenceData.Channel}', '')";

    private static readonly object Marker = new();

    /// <summary>Contexts whose current transaction carries a reference change: this instance drops its copy when it commits.</summary>
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    /// <summary>Transactions begun here around a SaveChanges, committed or rolled back when it ends.</summary>
    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> Owned = [];

    /// <summary>
    /// Announces a reference change made without SaveChanges: the NOTIFY joins the context's
    /// transaction (sent at its commit); without one, the change is committed already and it goes at once.
    /// </summary>
    public static async Task NotifyAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(NotifySql, ct);
        if (db.Database.CurrentTransaction is not null)
        {
            Pending.AddOrUpdate(db, Marker);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && ChangesReferenceData(db))
        {
            cache.Drop();
            if (db.Database.CurrentTransaction is null)
            {
                Owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
            }

            await NotifyAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && ChangesReferenceData(db))
        {
            cache.Drop();
            if (db.Database.CurrentTransaction is null)
            {
                Owned.AddOrUpdate(db, db.Database.BeginTransaction());
            }

            db.Database.ExecuteSqlRaw(NotifySql);
            Pending.AddOrUpdate(db, Marker);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && TakeOwned(db) is { } transaction)
        {
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && TakeOwned(db) is { } transaction)
        {
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await EndOwnedAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EndOwned(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await EndOwnedAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => EndOwned(eventData.Context);

    /// <summary>
    /// The transaction begun here around the context's current save, if it is still the context's
    /// own. Contexts come from a pool (docs/decisions/020): an entry left by an earlier use of the
    /// same context, whose transaction the pool's reset disposed, is forgotten, never committed.
    /// (A save lost to a concurrent edit leaves one: EF Core reports a concurrency conflict through
    /// ThrowingConcurrencyException, with the command's reader still open, and not through
    /// SaveChangesFailed; the transaction stays open until the request's end, as before pooling.)
    /// </summary>
    private static IDbContextTransaction? TakeOwned(DbContext db)
    {
        if (!Owned.TryGetValue(db, out var transaction))
        {
            return null;
        }

        Owned.Remove(db);
        return ReferenceEquals(db.Database.CurrentTransaction, transaction) ? transaction : null;
    }

    /// <summary>A save that failed inside a transaction begun here: roll it back (the NOTIFY with it).</summary>
    private static async Task EndOwnedAsync(DbContext? db)
    {
        if (db is not null && TakeOwned(db) is { } transaction)
        {
            Pending.Remove(db);
            await using (transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    private static void EndOwned(DbContext? db)
    {
        if (db is not null && TakeOwned(db) is { } transaction)
        {
            Pending.Remove(db);
            using (transaction)
            {
                transaction.Rollback();
            }
        }
    }

    /// <summary>True when the context has an added, changed or deleted entity of <see cref="ReferenceData.EntityTypes"/>.</summary>
    public static bool ChangesReferenceData(DbContext db) =>
        db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && ReferenceData.EntityTypes.Contains(e.Metadata.ClrType));

    // ---- the commit of a transaction carrying a change: this instance drops its copy at once ----

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private void Ended(DbContext? db)
    {
        if (db is not null && Pending.Remove(db))
        {
            cache.Drop();
        }
    }
}
