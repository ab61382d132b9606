using Paritrana.Domain.Access;

namespace Paritrana.Domain.Organisations;

/// <summary>
/// A candidate, stored once and nominated in as many cycles as needed: a government body (the
/// province, a regency or city, a village) or an employer, identified by its BPJamsostek
/// registration number (NPP).
/// </summary>
public class Organisation : IRegionBound
{
    public int Id { get; set; }
    public OrganisationType Type { get; set; }
    public GovernmentLevel? GovernmentLevel { get; set; }
    public required string Name { get; set; }
    public required string ProvinceCode { get; set; }
    /// <summary>Null only for a provincial government.</summary>
    public string? RegencyCode { get; set; }

    // Employers
    public string? Npp { get; set; }
    public int? BranchOfficeId { get; set; }
    public SizeClass? SizeClass { get; set; }
    public string? Sector { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>
    /// The latest imported coverage figures, copied here by the import so that candidate discovery
    /// filters 50,000 employers without joining their history.
    /// </summary>
    public DateOnly? LatestAsOf { get; set; }
    public int? LatestWorkers { get; set; }
    public int? LatestParticipantsPu { get; set; }
    public int? LatestParticipantsBpu { get; set; }
    public Programs LatestPrograms { get; set; }
    public int? LatestArrearsMonths { get; set; }

    /// <summary>Generated demo data (Demo:Enabled), so that it can be told apart and removed.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

public enum OrganisationType
{
    Government = 1,
    Employer = 2,
}

public enum GovernmentLevel
{
    Province = 1,
    RegencyOrCity = 2,
    Village = 3,
}

/// <summary>BPJamsostek's employer size classes (skala usaha).</summary>
public enum SizeClass
{
    Large = 1,
    Medium = 2,
    Small = 3,
    Micro = 4,
}
