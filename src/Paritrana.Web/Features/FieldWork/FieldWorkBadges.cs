namespace Paritrana.Web.Features.FieldWork;

/// <summary>CSS classes of the field-work badges (kept apart from FieldWorkNames, whose texts are resource keys).</summary>
public static class FieldWorkBadges
{
    public static string Coaching(CoachingStatus status) => status switch
    {
        CoachingStatus.Open => "text-bg-warning",
        CoachingStatus.InProgress => "text-bg-info",
        CoachingStatus.Resolved => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string Visit(VisitStatus status) => status switch
    {
        VisitStatus.Planned => "text-bg-primary",
        VisitStatus.Done => "text-bg-success",
        _ => "text-bg-secondary",
    };
}
