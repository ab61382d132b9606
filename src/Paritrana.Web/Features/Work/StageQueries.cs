namespace Paritrana.Web.Features.Work;

/// <summary>The stage dates of the current cycle: the cycle's own, and the provinces' own within them (decisions/029).</summary>
public sealed record CycleSchedule(int CycleId, int Year, bool IsClosed, IReadOnlyList<StageDates> CycleStages, IReadOnlyDictionary<string, IReadOnlyList<StageDates>> ProvinceStages)
{
    /// <summary>A province's effective dates: its own where set, else the cycle's.</summary>
    public IReadOnlyList<StageDates> EffectiveFor(string province) =>
        StageCalendar.Effective(CycleStages, ProvinceStages.TryGetValue(province, out var own) ? own : []);

    /// <summary>Where today (WIB) falls in a province's effective dates.</summary>
    public StagePosition PositionFor(string province, DateOnly today) => StageCalendar.PositionOn(EffectiveFor(province), today);
}

public static class StageQueries
{
    /// <summary>
    /// The schedule of the current cycle (the newest when none is marked current), with the own dates
    /// of the provinces in scope, from the instance's copy of the reference data (no query once it is
    /// held). Null without a cycle.
    /// </summary>
    public static async Task<CycleSchedule?> CurrentAsync(ParitranaDbContext db, ReferenceData reference, AccessScope scope, CancellationToken ct)
    {
        var cycle = CycleLookup.Resolve(await reference.CyclesAsync(db, ct), null);
        return cycle is null ? null : await ForCycleAsync(db, reference, scope, cycle, ct);
    }

    public static async Task<CycleSchedule> ForCycleAsync(ParitranaDbContext db, ReferenceData reference, AccessScope scope, CycleLookup.CycleRef cycle, CancellationToken ct)
    {
        var stages = await reference.StagesAsync(db, cycle.Id, ct);
        var byProvince = stages.Provinces.InScope(scope).GroupBy(s => s.ProvinceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StageDates>)g.Select(s => s.Dates).ToList(), StringComparer.Ordinal);
        return new CycleSchedule(cycle.Id, cycle.Year, cycle.IsClosed, stages.Cycle, byProvince);
    }
}

/// <summary>How a stage position reads: "Tahap Penilaian: 12 hari lagi (sampai 30 Jun 2026)", "berakhir hari ini", ...</summary>
public static class StageTexts
{
    public static IReadOnlyList<string> Describe(StagePosition position, int year, IStringLocalizer l)
    {
        string Stage(StageKind s) => l[NominationNames.Stage(s)].Value;
        switch (position.Kind)
        {
            case StagePositionKind.InStage:
                return position.Running.Select(r => l["Tahap {0}: {1}", Stage(r.Stage), Left(r.DaysLeft, r.EndsOn, l)].Value).ToList();
            case StagePositionKind.Before:
                return [l["Siklus {0} belum dimulai: tahap {1} {2}", year, Stage(position.Next!.Value), Starts(position.DaysUntilNext!.Value, l)].Value];
            case StagePositionKind.BetweenStages:
                return [l["Di antara tahap: tahap {0} {1}", Stage(position.Next!.Value), Starts(position.DaysUntilNext!.Value, l)].Value];
            case StagePositionKind.After:
                return [l["Semua tahap siklus {0} telah berakhir.", year].Value];
            default:
                return [l["Jadwal tahapan siklus {0} belum ditetapkan.", year].Value];
        }
    }

    /// <summary>"berakhir hari ini", "berakhir besok", "12 hari lagi (sampai 30 Jun 2026)".</summary>
    public static string Left(int days, DateOnly endsOn, IStringLocalizer l) => days switch
    {
        0 => l["berakhir hari ini"].Value,
        1 => l["berakhir besok"].Value,
        _ => Formats.Plural(l["{0} hari lagi (sampai {1})"], days, Formats.Number(days), Formats.Date(endsOn)),
    };

    /// <summary>A closing date: "ditutup 30 Jun 2026 · 3 hari lagi", "· hari ini", "· lewat 2 hari".</summary>
    public static string Closing(DateOnly closesOn, DateOnly today, IStringLocalizer l)
    {
        var days = StageCalendar.DaysLeft(closesOn, today);
        var date = Formats.Date(closesOn);
        return days switch
        {
            < 0 => Formats.Plural(l["ditutup {0}, lewat {1} hari"], -days, date, Formats.Number(-days)),
            0 => l["ditutup hari ini ({0})", date].Value,
            _ => Formats.Plural(l["ditutup {0}, {1} hari lagi"], days, date, Formats.Number(days)),
        };
    }

    private static string Starts(int days, IStringLocalizer l) =>
        days == 1 ? l["dimulai besok"].Value : Formats.Plural(l["dimulai {0} hari lagi"], days, Formats.Number(days));
}
