using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>The services the scoring pages share: scorecards (their evidence and the next card), assignments, the one ranking computation and its breakdown.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddScoped<ScorecardService>();
        services.AddScoped<ScorecardEvidence>();
        services.AddScoped<NextCard>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<RoundStatusChange>();
        services.AddScoped<ScoreBoard>();
        services.AddScoped<ScoreBreakdown>();
        return services;
    }
}
