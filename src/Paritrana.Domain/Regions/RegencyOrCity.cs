namespace Paritrana.Domain.Regions;

/// <summary>A regency (kabupaten) or city (kota), coded "51.71" (province code, dot, two digits).</summary>
public class RegencyOrCity
{
    public required string Code { get; set; }
    public required string ProvinceCode { get; set; }
    public required string Name { get; set; }
    public RegencyKind Kind { get; set; }
    public Province? Province { get; set; }

    /// <summary>Kemendagri numbers cities from 71 upwards and regencies below that.</summary>
    public static RegencyKind KindFromCode(string code) =>
        int.Parse(code.AsSpan(code.IndexOf('.', StringComparison.Ordinal) + 1), System.Globalization.CultureInfo.InvariantCulture) >= 71
            ? RegencyKind.City
            : RegencyKind.Regency;

    public static string ProvinceCodeOf(string regencyCode) => regencyCode[..2];
}

public enum RegencyKind
{
    Regency = 1,
    City = 2,
}
