using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// Whether a visit's planned day falls in the period visits are expected in (VisitRules.PeriodOf:
/// the province's effective field-assessment dates, or the cycle's year when that stage has none).
/// A day outside is not refused: the page says so beside the field and saves only once the member
/// confirms (docs/decisions/036).
/// </summary>
public static class VisitPeriodCheck
{
    public static async Task<VisitPeriod> PeriodAsync(ParitranaDbContext db, ReferenceData reference, AccessScope scope, int nominationId, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().InScope(scope).Where(x => x.Id == nominationId)
            .Select(x => new { x.CycleId, x.ProvinceCode, Year = db.AwardCycles.Where(c => c.Id == x.CycleId).Select(c => c.Year).First() })
            .FirstAsync(ct);
        var schedule = await StageQueries.ForCycleAsync(db, reference, scope, new CycleLookup.CycleRef(n.CycleId, n.Year, false, false), ct);
        return VisitRules.PeriodOf(schedule.EffectiveFor(n.ProvinceCode), n.Year);
    }

    /// <summary>The message beside the field when <paramref name="day"/> is outside the period; null when inside.</summary>
    public static string? Outside(IStringLocalizer l, VisitPeriod period, DateOnly day, int cycleYear) =>
        period.Contains(day) ? null
        : period.FromStage
            ? l["Tanggal {0} di luar masa penilaian lapangan ({1} – {2}). Periksa tanggalnya; bila kunjungan memang di luar masa itu, centang konfirmasi lalu simpan lagi.", LocalTime.FormatDate(day), LocalTime.FormatDate(period.From), LocalTime.FormatDate(period.To)].Value
            : l["Tanggal {0} di luar tahun siklus {1} (masa penilaian lapangan belum dijadwalkan). Periksa tanggalnya; bila kunjungan memang di luar tahun itu, centang konfirmasi lalu simpan lagi.", LocalTime.FormatDate(day), cycleYear.ToString(CultureInfo.InvariantCulture)].Value;
}
