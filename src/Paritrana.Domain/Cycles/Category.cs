namespace Paritrana.Domain.Cycles;

/// <summary>An award category of one cycle, e.g. "Perusahaan Besar" in 2025.</summary>
public class Category
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    /// <summary>A short stable code within the cycle (PEMPROV, PEMKAB, BESAR, ...), kept when copied to the next cycle.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CategoryKind Kind { get; set; }
    public int SortOrder { get; set; }
    /// <summary>How many finalists the province proposes in this category by default.</summary>
    public int FinalistCount { get; set; } = 1;
    public bool IsActive { get; set; } = true;
    public uint Version { get; set; }
    public AwardCycle? Cycle { get; set; }
}

/// <summary>What kind of candidate a category takes; it decides which figures a nomination carries.</summary>
public enum CategoryKind
{
    ProvincialGovernment = 1,
    RegencyGovernment = 2,
    LargeCompany = 3,
    MediumCompany = 4,
    SmallMicroBusiness = 5,
    PublicServiceBody = 6,
    VillageGovernment = 7,
}

public static class CategoryKinds
{
    /// <summary>Government categories carry regulations, budget and innovations; the others employer figures.</summary>
    public static bool IsGovernment(this CategoryKind kind) =>
        kind is CategoryKind.ProvincialGovernment or CategoryKind.RegencyGovernment or CategoryKind.VillageGovernment;

    /// <summary>The default categories of a new cycle (PARITRANA-FACTS.md); the last two are optional.</summary>
    public static IReadOnlyList<(string Code, string Name, CategoryKind Kind, bool Active)> Defaults { get; } =
    [
        ("PEMPROV", "Pemerintah Provinsi", CategoryKind.ProvincialGovernment, true),
        ("PEMKAB", "Pemerintah Kabupaten/Kota", CategoryKind.RegencyGovernment, true),
        ("BESAR", "Perusahaan Besar", CategoryKind.LargeCompany, true),
        ("MENENGAH", "Perusahaan Menengah", CategoryKind.MediumCompany, true),
        ("UMK", "Usaha Kecil dan Mikro", CategoryKind.SmallMicroBusiness, true),
        ("BPP", "Badan Pelayanan Publik", CategoryKind.PublicServiceBody, false),
        ("DESA", "Pemerintah Desa", CategoryKind.VillageGovernment, false),
    ];
}
