namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>
/// The audit trail as the page and its CSV read it: one query with the filters (action, person,
/// nomination, e-mail, WIB dates), newest first, and the names its events point at, looked up once
/// per page of events (<see cref="AuditNames"/>). The page and the export share it, so the CSV
/// holds exactly the events the page lists.
/// </summary>
public sealed class AuditLog(ParitranaDbContext db)
{
    public sealed record Filter(string? Action, Guid? Person, int? Nomination, string? Email, DateOnly? From, DateOnly? To);

    public sealed record Entry(
        long Id,
        DateTimeOffset At,
        Guid? UserId,
        string? UserEmail,
        string Action,
        string? EntityType,
        string? EntityId,
        string? ProvinceCode,
        string? IpAddress,
        AuditDetails? Details);

    /// <summary>The events of the filters, newest first, from after (<paramref name="afterAt"/>, <paramref name="afterId"/>) when given (the CSV's batches).</summary>
    public IQueryable<Entry> Query(Filter filter, DateTimeOffset? afterAt = null, long afterId = 0)
    {
        var query = Filtered(filter);
        if (afterAt is { } at)
        {
            query = query.Where(e => e.At < at || (e.At == at && e.Id < afterId));
        }

        return query
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new Entry(e.Id, e.At, e.UserId, e.UserEmail, e.Action, e.EntityType, e.EntityId, e.ProvinceCode, e.IpAddress, e.Details));
    }

    private IQueryable<AuditEvent> Filtered(Filter filter)
    {
        var query = db.AuditEvents.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        if (filter.Person is Guid person)
        {
            query = query.Where(e => e.UserId == person);
        }

        if (filter.Nomination is int nomination)
        {
            // The nomination's own events, and those of its visits, coaching items and files.
            var key = nomination.ToString(CultureInfo.InvariantCulture);
            query = query.Where(e =>
                (e.EntityType == "nomination" && e.EntityId == key)
                || (e.EntityType == Features.FieldWork.NominationTimeline.VisitEntity
                    && db.Visits.Any(v => v.NominationId == nomination && v.Id.ToString() == e.EntityId))
                || (e.EntityType == Features.FieldWork.NominationTimeline.CoachingEntity
                    && db.CoachingItems.Any(c => c.NominationId == nomination && c.Id.ToString() == e.EntityId))
                || (e.EntityType == Features.FieldWork.NominationTimeline.FileEntity
                    && db.EvidenceFiles.Any(f => f.NominationId == nomination && f.Id.ToString() == e.EntityId)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var pattern = TextSearch.ContainsPattern(filter.Email);
            query = query.Where(e => e.UserEmail != null && EF.Functions.ILike(e.UserEmail, pattern, @"\"));
        }

        if (filter.From is { } from)
        {
            var start = Wib.StartOfDay(from);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = Wib.StartOfDay(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    /// <summary>The people the person filter offers: every account, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PeopleAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct))
        .Select(u => (u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.Id.ToString() : u.FullName))
        .ToList();

    /// <summary>The names the events point at: people, nominations, rounds, plenaries, cycles, offices, provinces.</summary>
    public async Task<AuditNames> NamesAsync(IReadOnlyCollection<Entry> events, CancellationToken ct)
    {
        static IEnumerable<string> Ids(IEnumerable<Entry> events, string type) =>
            events.Where(e => e.EntityType == type && e.EntityId is not null).Select(e => e.EntityId!);

        static IEnumerable<int> Ints(IEnumerable<string?> values) =>
            values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : (int?)null)
                .OfType<int>();

        var userIds = events.Select(e => e.UserId).OfType<Guid>()
            .Concat(Ids(events, "user").Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).OfType<Guid>())
            .Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? "" : u.FullName, ct);

        var nominationIds = Ints(Ids(events, "nomination"))
            .Concat(Ints(events.SelectMany(e => new[] { e.Details?["nomination"], e.Details?["finalists"], e.Details?["forwarded"] })))
            .Distinct().ToList();
        var nominations = await db.Nominations.AsNoTracking().Where(n => nominationIds.Contains(n.Id))
            .Join(db.Organisations, n => n.OrganisationId, o => o.Id, (n, o) => new { n.Id, o.Name })
            .ToDictionaryAsync(n => n.Id, n => n.Name, ct);

        var roundIds = Ints(Ids(events, "scoring-round")).Concat(Ints(events.Select(e => e.Details?["round"]))).Distinct().ToList();
        var rounds = await db.ScoringRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);

        var plenaryIds = Ints(Ids(events, "plenary")).Distinct().ToList();
        var plenaries = await db.Plenaries.AsNoTracking().Where(p => plenaryIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.CycleId, p.ProvinceCode), ct);

        var cycles = await db.AwardCycles.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Year, ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);

        var criteriaIds = Ints(Ids(events, "criteria-set")).Distinct().ToList();
        var criteria = await db.CriteriaSets.AsNoTracking().Where(s => criteriaIds.Contains(s.Id))
            .Join(db.Categories, s => s.CategoryId, c => c.Id, (s, c) => new { s.Id, c.Name, s.VersionNumber })
            .ToDictionaryAsync(s => s.Id, s => (s.Name, s.VersionNumber), ct);

        var branchIds = Ints(Ids(events, "branch-office")).Distinct().ToList();
        var branches = await db.BranchOffices.AsNoTracking().Where(b => branchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var regionalIds = Ints(Ids(events, "regional-office")).Distinct().ToList();
        var regionals = await db.RegionalOffices.AsNoTracking().Where(b => regionalIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);

        return new AuditNames(people, nominations, rounds, plenaries, cycles, provinces, criteria, branches, regionals);
    }
}

/// <summary>The names an audit page's events point at (<see cref="AuditLog.NamesAsync"/>).</summary>
public sealed record AuditNames(
    IReadOnlyDictionary<Guid, string> People,
    IReadOnlyDictionary<int, string> Nominations,
    IReadOnlyDictionary<int, string> Rounds,
    IReadOnlyDictionary<int, (int CycleId, string ProvinceCode)> Plenaries,
    IReadOnlyDictionary<int, int> CycleYears,
    IReadOnlyDictionary<string, string> Provinces,
    IReadOnlyDictionary<int, (string Category, int Version)> CriteriaSets,
    IReadOnlyDictionary<int, string> BranchOffices,
    IReadOnlyDictionary<int, string> RegionalOffices);
