namespace Paritrana.Web.Pages.Nominations;

/// <summary>Indonesian texts of the nomination figures that are not numbers (resource keys; show them through the localizer).</summary>
public static class NominationFieldNames
{
    /// <summary>A yes/no/unknown answer ("all workers registered", "uses SIPP").</summary>
    public static string YesNo(bool? value) => value switch
    {
        true => "Ya",
        false => "Tidak",
        null => "Tidak diketahui",
    };
}
