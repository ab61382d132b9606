namespace Paritrana.Web.Features.Reports;

/// <summary>Display names of the shortlist's enumerations (resource keys).</summary>
public static class ShortlistNames
{
    public static string TieBreak(TieBreak b) => b switch
    {
        Domain.Scoring.TieBreak.None => "—",
        Domain.Scoring.TieBreak.Interview => "nilai wawancara lebih tinggi",
        Domain.Scoring.TieBreak.Coverage => "cakupan lebih tinggi",
        Domain.Scoring.TieBreak.Unresolved => "tidak terpecahkan: ketua memutuskan",
        _ => "—",
    };
}
