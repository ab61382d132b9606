using Paritrana.Web.Features.National;

namespace Paritrana.Web.Pages.National;

/// <summary>
/// What the _CountryTable partial shows: one province's categories (or the country's when
/// <see cref="Province"/> is null) and their sum. The page builds the list links from one base
/// (<see cref="ListBase"/>, "/Nominations?cycle=2025") and names the statuses once
/// (<see cref="StatusNames"/>): at national scale the page holds some 1,700 links, which the anchor
/// tag helper's route generation made the page's main cost (docs/benchmarks.md, "Country overview").
/// </summary>
public sealed record CountryTableModel(
    string? Province,
    IReadOnlyList<CountryCategory> Categories,
    CountryCounts Totals,
    string Caption,
    string ListBase,
    IReadOnlyDictionary<NominationStatus, string> StatusNames)
{
    /// <summary>The province's list of nominations, of one category and status where given.</summary>
    public string ListUrl(int? category, NominationStatus? status = null) =>
        $"{ListBase}&province={Province}{(category is int c ? "&category=" + c.ToString(CultureInfo.InvariantCulture) : "")}{(status is { } s ? "&status=" + s : "")}";
}
