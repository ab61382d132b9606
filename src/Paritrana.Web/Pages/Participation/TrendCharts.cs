using Paritrana.Web.Features.Participation;

namespace Paritrana.Web.Pages.Participation;

/// <summary>
/// A candidate's own trend as a small chart with its table (issue 16): an employer's coverage over
/// its successive imports, and a regency's or city's coverage over every period of the regional
/// figures. Used by the employer page and the nomination page.
/// </summary>
public static class TrendCharts
{
    public static ChartSpec? Employer(IReadOnlyList<EmployerTrendPoint> points, string name, IStringLocalizer l)
    {
        if (points.Count == 0)
        {
            return null;
        }

        return new ChartSpec(
            "candidate-trend",
            "line",
            $"{l["Cakupan {0} per impor data, {1} – {2}", name, Formats.Date(points[0].AsOf), Formats.Date(points[^1].AsOf)]}. {l["Sumber: BPJamsostek, impor data pemberi kerja"]}",
            points.Select(p => Formats.Date(p.AsOf)).ToList(),
            [
                new ChartSeries(l["Cakupan"], points.Select(p => p.Coverage).ToList(), ChartUnit.Percent),
                new ChartSeries(l["Pekerja"], points.Select(p => (decimal?)p.Workers).ToList(), ChartUnit.Count, TableOnly: true),
                new ChartSeries(l["PU"], points.Select(p => (decimal?)p.ParticipantsPu).ToList(), ChartUnit.Count, TableOnly: true),
                new ChartSeries(l["BPU"], points.Select(p => (decimal?)p.ParticipantsBpu).ToList(), ChartUnit.Count, TableOnly: true),
                new ChartSeries(l["Tunggakan (bulan)"], points.Select(p => (decimal?)p.ArrearsMonths).ToList(), ChartUnit.Count, TableOnly: true),
            ])
        { LabelHeader = l["Per tanggal"] };
    }

    /// <summary>An area's three coverage ratios at every period (a regency, a province, the country); null without figures.</summary>
    public static ChartSpec? Area(string id, IReadOnlyList<CoveragePoint> points, string name, IStringLocalizer l)
    {
        if (points.Count == 0)
        {
            return null;
        }

        return new ChartSpec(
            id,
            "line",
            $"{l["Cakupan kepesertaan {0} menurut waktu, {1}", name, $"{Formats.Month(points[0].Period)} – {Formats.Month(points[^1].Period)}"]}. {l["Sumber: BPJamsostek, BPS; data per {0}", Formats.Month(points[^1].Period)]}",
            points.Select(p => Formats.Month(p.Period)).ToList(),
            [
                new ChartSeries(l["Semua pekerja"], points.Select(p => p.Figures.AllCoverage).ToList(), ChartUnit.Percent),
                new ChartSeries(l["Pekerja formal"], points.Select(p => p.Figures.FormalCoverage).ToList(), ChartUnit.Percent),
                new ChartSeries(l["Pekerja informal"], points.Select(p => p.Figures.InformalCoverage).ToList(), ChartUnit.Percent),
                new ChartSeries(l["Peserta PU + BPU"], points.Select(p => (decimal?)p.Figures.Participants).ToList(), ChartUnit.Count, TableOnly: true),
                new ChartSeries(l["Pekerja formal dan informal"], points.Select(p => (decimal?)p.Figures.Workers).ToList(), ChartUnit.Count, TableOnly: true),
            ])
        {
            LabelHeader = l["Periode"],
            Notes = points.All(p => p.Completeness is not null) ? points.Select(p => Reporting(p.Completeness!, l)).ToList() : null,
            NotesHeader = l["Kabupaten/kota yang melapor"],
        };
    }

    /// <summary>"9 dari 9" for a complete period, "belum lengkap: 44 dari 514 kabupaten/kota" for one that is not.</summary>
    public static string Reporting(Completeness c, IStringLocalizer l) =>
        c.IsComplete
            ? l["{0} dari {1}", Formats.Number(c.Reporting), Formats.Number(c.Expected)]
            : l["belum lengkap: {0} dari {1} kabupaten/kota", Formats.Number(c.Reporting), Formats.Number(c.Expected)];
}
