using Paritrana.Domain.Work;

namespace Paritrana.Web.Features.Work;

/// <summary>
/// One line of someone's work: what awaits them, how many, and the page where it is done
/// (<see cref="Page"/> with <see cref="Route"/>); <see cref="Late"/> marks what is overdue.
/// </summary>
public sealed record WorkLine(string Id, string Text, int Count, string Page, IReadOnlyDictionary<string, string> Route, string? Detail = null, bool Late = false);

/// <summary>A heading and its lines, in the order of urgency.</summary>
public sealed record WorkGroup(string Id, string Title, IReadOnlyList<WorkLine> Lines);

/// <summary>
/// "Tugas saya": the work of the signed-in person, by role (issue 14). Every count comes from a
/// query of <see cref="WorkQueries"/> that the linked page lists, so the home page and the page
/// agree. Lines with nothing waiting are left out.
/// </summary>
public sealed class WorkList(ParitranaDbContext db, ReferenceData reference, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>How far ahead the visits of a member are shown.</summary>
    public const int VisitDaysAhead = 14;

    private static readonly IReadOnlyDictionary<string, string> NoRoute = new Dictionary<string, string>();

    public async Task<IReadOnlyList<WorkGroup>> ForAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var role = me.Role;
        var groups = new List<WorkGroup>();
        if (role == Roles.BranchOfficer)
        {
            groups.Add(new WorkGroup("verification", l["Verifikasi"], await VerificationAsync(scope, ct)));
            groups.Add(new WorkGroup("imports", l["Impor data BPJamsostek"], await ImportsAsync(scope, null, ct)));
        }
        else if (role == Roles.Administrator && me.Id is Guid admin)
        {
            // The administrator imports too (nationally): their own imports running or failed, beside the provinces' overview.
            groups.Add(new WorkGroup("imports", l["Impor data BPJamsostek"], await ImportsAsync(scope, admin, ct)));
        }
        else if (role is not null && Roles.IsCommittee(role) && me.Id is Guid self)
        {
            // One count of the open rounds' cards: the whole committee's for the chair, the member's own otherwise.
            var chair = role == Roles.CommitteeChair;
            var cards = await WorkQueries.CardCountsAsync(db, scope, chair ? null : self, ct);
            if (chair)
            {
                groups.Add(new WorkGroup("committee", l["Panitia provinsi"], await CommitteeAsync(scope, cards, ct)));
            }

            groups.Add(new WorkGroup("scoring", l["Penilaian"], CardLines(cards.Where(c => c.ScorerId == self))));
            groups.Add(new WorkGroup("nominations", l["Nominasi"], await ReturnedAsync(scope, ct)));
            groups.Add(new WorkGroup("field-work", l["Kunjungan dan pembinaan"], await FieldWorkAsync(scope, role == Roles.CommitteeChair ? null : self, ct)));
        }

        else if (role == Roles.NationalJuror && me.Id is Guid juror)
        {
            // A national juror's cards of the open national rounds (docs/decisions/043).
            var cards = await WorkQueries.CardCountsAsync(db, scope, juror, ct);
            groups.Add(new WorkGroup("national-scoring", l["Penilaian nasional"], CardLines(cards, "/National/Cards")));
        }

        return groups.Where(g => g.Lines.Count > 0).ToList();
    }

    private async Task<List<WorkLine>> VerificationAsync(AccessScope scope, CancellationToken ct)
    {
        var waiting = await WorkQueries.AwaitingVerification(db, scope).AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(n => n.UpdatedAt), Province = g.Min(n => n.ProvinceCode)! })
            .FirstOrDefaultAsync(ct);
        var lines = new List<WorkLine>();
        if (waiting is not null)
        {
            var days = Waiting.DaysSince(waiting.Oldest, clock.GetUtcNow(), waiting.Province);
            lines.Add(new WorkLine("awaiting-verification", l["Nominasi menunggu verifikasi"], waiting.Count, "/Verification/Index", NoRoute,
                Formats.Plural(l["terlama menunggu {0} hari"], days, Formats.Number(days)), Late: days > 3));
        }

        lines.AddRange(await ReturnedAsync(scope, ct));
        return lines;
    }

    /// <summary>Returned nominations not yet submitted again, one line per open cycle (the list shows one cycle).</summary>
    private async Task<List<WorkLine>> ReturnedAsync(AccessScope scope, CancellationToken ct)
    {
        var years = await YearsAsync(ct);
        var returned = (await WorkQueries.AwaitingResubmission(db, scope).AsNoTracking()
                .GroupBy(n => n.CycleId)
                .Select(g => new { CycleId = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .Select(g => new { Year = years[g.CycleId], g.Count })
            .OrderBy(g => g.Year)
            .ToList();
        return returned.Select(r => new WorkLine(
            $"returned-{r.Year}",
            l["Nominasi dikembalikan, menunggu diperbaiki dan dikirim ulang ({0})", r.Year],
            r.Count,
            "/Nominations/Index",
            Route(("cycle", r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("status", nameof(NominationStatus.Returned))))).ToList();
    }

    private async Task<List<WorkLine>> ImportsAsync(AccessScope scope, Guid? by, CancellationToken ct)
    {
        var batches = await WorkQueries.ImportsToWatch(db, scope, clock.GetUtcNow(), by).AsNoTracking()
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Select(b => new { b.Id, b.FileName, b.Status, b.TotalRows, b.ProcessedRows })
            .ToListAsync(ct);
        return batches.Select(b => b.Status == ImportStatus.Running
            ? new WorkLine($"import-{b.Id}", l["Impor {0} sedang berjalan", b.FileName], 1, "/Imports/Progress", Route(("id", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                l["{0} dari {1} baris", b.ProcessedRows.ToString("N0"), b.TotalRows.ToString("N0")])
            : new WorkLine($"import-{b.Id}", l["Impor {0} gagal", b.FileName], 1, "/Imports/Progress", Route(("id", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                l["periksa penyebabnya dan unggah ulang"], Late: true)).ToList();
    }

    /// <summary>
    /// The scorer's own outstanding cards, one line per open round with its closing date and the days
    /// left (red once past); the round closing soonest first, rounds without a closing date last.
    /// </summary>
    private List<WorkLine> CardLines(IEnumerable<WorkQueries.CardCount> own, string page = "/Scoring/Index")
    {
        var today = Wib.Today(clock);
        return own.Where(r => r.Outstanding > 0)
            .OrderBy(r => r.RoundClosesOn is null).ThenBy(r => r.RoundClosesOn).ThenBy(r => r.RoundSortOrder).ThenBy(r => r.RoundId)
            .Select(r => new WorkLine($"cards-{r.RoundId}", l["Kartu penilaian belum dikirim: {0}", r.RoundName], r.Outstanding, page, NoRoute,
                Join(Closing(r.RoundClosesOn, today), r.Drafts > 0 ? l["{0} sudah berupa draf", r.Drafts].Value : null),
                Late: StageCalendar.IsPast(r.RoundClosesOn, today)))
            .ToList();
    }

    private string? Closing(DateOnly? closesOn, DateOnly today) => closesOn is DateOnly c ? StageTexts.Closing(c, today, l) : null;

    private static string? Join(params string?[] parts) =>
        parts.Where(p => p is not null).ToList() is { Count: > 0 } some ? string.Join(" · ", some) : null;

    private async Task<List<WorkLine>> FieldWorkAsync(AccessScope scope, Guid? member, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lines = new List<WorkLine>();
        var items = await WorkQueries.OpenCoachingItems(db, scope).AsNoTracking()
            .Select(c => new { c.DueDate, c.ProvinceCode })
            .ToListAsync(ct);
        if (items.Count > 0)
        {
            var overdue = items.Select(i => -Waiting.DaysUntil(i.DueDate, now, i.ProvinceCode)).Where(d => d > 0).ToList();
            lines.Add(new WorkLine("coaching", l["Butir pembinaan terbuka"], items.Count, "/FieldWork/Coaching/Index", NoRoute,
                overdue.Count > 0 ? Formats.Plural(l["{0} terlambat, paling lama {1} hari"], overdue.Max(), Formats.Number(overdue.Count), Formats.Number(overdue.Max())) : null, Late: overdue.Count > 0));
        }

        var unrecorded = await WorkQueries.UnrecordedVisits(db, scope, now, member).CountAsync(ct);
        if (unrecorded > 0)
        {
            lines.Add(new WorkLine("visits-unrecorded", l["Kunjungan yang sudah lewat tetapi belum dicatat"], unrecorded, "/FieldWork/Index",
                VisitRoute("unrecorded", member, null), Late: true));
        }

        var upcoming = await WorkQueries.PlannedVisits(db, scope, now, now.AddDays(VisitDaysAhead), member).CountAsync(ct);
        if (upcoming > 0)
        {
            lines.Add(new WorkLine("visits-upcoming", l["Kunjungan dalam {0} hari ke depan", VisitDaysAhead], upcoming, "/FieldWork/Index",
                VisitRoute(null, member, VisitDaysAhead)));
        }

        return lines;
    }

    /// <summary>
    /// The chair's view of the committee: rounds with cards outstanding (who, how many; the round
    /// closing soonest first), nominations waiting for a step, and the plenary still to hold or decide.
    /// </summary>
    private async Task<List<WorkLine>> CommitteeAsync(AccessScope scope, List<WorkQueries.CardCount> cards, CancellationToken ct)
    {
        var perScorer = cards.Where(c => c.Outstanding > 0)
            .Select(c => new { c.RoundId, c.RoundName, c.RoundSortOrder, c.RoundClosesOn, c.ScorerId, Count = c.Outstanding })
            .ToList();
        var scorerIds = perScorer.Select(s => s.ScorerId).Distinct().ToList();
        var names = scorerIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => scorerIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName })
                .ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var today = Wib.Today(clock);
        var lines = perScorer
            .GroupBy(s => new { s.RoundId, s.RoundName, s.RoundSortOrder, s.RoundClosesOn })
            .OrderBy(g => g.Key.RoundClosesOn is null).ThenBy(g => g.Key.RoundClosesOn).ThenBy(g => g.Key.RoundSortOrder).ThenBy(g => g.Key.RoundId)
            .Select(g => new WorkLine(
                $"round-{g.Key.RoundId}",
                l["Kartu belum dikirim oleh panitia: {0}", g.Key.RoundName],
                g.Sum(s => s.Count),
                "/Scoring/Rounds/Details",
                Route(("id", g.Key.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Join(Closing(g.Key.RoundClosesOn, today),
                    string.Join(", ", g.Select(s => (Name: names.GetValueOrDefault(s.ScorerId, ""), s.Count))
                        .OrderByDescending(s => s.Count).ThenBy(s => s.Name, StringComparer.CurrentCulture)
                        .Select(s => $"{s.Name} {s.Count.ToString("N0", CultureInfo.CurrentCulture)}"))),
                Late: StageCalendar.IsPast(g.Key.RoundClosesOn, today)))
            .ToList();

        var years = await YearsAsync(ct);
        var waiting = (await WorkQueries.OfOpenCycles(db, scope).AsNoTracking()
                .Where(n => n.Status == NominationStatus.InFieldAssessment || n.Status == NominationStatus.Scored)
                .GroupBy(n => new { n.CycleId, n.Status })
                .Select(g => new { g.Key.CycleId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .Select(g => new { Year = years[g.CycleId], g.Status, g.Count })
            .OrderBy(g => g.Year).ThenBy(g => g.Status)
            .ToList();
        lines.AddRange(waiting.Select(w => new WorkLine(
            $"status-{(int)w.Status}-{w.Year}",
            w.Status == NominationStatus.InFieldAssessment
                ? l["Dalam penilaian lapangan, menunggu ditandai siap dinilai ({0})", w.Year]
                : l["Sudah dinilai, menunggu keputusan rapat pleno ({0})", w.Year],
            w.Count,
            "/Nominations/Index",
            Route(("cycle", w.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("status", w.Status.ToString())))));
        lines.AddRange(await PlenaryAsync(scope, waiting.Where(w => w.Status == NominationStatus.Scored).Select(w => w.Year).ToList(), ct));
        return lines;
    }

    /// <summary>
    /// The plenary of each open cycle with scored nominations waiting for it: not yet recorded, or
    /// recorded and not yet decided (one line, one plenary, linking to the plenary page).
    /// </summary>
    private async Task<List<WorkLine>> PlenaryAsync(AccessScope scope, List<int> years, CancellationToken ct)
    {
        if (years.Count == 0 || scope.ProvinceCode is not string province)
        {
            return [];
        }

        var yearOf = await YearsAsync(ct);
        var cycleIds = yearOf.Where(c => years.Contains(c.Value)).Select(c => c.Key).ToList();
        var recorded = (await db.Plenaries.AsNoTracking()
                .Where(p => p.ProvinceCode == province && cycleIds.Contains(p.CycleId))
                .Select(p => new { p.CycleId, p.HeldOn, p.DecidedAt })
                .ToListAsync(ct))
            .Select(p => new { Year = yearOf[p.CycleId], p.HeldOn, p.DecidedAt })
            .ToList();
        return years.Order().Select(year => recorded.FirstOrDefault(p => p.Year == year) is { } plenary
                ? plenary.DecidedAt is null
                    ? new WorkLine($"plenary-{year}", l["Keputusan rapat pleno belum ditetapkan ({0})", year], 1, "/Plenary/Index",
                        Route(("cycle", year.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                        l["rapat pleno {0}", Formats.Date(plenary.HeldOn)].Value)
                    : null
                : new WorkLine($"plenary-{year}", l["Rapat pleno belum dicatat ({0})", year], 1, "/Plenary/Index",
                    Route(("cycle", year.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .OfType<WorkLine>()
            .ToList();
    }

    /// <summary>Each cycle's year, from the instance's copy of the cycles (decisions/032).</summary>
    private async Task<Dictionary<int, int>> YearsAsync(CancellationToken ct) =>
        (await reference.CyclesAsync(db, ct)).ToDictionary(c => c.Id, c => c.Year);

    private static Dictionary<string, string> VisitRoute(string? when, Guid? member, int? days)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        if (when is not null)
        {
            route["when"] = when;
        }

        if (member is Guid m)
        {
            route["member"] = m.ToString();
        }

        if (days is int d)
        {
            route["days"] = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return route;
    }

    private static Dictionary<string, string> Route(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}
