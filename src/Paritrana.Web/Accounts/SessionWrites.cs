using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paritrana.Web.Accounts;

/// <summary>
/// On the instance that writes <c>users</c>, <c>user_sessions</c> or <c>notifications</c> (through any
/// of its DbContexts: SaveChanges, ExecuteUpdate, SQL), drops every row <see cref="SessionCache"/>
/// holds when the write has run and again when its transaction ends, so that this instance's next
/// request reads the session again at once, without waiting for the trigger's <c>NOTIFY</c> to come
/// back (docs/decisions/048). Other instances learn of the change from that notification; a request
/// other than a GET that wrote answers only once its own instance heard a notification sent after
/// the change (<see cref="SessionCache.SyncAsync"/>).
/// </summary>
public sealed class SessionWrites(SessionCache cache, IHttpContextAccessor http) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private const string SyncItem = "paritrana:session-sync";

    private static readonly string[] Tables = ["users", "user_sessions", "notifications"];

    private static readonly object Marker = new();

    /// <summary>Contexts whose current transaction wrote one of the tables.</summary>
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    /// <summary>True when the command may write one of the session check's tables (every command but a plain SELECT that names one).</summary>
    public static bool Writes(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.Contains("pg_notify", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var table in Tables)
        {
            if (text.Contains(table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void Executed(DbCommand command, CommandEventData eventData)
    {
        if (!Writes(command.CommandText))
        {
            return;
        }

        cache.Drop();
        if (command.Transaction is not null && eventData.Context is { } db)
        {
            Pending.AddOrUpdate(db, Marker);
        }

        // A request that may have ended a session or changed an account (not a GET: its only write
        // here is "last seen") answers once the other instances were told (SessionCache.SyncAsync).
        if (http.HttpContext is { } context && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !context.Response.HasStarted && context.Items.TryAdd(SyncItem, true))
        {
            context.Response.OnStarting(() => cache.SyncAsync(CancellationToken.None));
        }
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Executed(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Executed(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Executed(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Executed(command, eventData);
        return ValueTask.FromResult(result);
    }

    // ---- the end of a transaction that wrote: dropped again (a row read before the commit is gone) ----

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
