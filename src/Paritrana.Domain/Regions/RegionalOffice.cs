namespace Paritrana.Domain.Regions;

/// <summary>A BPJamsostek regional office (Kantor Wilayah, "Kanwil"), e.g. Kanwil Banuspa.</summary>
public class RegionalOffice
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public uint Version { get; set; }
    public List<BranchOffice> BranchOffices { get; set; } = [];
}
