using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// The reference data copies (docs/decisions/032) of every portal host the tests started, by
/// database. The tests write their data through contexts of their own (<see cref="NewContext"/>),
/// outside any host; a reference change saved there drops the copy of every host on that database
/// at once, as the host's own SaveChanges would (the NOTIFY between instances has tests of its own:
/// Instances/ReferenceDataAcrossInstancesTests).
/// </summary>
public static class PortalHosts
{
    private static readonly ConcurrentDictionary<ReferenceData, string> Caches = new();

    public static void Register(string database, ReferenceData cache) => Caches[cache] = database;

    public static void Unregister(ReferenceData cache) => Caches.TryRemove(cache, out _);

    /// <summary>
    /// The session rows every host holds (docs/decisions/048), by database: a test's own write of
    /// users, sessions or notifications (<see cref="NewContext"/>, <see cref="TestDatabase.ExecuteAsync"/>)
    /// drops them at once, as a write through the host would (<see cref="Paritrana.Web.Accounts.SessionWrites"/>);
    /// the triggers' NOTIFY between instances has tests of its own (Instances/SessionsAcrossInstancesTests).
    /// </summary>
    private static readonly ConcurrentDictionary<Paritrana.Web.Accounts.SessionCache, string> Sessions = new();

    public static void Register(string database, Paritrana.Web.Accounts.SessionCache cache) => Sessions[cache] = database;

    public static void Unregister(Paritrana.Web.Accounts.SessionCache cache) => Sessions.TryRemove(cache, out _);

    /// <summary>Drops the session rows every host on <paramref name="database"/> holds.</summary>
    public static void SessionsChanged(string database)
    {
        foreach (var (cache, db) in Sessions)
        {
            if (db == database)
            {
                cache.Drop();
            }
        }
    }

    /// <summary>
    /// A context of the test's own on <paramref name="database"/>, for arranging data: a reference
    /// change it saves drops the copies the portal hosts on that database hold.
    /// </summary>
    public static ParitranaDbContext NewContext(string database) =>
        new(new DbContextOptionsBuilder<ParitranaDbContext>()
            .UseNpgsql(TestDatabase.ConnectionStringFor(database))
            .AddInterceptors(new TestReferenceChanges(database))
            .Options);

    /// <summary>Waits (up to 30 s) until a host's notification connection listens, so that it keeps its reference data.</summary>
    public static async Task ListeningAsync(IServiceProvider services)
    {
        var notifications = services.GetRequiredService<PostgresNotifications>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!notifications.Listening)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Drops the reference data every host on <paramref name="database"/> holds: call after changing it with SQL.</summary>
    public static void ReferenceDataChanged(string database)
    {
        foreach (var (cache, db) in Caches)
        {
            if (db == database)
            {
                cache.Drop();
            }
        }
    }
}

/// <summary>A test context's SaveChanges that changed reference data drops the hosts' copies when it is done.</summary>
public sealed class TestReferenceChanges(string database) : SaveChangesInterceptor
{
    private bool _changed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _changed = eventData.Context is { } db && ReferenceChanges.ChangesReferenceData(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_changed)
        {
            PortalHosts.ReferenceDataChanged(database);
        }

        PortalHosts.SessionsChanged(database);

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));
}
