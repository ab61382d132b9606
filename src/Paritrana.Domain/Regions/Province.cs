namespace Paritrana.Domain.Regions;

/// <summary>A province (provinsi) with its two-digit Kemendagri code, e.g. "51" for Bali.</summary>
public class Province
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<RegencyOrCity> RegenciesAndCities { get; set; } = [];
}
