using Paritrana.Web.Features.National;

namespace Paritrana.Web.Pages.National;

/// <summary>What the _CountryTable partial shows: one province's categories (or the country's when <see cref="Province"/> is null) and their sum.</summary>
public sealed record CountryTableModel(CountryReport Report, string? Province, IReadOnlyList<CountryCategory> Categories, CountryCounts Totals, string Caption);
