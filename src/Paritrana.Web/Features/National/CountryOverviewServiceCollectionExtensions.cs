using Paritrana.Web.Features.National;

// In the portal's root namespace, so that PortalServices registers the country overview with one line.
namespace Paritrana.Web;

public static class CountryOverviewServiceCollectionExtensions
{
    /// <summary>The national secretariat's country at a glance (issue 17, item 5).</summary>
    public static IServiceCollection AddCountryOverview(this IServiceCollection services)
    {
        services.AddScoped<CountryOverview>();
        return services;
    }
}
