namespace Paritrana.Domain.Access;

/// <summary>
/// A record that belongs to a province and, usually, to one regency or city in it. Queries of such
/// records are filtered by <see cref="AccessScope"/> through one extension method in the web app.
/// </summary>
public interface IRegionBound
{
    string ProvinceCode { get; }

    /// <summary>Null for province-level records (for example the provincial government).</summary>
    string? RegencyCode { get; }
}
