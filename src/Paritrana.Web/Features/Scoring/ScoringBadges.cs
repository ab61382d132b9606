namespace Paritrana.Web.Features.Scoring;

/// <summary>Bootstrap badge classes of the scoring states (apart from ScoringNames, whose texts are resource keys).</summary>
public static class ScoringBadges
{
    public static string Round(RoundStatus status) => status switch
    {
        RoundStatus.Open => "text-bg-success",
        RoundStatus.Closed => "text-bg-dark",
        _ => "text-bg-secondary",
    };

    public static string Card(ScorecardStatus? status) => status switch
    {
        ScorecardStatus.Submitted => "text-bg-success",
        ScorecardStatus.Draft => "text-bg-warning",
        _ => "text-bg-light border",
    };
}
