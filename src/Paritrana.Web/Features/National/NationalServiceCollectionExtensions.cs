using Paritrana.Web.Features.National;

// In the portal's root namespace, so that PortalServices registers the national stage with one line.
namespace Paritrana.Web;

public static class NationalServiceCollectionExtensions
{
    /// <summary>The national stage's services: the interview schedule (docs/decisions/046) and the secretariat's country at a glance (044).</summary>
    public static IServiceCollection AddNational(this IServiceCollection services)
    {
        services.AddScoped<InterviewSchedule>();
        services.AddScoped<CountryOverview>();
        return services;
    }
}
