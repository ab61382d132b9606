using Paritrana.Web.Features.Candidates;

// In the portal's root namespace, so that PortalServices registers the candidate area with one line.
namespace Paritrana.Web;

public static class CandidateServiceCollectionExtensions
{
    /// <summary>The candidate's representatives (invited by the committee), their answers to coaching items, their limits (docs/decisions/050).</summary>
    public static IServiceCollection AddCandidates(this IServiceCollection services)
    {
        services.AddScoped<Representatives>();
        services.AddScoped<CandidateCoaching>();
        services.AddScoped<CandidateLimits>();
        return services;
    }
}
