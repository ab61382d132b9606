using Paritrana.Web.Features.Nominations;

// In the portal's root namespace, so that PortalServices registers the nominations' services with one line.
namespace Paritrana.Web;

public static class NominationServiceCollectionExtensions
{
    /// <summary>The one transition service of the nomination workflow, injected into every page and service that takes a step.</summary>
    public static IServiceCollection AddNominations(this IServiceCollection services)
    {
        services.AddScoped<NominationTransitions>();
        return services;
    }
}
