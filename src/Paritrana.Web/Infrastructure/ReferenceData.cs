using System.Collections.Concurrent;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// The reference data that nearly every page reads and that almost never changes (award cycles,
/// their categories, scoring settings and stage dates, provinces, regencies and cities, branch
/// offices), held in this
/// instance's memory and dropped whole whenever any of it changes anywhere (docs/decisions/032).
/// <para>
/// A change is announced by a <c>NOTIFY</c> on <see cref="Channel"/> sent in the very transaction
/// that makes it (<see cref="ReferenceChanges"/>), so it reaches every instance when, and only
/// when, it is committed; this instance also drops its copy at the commit itself, so the writer's
/// next page shows the change. Nothing is kept while the instance's notification connection is down
/// (<see cref="PostgresNotifications.Listening"/>): every read then goes to the database. A copy
/// loaded while a change was committing is never kept (the generation it was loaded under is gone),
/// and no copy is used longer than <see cref="MaxAge"/>, as a bound on any failure not foreseen.
/// </para>
/// <para>
/// What is held is the same for every user: the lists of regions and offices are filtered by the
/// reader's scope at every use (<see cref="ScopeQueries"/>), never cached per user.
/// </para>
/// </summary>
public sealed class ReferenceData
{
    /// <summary>The channel of the change notifications.</summary>
    public const string Channel = "paritrana_reference";

    /// <summary>The entity types held here: a SaveChanges that adds, changes or deletes one announces it.</summary>
    public static readonly IReadOnlySet<Type> EntityTypes = new HashSet<Type>
    {
        typeof(AwardCycle), typeof(Category), typeof(ScoringSettings), typeof(Province), typeof(RegencyOrCity), typeof(BranchOffice),
        typeof(CycleStage), typeof(ProvinceStage),
    };

    /// <summary>The longest a copy is used, even without any notification.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly PostgresNotifications _notifications;
    private readonly TimeProvider _clock;
    private long _generation;

    public ReferenceData(PostgresNotifications notifications, TimeProvider clock)
    {
        _notifications = notifications;
        _clock = clock;
        notifications.Received += (channel, _) =>
        {
            if (channel == Channel)
            {
                Drop();
            }
        };
        notifications.Reset += Drop;
    }

    /// <summary>One category of a cycle.</summary>
    public sealed record CategoryRef(int Id, string Code, string Name, CategoryKind Kind, int SortOrder, int FinalistCount, bool IsActive);

    /// <summary>One regency or city.</summary>
    public sealed record RegencyRef(string Code, string ProvinceCode, string Name);

    /// <summary>One branch office.</summary>
    public sealed record BranchOfficeRef(int Id, string ProvinceCode, string Name);

    /// <summary>One province.</summary>
    public sealed record ProvinceRef(string Code, string Name);

    /// <summary>A province's own dates of one stage.</summary>
    public sealed record ProvinceStageRef(string ProvinceCode, StageDates Dates);

    /// <summary>A cycle's stage dates and every province's own dates within them (decisions/029).</summary>
    public sealed record CycleStagesRef(IReadOnlyList<StageDates> Cycle, IReadOnlyList<ProvinceStageRef> Provinces);

    private sealed record Entry(long Generation, DateTimeOffset LoadedAt, object Value);

    /// <summary>How many times the copy was dropped (for tests and diagnostics).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Drops everything held: the next reads load from the database again.</summary>
    public void Drop()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>All award cycles, newest first (the cycle pickers, <see cref="CycleLookup.Resolve"/>).</summary>
    public Task<IReadOnlyList<CycleLookup.CycleRef>> CyclesAsync(ParitranaDbContext db, CancellationToken ct) =>
        GetAsync<IReadOnlyList<CycleLookup.CycleRef>>("cycles", async () => await CycleLookup.AllAsync(db, ct));

    /// <summary>The categories of a cycle, active or not, by sort order then name.</summary>
    public Task<IReadOnlyList<CategoryRef>> CategoriesAsync(ParitranaDbContext db, int cycleId, CancellationToken ct) =>
        GetAsync<IReadOnlyList<CategoryRef>>($"categories:{cycleId}", async () => await CategoriesQuery(db, cycleId).ToListAsync(ct));

    /// <summary>The query of <see cref="CategoriesAsync"/>, for a reader that must not use a copy.</summary>
    public static IQueryable<CategoryRef> CategoriesQuery(ParitranaDbContext db, int cycleId) =>
        db.Categories.AsNoTracking()
            .Where(c => c.CycleId == cycleId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CategoryRef(c.Id, c.Code, c.Name, c.Kind, c.SortOrder, c.FinalistCount, c.IsActive));

    /// <summary>Every regency and city of the country, by province then code; filter with <see cref="ScopeQueries"/>.</summary>
    public Task<IReadOnlyList<RegencyRef>> RegenciesAsync(ParitranaDbContext db, CancellationToken ct) =>
        GetAsync<IReadOnlyList<RegencyRef>>("regencies", async () => await db.RegenciesAndCities.AsNoTracking()
            .OrderBy(r => r.ProvinceCode).ThenBy(r => r.Code)
            .Select(r => new RegencyRef(r.Code, r.ProvinceCode, r.Name))
            .ToListAsync(ct));

    /// <summary>Every branch office of the country, by name; filter with <see cref="ScopeQueries"/>.</summary>
    public Task<IReadOnlyList<BranchOfficeRef>> BranchOfficesAsync(ParitranaDbContext db, CancellationToken ct) =>
        GetAsync<IReadOnlyList<BranchOfficeRef>>("branch-offices", async () => await db.BranchOffices.AsNoTracking()
            .OrderBy(b => b.Name).ThenBy(b => b.Id)
            .Select(b => new BranchOfficeRef(b.Id, b.ProvinceCode, b.Name))
            .ToListAsync(ct));

    /// <summary>Every province, by code; filter with <see cref="ScopeQueries"/>.</summary>
    public Task<IReadOnlyList<ProvinceRef>> ProvincesAsync(ParitranaDbContext db, CancellationToken ct) =>
        GetAsync<IReadOnlyList<ProvinceRef>>("provinces", async () => await db.Provinces.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new ProvinceRef(p.Code, p.Name))
            .ToListAsync(ct));

    /// <summary>The stage dates of a cycle, its own and every province's; filter the provinces' with <see cref="ScopeQueries"/>.</summary>
    public Task<CycleStagesRef> StagesAsync(ParitranaDbContext db, int cycleId, CancellationToken ct) =>
        GetAsync($"stages:{cycleId}", async () =>
        {
            var cycle = await db.CycleStages.AsNoTracking().Where(s => s.CycleId == cycleId)
                .Select(s => new StageDates(s.Stage, s.StartsOn, s.EndsOn)).ToListAsync(ct);
            var provinces = await db.ProvinceStages.AsNoTracking().Where(s => s.CycleId == cycleId)
                .OrderBy(s => s.ProvinceCode).ThenBy(s => s.Stage)
                .Select(s => new ProvinceStageRef(s.ProvinceCode, new StageDates(s.Stage, s.StartsOn, s.EndsOn))).ToListAsync(ct);
            return new CycleStagesRef(cycle, provinces);
        });

    /// <summary>
    /// A cycle's scoring settings, or the defaults when none were saved: a copy of its own for each
    /// caller (the entity is mutable), as <see cref="Features.Scoring.ScoringLookups.SettingsAsync"/> reads them.
    /// </summary>
    public async Task<ScoringSettings> ScoringSettingsAsync(ParitranaDbContext db, int cycleId, CancellationToken ct)
    {
        var held = await GetAsync($"scoring-settings:{cycleId}", () => Features.Scoring.ScoringLookups.SettingsAsync(db, cycleId, ct));
        return new ScoringSettings
        {
            CycleId = held.CycleId,
            Aggregation = held.Aggregation,
            HideOthersUntilSubmitted = held.HideOthersUntilSubmitted,
            DisagreementThreshold = held.DisagreementThreshold,
            ShowZScores = held.ShowZScores,
            Version = held.Version,
        };
    }

    private async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
        where T : class
    {
        var now = _clock.GetUtcNow();
        var generation = Generation;
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && now - entry.LoadedAt < MaxAge)
        {
            return (T)entry.Value;
        }

        // Kept only when the notifications were received all along and nothing was dropped meanwhile:
        // a change committed during the load may not be in what it read.
        var listening = _notifications.Listening;
        var value = await load();
        if (listening && _notifications.Listening && Generation == generation)
        {
            _entries[key] = new Entry(generation, now, value);
        }

        return value;
    }
}
