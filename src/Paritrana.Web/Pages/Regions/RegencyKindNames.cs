namespace Paritrana.Web.Pages.Regions;

/// <summary>The Indonesian names of <see cref="RegencyKind"/> (resource keys, like <see cref="Infrastructure.RoleNames"/>).</summary>
public static class RegencyKindNames
{
    public static string Of(RegencyKind kind) => kind switch
    {
        RegencyKind.City => "Kota",
        _ => "Kabupaten",
    };
}
