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

/// <summary>
/// A record of one nomination's field work (a visit, a coaching item, an evidence file): seen by
/// whoever sees its nomination, which for a branch officer is not the same as its region.
/// </summary>
public interface INominationBound : IRegionBound
{
    int NominationId { get; }
}
