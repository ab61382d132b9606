using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// The transaction of a service's write (a card saved, a plenary decided): its own when the caller
/// has none, as for every page, and a savepoint in the caller's transaction when it has one (the
/// demo seeder, which applies its whole content in one transaction, docs/decisions/034). Either way
/// the write is one unit: <see cref="CommitAsync"/> keeps it (commits, or releases the savepoint),
/// <see cref="RollbackAsync"/> or disposing without a commit undoes it and nothing else (rolls back,
/// or back to the savepoint, which also clears PostgreSQL's aborted state after a failed statement).
/// Row locks taken inside a savepoint last until the caller's transaction ends.
/// </summary>
public sealed class OwnTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly string? _savepoint;
    private bool _ended;

    private OwnTransaction(IDbContextTransaction transaction, string? savepoint) => (_transaction, _savepoint) = (transaction, savepoint);

    public static async Task<OwnTransaction> BeginAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.CurrentTransaction is { } outer)
        {
            var savepoint = $"own_{Guid.NewGuid():N}";
            await outer.CreateSavepointAsync(savepoint, ct);
            return new OwnTransaction(outer, savepoint);
        }

        return new OwnTransaction(await database.BeginTransactionAsync(ct), null);
    }

    public Task CommitAsync(CancellationToken ct) => EndAsync(commit: true, ct);

    public Task RollbackAsync(CancellationToken ct) => EndAsync(commit: false, ct);

    private Task EndAsync(bool commit, CancellationToken ct)
    {
        _ended = true;
        return (_savepoint, commit) switch
        {
            (null, true) => _transaction.CommitAsync(ct),
            (null, false) => _transaction.RollbackAsync(ct),
            ({ } savepoint, true) => _transaction.ReleaseSavepointAsync(savepoint, ct),
            ({ } savepoint, false) => _transaction.RollbackToSavepointAsync(savepoint, ct),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_savepoint is null)
        {
            // An own transaction not committed is rolled back when disposed.
            await _transaction.DisposeAsync();
            return;
        }

        if (!_ended)
        {
            try
            {
                await _transaction.RollbackToSavepointAsync(_savepoint);
            }
            catch (DbException)
            {
                // The caller's transaction is broken (the connection lost): it fails on its own; the
                // exception that brought us here is the one to see.
            }
        }
    }
}
