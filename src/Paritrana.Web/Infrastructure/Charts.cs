using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paritrana.Web.Infrastructure;

/// <summary>How a series' values are written in the chart's table and tooltips.</summary>
public enum ChartUnit
{
    /// <summary>A whole number ("1.027").</summary>
    Count,

    /// <summary>A percentage with two decimals ("39,41 %").</summary>
    Percent,

    /// <summary>A change in percentage points with its sign ("+4,21").</summary>
    Points,
}

/// <summary>
/// One series of a chart: its label, its values (null where there is none) and its unit; drawn as a
/// line over bars (<paramref name="AsLine"/>), or shown in the table only (<paramref name="TableOnly"/>:
/// figures of another unit than the chart's axis).
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values, ChartUnit Unit, bool AsLine = false, bool TableOnly = false);

/// <summary>
/// A chart of a page (docs/decisions/042): drawn by Chart.js from this specification, written into
/// the page as a JSON data block (the Content-Security-Policy allows no inline script), and shown
/// as a table under the chart for screen readers and copying (Pages/Shared/_Chart.cshtml). The
/// title names the period and the source.
/// </summary>
public sealed record ChartSpec(string Id, string Kind, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Bars drawn across (long names, such as regencies and provinces).</summary>
    public bool Horizontal { get; init; }

    /// <summary>False when the page shows its own table of the same figures right under the chart.</summary>
    public bool WithTable { get; init; } = true;

    /// <summary>The header of the table's first column (the labels).</summary>
    public string LabelHeader { get; init; } = "";

    /// <summary>A last column of text in the table, one per label (such as how many regencies reported a period); none when null.</summary>
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>The header of <see cref="Notes"/>.</summary>
    public string NotesHeader { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// The JSON the chart script reads. System.Text.Json's default encoder escapes &lt;, &gt; and
    /// &amp;, so the text cannot close the script element it is written into.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        Id,
        Kind,
        Title,
        Horizontal,
        Labels,
        Series = Series.Select(s => new { s.Label, s.Values, s.Unit, s.AsLine, s.TableOnly }),
    }, Json);

    /// <summary>A value as the table writes it.</summary>
    public static string Format(decimal? value, ChartUnit unit) => value switch
    {
        null => "—",
        decimal v => unit switch
        {
            ChartUnit.Percent => Formats.Percent(v),
            ChartUnit.Points => Formats.WithSign(v),
            _ => Formats.Number((long)v),
        },
    };
}
