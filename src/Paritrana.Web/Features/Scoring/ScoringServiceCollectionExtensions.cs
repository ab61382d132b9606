using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>The services the scoring pages share: scorecards, assignments and the ranking.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddScoped<ScorecardService>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<RankingQuery>();
        return services;
    }
}
