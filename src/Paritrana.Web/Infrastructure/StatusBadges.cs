namespace Paritrana.Web.Infrastructure;

/// <summary>CSS classes of the status badges (kept apart from NominationNames, whose texts are resource keys).</summary>
public static class StatusBadges
{
    /// <summary>Bootstrap badge class for a status, so the pipeline reads at a glance.</summary>
    public static string For(NominationStatus status) => status switch
    {
        NominationStatus.Draft => "text-bg-secondary",
        NominationStatus.Submitted => "text-bg-info",
        NominationStatus.Returned => "text-bg-warning",
        NominationStatus.Verified or NominationStatus.InFieldAssessment or NominationStatus.ReadyForScoring or NominationStatus.Scored => "text-bg-primary",
        NominationStatus.Finalist or NominationStatus.ForwardedToNational or NominationStatus.Winner => "text-bg-success",
        _ => "text-bg-light border",
    };

}
