namespace Paritrana.Domain.Regions;

/// <summary>
/// A BPJamsostek branch office (Kantor Cabang). It sits in one province and covers a set of that
/// province's regencies and cities; each regency or city is covered by at most one branch.
/// </summary>
public class BranchOffice
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int RegionalOfficeId { get; set; }
    public required string ProvinceCode { get; set; }
    public bool IsActive { get; set; } = true;
    public uint Version { get; set; }
    public RegionalOffice? RegionalOffice { get; set; }
    public Province? Province { get; set; }
    public List<BranchOfficeArea> Areas { get; set; } = [];
}

/// <summary>One regency or city covered by a branch office.</summary>
public class BranchOfficeArea
{
    public int BranchOfficeId { get; set; }
    public required string RegencyCode { get; set; }
    public RegencyOrCity? RegencyOrCity { get; set; }
}
