using Paritrana.Web.Features.Participation;

namespace Paritrana.Web.Pages.Participation;

/// <summary>A card of the latest figures: its value and its change against the same month a year earlier.</summary>
public sealed record CoverageCard(string Key, string Title, string Value, string Change, bool HasChange);

/// <summary>
/// What the province and national pages share: the cards of the latest month, the charts (each
/// titled with its period and source) and the texts of an <see cref="AreaReport"/>, in the
/// request's language and formats.
/// </summary>
public sealed class CoverageView(AreaReport report, string areaName, IStringLocalizer l)
{
    public AreaReport Report { get; } = report;

    public string AreaName { get; } = areaName;

    public bool HasFigures => Report.Latest is not null;

    /// <summary>"Sumber: BPJamsostek, BPS; data per Desember 2023".</summary>
    public string Source => Report.Latest is { } latest
        ? l["Sumber: BPJamsostek, BPS; data per {0}", Formats.Month(latest.Period)]
        : l["Sumber: BPJamsostek, BPS"];

    /// <summary>Where the employer figures come from and when they were counted.</summary>
    public string EmployerSource => l["Sumber: BPJamsostek, impor data pemberi kerja; dihitung {0}", Wib.Format(Report.ComputedAt)];

    /// <summary>
    /// The cards of the latest month. Each change is like for like (<see cref="YearOnYear"/>): over
    /// the regencies and cities that reported both months; when those are not all of either month,
    /// the change says over how many it is.
    /// </summary>
    public IReadOnlyList<CoverageCard> Cards
    {
        get
        {
            if (Report.Latest is not { } latest)
            {
                return [];
            }

            var now = latest.Figures;
            var c = Report.Change;
            return
            [
                Ratio("all", l["Cakupan semua pekerja"], now.AllCoverage, c?.AllPoints),
                Ratio("formal", l["Cakupan pekerja formal"], now.FormalCoverage, c?.FormalPoints),
                Ratio("informal", l["Cakupan pekerja informal"], now.InformalCoverage, c?.InformalPoints),
                Count("employers", l["Pemberi kerja aktif"], now.ActiveEmployers, c?.EmployersPercent),
                Count("villages", l["Desa sadar jaminan sosial"], now.AwareVillages, c?.VillagesPercent),
            ];
        }
    }

    /// <summary>"Belum lengkap: …" when fewer than all of the area's regencies and cities reported the latest month; null otherwise.</summary>
    public string? Incomplete => Report.Latest is { Completeness: { IsComplete: false } c } latest
        ? l["Belum lengkap: {0} dari {1} kabupaten/kota melaporkan {2}.", Formats.Number(c.Reporting), Formats.Number(c.Expected), Formats.Month(latest.Period)].Value
        : null;

    private string Basis => Report.Change is { SameRegencies: false } c
        ? " " + l["(pada {0} kabupaten/kota yang melapor di kedua periode)", Formats.Number(c.Common)]
        : "";

    private CoverageCard Ratio(string key, string title, decimal? now, decimal? change) =>
        new(key, title, Formats.Percent(now), change is decimal c ? l["{0} poin dari tahun sebelumnya", Formats.WithSign(c)] + Basis : l["Tanpa pembanding"], change is not null);

    private CoverageCard Count(string key, string title, long? now, decimal? change) =>
        new(key, title, now is long n ? Formats.Number(n) : "—", change is decimal c ? l["{0} % dari tahun sebelumnya", Formats.WithSign(c)] + Basis : l["Tanpa pembanding"], change is not null);

    /// <summary>The area's three coverage ratios at every period imported.</summary>
    public ChartSpec? TrendChart() => TrendCharts.Area("trend", Report.Trend, AreaName, l);

    /// <summary>The parts ranked by coverage, with the area's coverage as a line (their gap is the distance to it).</summary>
    public ChartSpec RankingChart(string id, string title)
    {
        var parts = Report.Parts;
        return new ChartSpec(
            id,
            "bar",
            $"{title}, {(Report.Latest is { } latest ? Formats.Month(latest.Period) : "")}. {Source}",
            parts.Select(p => p.Name).ToList(),
            [
                new ChartSeries(l["Cakupan semua pekerja"], parts.Select(p => p.Coverage).ToList(), ChartUnit.Percent),
                new ChartSeries(AreaName, parts.Select(_ => Report.LatestCoverage).ToList(), ChartUnit.Percent, AsLine: true),
            ])
        { Horizontal = true, WithTable = false };
    }

    /// <summary>The area's employers by size class.</summary>
    public ChartSpec SizeChart()
    {
        var sizes = Report.Employers.BySize;
        return new ChartSpec(
            "sizes",
            "bar",
            $"{l["Pemberi kerja {0} menurut skala usaha", AreaName]}. {EmployerSource}",
            sizes.Select(s => (string)l[NominationNames.SizeClass(s.Size)]).ToList(),
            [new ChartSeries(l["Pemberi kerja"], sizes.Select(s => (decimal?)s.Employers).ToList(), ChartUnit.Count)])
        { LabelHeader = l["Skala usaha"] };
    }
}
