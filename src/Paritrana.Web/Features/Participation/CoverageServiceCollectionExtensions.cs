using Paritrana.Web.Features.Participation;

// In the portal's root namespace, so that PortalServices registers the coverage pages' services with one line.
namespace Paritrana.Web;

public static class CoverageServiceCollectionExtensions
{
    /// <summary>The coverage pages' figures (issue 16) and a candidate's own trend.</summary>
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddSingleton<CoverageReports.Generation>();
        services.AddScoped<CoverageReports>();
        services.AddScoped<CandidateTrends>();
        return services;
    }
}
